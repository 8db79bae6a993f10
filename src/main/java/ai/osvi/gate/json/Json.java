package ai.osvi.gate.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * JSON documents as plain Java values, for the reports and the simulator's scenarios: an object is a
 * {@code Map<String, Object>} in document order, an array a {@code List<Object>}, a whole number a {@link Long} (a
 * {@link BigInteger} beyond it), any other number a {@link BigDecimal}, and JSON {@code null} is {@code null}.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** No duplicate-name sets: for reading one field only. */
    private static final JsonFactory LENIENT = new JsonFactory();

    private Json() {
    }

    /**
     * The value of the first top-level field {@code name} of the object in {@code bytes}, read leniently (duplicate
     * names, and whatever follows that value, are not looked at); {@code null} when there is none or the document is
     * not an object.
     */
    public static Object topLevelField(byte[] bytes, String name) throws IOException {
        try (JsonParser parser = LENIENT.createParser(bytes)) {
            return topLevelField(parser, name);
        }
    }

    private static Object topLevelField(JsonParser parser, String name) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals(name)) {
                return readValue(parser, value);
            }
            parser.skipChildren();
        }
        return null;
    }

    /** Reads one JSON document; anything after it is an error. */
    public static Object read(byte[] document) throws IOException {
        try (JsonParser parser = FACTORY.createParser(document)) {
            return readDocument(parser);
        }
    }

    /** Reads one JSON document from {@code in}, and closes it; anything after it is an error. */
    public static Object read(InputStream in) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return readDocument(parser);
        }
    }

    private static Object readDocument(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new IOException("the document is empty");
        }
        Object value = readValue(parser, first);
        if (parser.nextToken() != null) {
            throw new IOException("trailing content after the JSON value at line "
                    + parser.currentTokenLocation().getLineNr());
        }
        return value;
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.put(name, readValue(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                JsonToken element;
                while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, element));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + token + " at line "
                    + parser.currentTokenLocation().getLineNr());
        };
    }

    /** A copy of {@code value} with {@code f} applied to every string in it, object keys included. */
    public static Object mapStrings(Object value, UnaryOperator<String> f) {
        if (value instanceof String text) {
            return f.apply(text);
        }
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> field : object.entrySet()) {
                copy.put(f.apply(String.valueOf(field.getKey())), mapStrings(field.getValue(), f));
            }
            return copy;
        }
        if (value instanceof List<?> array) {
            List<Object> copy = new ArrayList<>(array.size());
            for (Object element : array) {
                copy.add(mapStrings(element, f));
            }
            return copy;
        }
        return value;
    }

    /** The value as compact JSON, as an API sends it. */
    public static String compact(Object value) {
        return write(value, false);
    }

    /** The value as indented JSON, for people to read. */
    public static String pretty(Object value) {
        return write(value, true);
    }

    private static String write(Object value, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            write(json, value);
        } catch (IOException e) {
            throw new IllegalStateException("could not write JSON to memory", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Map<?, ?> object) {
            json.writeStartObject();
            for (Map.Entry<?, ?> field : object.entrySet()) {
                json.writeFieldName(String.valueOf(field.getKey()));
                write(json, field.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Iterable<?> array) {
            json.writeStartArray();
            for (Object element : array) {
                write(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            json.writeNumber(integer);
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }
}
