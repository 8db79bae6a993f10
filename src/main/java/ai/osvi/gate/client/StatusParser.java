package ai.osvi.gate.client;

import ai.osvi.gate.log.InvisibleCharacters;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Json;
import ai.osvi.gate.model.Upload;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Reads a campaign-status body: Jackson reads it into a tree (refusing duplicate names, which are ambiguous, and
 * trailing content), every text in the tree is redacted, then a short pass takes what the gate decides on. Strict
 * where the verdict depends on it (counts, queues, completion), lenient elsewhere: unknown fields are ignored,
 * nullable fields may be null, informational fields that are missing or malformed are left {@code null}. Errors
 * name the field.
 */
public final class StatusParser {

    /** Immutable once built, so one for every parse. Decimals as BigDecimal: {@code 100.0} must read as 100. */
    private static final ObjectMapper MAPPER = Json.MAPPER;
    /** No duplicate-name sets: {@link #errorText} reads one field only. */
    private static final JsonFactory LENIENT = new JsonFactory();

    private final UnaryOperator<String> redactor;

    private StatusParser(UnaryOperator<String> redactor) {
        this.redactor = redactor;
    }

    public static CampaignStatus parse(byte[] body) throws ApiException {
        return parse(body, UnaryOperator.identity());
    }

    /**
     * As {@link #parse(byte[])}; {@code redactor} (e.g. {@link ApiToken#redact}) is applied to every text of the body,
     * names included, as it is read: the snapshot, and any message quoting it, never holds what it removes. A message
     * of the JSON parser's quotes an excerpt of the body, which may end inside what the redactor would remove: the
     * whole body must be redacted before, as {@link OsviHttpClient} does through {@link #parse(BodyText, UnaryOperator)}.
     */
    public static CampaignStatus parse(byte[] body, UnaryOperator<String> redactor) throws ApiException {
        return parse(BodyText.decode(body), redactor);
    }

    /** As {@link #parse(byte[], UnaryOperator)}, of a body decoded already (and redacted whole). */
    static CampaignStatus parse(BodyText body, UnaryOperator<String> redactor) throws ApiException {
        if (!body.decoded()) {
            throw unexpected(body.undecodable());
        }
        return new StatusParser(redactor).read(body.text());
    }

    /** The {@code error} text of an error body (401, 404, 5xx), or {@code null}: read leniently, it only adds detail. */
    public static String errorText(byte[] body) {
        return errorText(BodyText.decode(body));
    }

    static String errorText(BodyText body) {
        if (!body.decoded()) {
            return null;
        }
        // the first top-level "error"; duplicate names, and whatever follows its value, are not looked at
        try (JsonParser parser = LENIENT.createParser(body.text())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("error")) {
                    return value == JsonToken.VALUE_STRING ? wellFormed(parser.getText()) : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private CampaignStatus read(String body) throws ApiException {
        JsonNode root = redacted(tree(body));
        if (!root.isObject()) {
            throw unexpected("the body is not a JSON object");
        }
        JsonNode success = root.get("success");
        if (success != null && !success.isBoolean() && !success.isNull()) {
            throw unexpected(field("success", "a boolean", success));
        }
        if (success != null && success.isBoolean() && !success.booleanValue()) {
            JsonNode error = root.get("error");
            throw ApiException.transientFault("the API answered success: false"
                    + (error != null && error.isTextual() ? " (error: " + abbreviate(error.textValue()) + ")" : ""));
        }
        JsonNode data = required(root, "data", "data", JsonNode::isObject, "an object");
        return new CampaignStatus(
                campaign(required(data, "campaign", "data.campaign", JsonNode::isObject, "an object")),
                calls(required(data, "calls", "data.calls", JsonNode::isObject, "an object")),
                uploads(required(data, "uploads", "data.uploads", JsonNode::isArray, "an array")),
                data);
    }

    private JsonNode tree(String body) throws ApiException {
        if (body.isEmpty()) {
            throw unexpected("the body is empty");
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw unexpected("the body is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (body.stripLeading().startsWith("<")) {
                throw unexpected("the body is HTML or XML, not JSON (a proxy or gateway error page?)");
            }
            if (e.getOriginalMessage().startsWith("Duplicate ") && e.getProcessor() instanceof JsonParser parser) {
                throw unexpected(path(parser.getParsingContext()) + " appears more than once in its object"
                        + " (duplicate names are ambiguous)");
            }
            throw unexpected("the body is not valid JSON (" + quoted(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw unexpected("the body could not be read (" + quoted(e.getMessage()) + ")");
        }
    }

    /**
     * "data.uploads[1].queues[0].completed": where the parser stands, in the notation of the messages. The names are
     * decoded from the body, so each is quoted as every other text of the body is, and so is the whole path.
     */
    private String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inArray()) {
                path.insert(0, "[" + Math.max(0, step.getCurrentIndex()) + "]");
            } else if (step.getCurrentName() != null) {
                path.insert(0, "." + quoted(step.getCurrentName()));
            }
        }
        // each name is quoted already: escaping the whole again would double its escapes
        return redactor.apply(path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString());
    }

    /**
     * A text about the body that a message quotes (a name, a message of Jackson's): well-formed, on one line, and
     * redacted both as it stands and with its JSON escapes decoded, so that a token the body spelled with escapes
     * (backslash, u, 0061 for its first letter) is removed whether the text holds it as sent or decoded.
     */
    private String quoted(String text) {
        if (text == null) {
            return null;
        }
        String redacted = redactor.apply(wellFormed(text));
        String decoded = wellFormed(unescaped(redacted));
        String decodedRedacted = redactor.apply(decoded);
        return oneLine(decodedRedacted.equals(decoded) ? redacted : decodedRedacted);
    }

    /** {@code text} with its JSON escapes (a backslash, then u and four hex digits, n, slash...) decoded. */
    private static String unescaped(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == 'u'
                    && i + 5 < text.length()
                    && text.substring(i + 2, i + 6).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else if ("\"\\/bfnrt".indexOf(next) >= 0) {
                out.append("\"\\/\b\f\n\r\t".charAt("\"\\/bfnrt".indexOf(next)));
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A copy of {@code node} with every text and every name made well-formed ({@link #wellFormed}), then redacted:
     * whatever a report, a summary, an output or a message quotes of the body comes from this copy.
     */
    private JsonNode redacted(JsonNode node) {
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(redactor.apply(wellFormed(node.textValue())));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields()
                    .forEachRemaining(
                            field -> copy.set(redactor.apply(wellFormed(field.getKey())), redacted(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(redacted(element)));
            return copy;
        }
        return node;
    }

    private Campaign campaign(JsonNode campaign) throws ApiException {
        JsonNode status = campaign.path("status");
        if (!status.isMissingNode() && !status.isTextual() && !status.isNull()) {
            throw unexpected(field("data.campaign.status", "a string", status));
        }
        JsonNode id = campaign.path("id");
        // the id decides whose data this is: one that is there but cannot be read is never taken for "not sent"
        if (!id.isMissingNode() && !id.isNull() && wholeNumber(id) == null) {
            throw unexpected(field("data.campaign.id", "a whole number", id));
        }
        JsonNode retryThreshold = campaign.path("retry_threshold");
        JsonNode retryDelay = campaign.path("retry_delay");
        return new Campaign(
                wholeNumber(id),
                oneLine(campaign.path("name").textValue()),
                status.textValue(),
                campaign.path("is_retry_enabled").isBoolean()
                        ? campaign.path("is_retry_enabled").booleanValue()
                        : null,
                asInt(wholeNumber(retryThreshold)),
                asInt(wholeNumber(retryDelay)),
                Campaign.dateTime(campaign.path("created_at").textValue()),
                oneLine(
                        campaign.path("created_at").isValueNode()
                                        && !campaign.path("created_at").isNull()
                                ? campaign.path("created_at").asText()
                                : null));
    }

    private CallCounts calls(JsonNode calls) throws ApiException {
        long total = count(
                required(calls, "total", "data.calls.total", JsonNode::isNumber, "a whole number"), "data.calls.total");
        JsonNode byStatus = required(calls, "by_status", "data.calls.by_status", JsonNode::isObject, "an object");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = byStatus.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> status = it.next();
            Long before = counts.put(
                    oneLine(status.getKey()),
                    count(status.getValue(), "data.calls.by_status." + oneLine(status.getKey())));
            if (before != null) {
                throw unexpected("data.calls.by_status has the key '" + oneLine(status.getKey()) + "' twice");
            }
        }
        return new CallCounts(total, counts);
    }

    private List<Upload> uploads(JsonNode uploads) throws ApiException {
        List<Upload> result = new ArrayList<>();
        for (int u = 0; u < uploads.size(); u++) {
            String path = "data.uploads[" + u + "]";
            JsonNode upload = uploads.get(u);
            if (!upload.isObject()) {
                throw unexpected(field(path, "an object", upload));
            }
            long id = count(
                    required(
                            upload,
                            "campaign_upload_id",
                            path + ".campaign_upload_id",
                            JsonNode::isNumber,
                            "a whole number"),
                    path + ".campaign_upload_id");
            JsonNode queues = required(upload, "queues", path + ".queues", JsonNode::isArray, "an array");
            int completed = 0;
            Long queued = 0L; // null once a queue does not say, or the sum is beyond a long
            for (int q = 0; q < queues.size(); q++) {
                String queuePath = path + ".queues[" + q + "]";
                JsonNode queue = queues.get(q);
                if (!queue.isObject()) {
                    throw unexpected(field(queuePath, "an object", queue));
                }
                if (required(queue, "completed", queuePath + ".completed", JsonNode::isBoolean, "a boolean")
                        .booleanValue()) {
                    completed++;
                }
                JsonNode totalQueued = queue.path("total_queued");
                long count = totalQueued.isMissingNode() || totalQueued.isNull()
                        ? -1
                        : count(totalQueued, queuePath + ".total_queued");
                queued = queued == null || count < 0 || queued > Long.MAX_VALUE - count ? null : queued + count;
            }
            result.add(new Upload(id, queues.size(), completed, queued));
        }
        return result;
    }

    private JsonNode required(JsonNode parent, String name, String path, Predicate<JsonNode> ok, String expected)
            throws ApiException {
        JsonNode value = parent.get(name);
        if (value == null) {
            throw unexpected(path + " is missing (expected " + expected + ")");
        }
        if (!ok.test(value)) {
            throw unexpected(field(path, expected, value));
        }
        return value;
    }

    private long count(JsonNode value, String path) throws ApiException {
        Long number = wholeNumber(value);
        if (number == null && value.isNumber() && isWhole(value)) {
            throw unexpected(path + " is " + value.bigIntegerValue() + ", more than the largest count an API can send"
                    + " (" + Long.MAX_VALUE + ")");
        }
        if (number == null) {
            throw unexpected(field(path, "a whole number", value));
        }
        if (number < 0) {
            throw unexpected(path + " is " + number + ", a negative count");
        }
        return number;
    }

    private static boolean isWhole(JsonNode value) {
        return value.isIntegralNumber()
                || value.decimalValue().stripTrailingZeros().scale() <= 0;
    }

    /**
     * The value when it is a whole number that fits a {@code long}, else {@code null}. The API is OpenAPI 3.1, whose
     * {@code integer} is JSON Schema's: any number with a zero fraction, so {@code 100.0} is 100.
     */
    private static Long wholeNumber(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : null;
        }
        if (value.isNumber()) {
            try {
                return value.decimalValue().longValueExact();
            } catch (ArithmeticException e) {
                return null; // a fraction, or beyond a long
            }
        }
        return null;
    }

    /**
     * The text with every invisible character escaped ({@link InvisibleCharacters}): names the gate quotes in log
     * lines, reports and messages (a campaign name, a status) can then never start a line of their own, such as a
     * forged "OSVI gate: PASS", nor turn the line around them right to left, nor hide a character that makes
     * {@code failed\u200b} look like {@code failed}. The report's copy of the API's data keeps them as sent, escaped by
     * JSON.
     */
    private static String oneLine(String text) {
        return InvisibleCharacters.escaped(text);
    }

    /**
     * The text with every lone surrogate (half of a character beyond the Basic Multilingual Plane, as a JSON escape
     * of the first half of an emoji alone decodes to) replaced by U+FFFD. No UTF-8 writer can encode half a character: kept, it
     * would cost every report, summary and output that quotes the text.
     */
    static String wellFormed(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static Integer asInt(Long value) {
        return value == null || value != value.intValue() ? null : value.intValue();
    }

    private String field(String path, String expected, JsonNode actual) {
        String shown = actual.isTextual()
                ? "the string \"" + abbreviate(actual.textValue()) + "\""
                : actual.isArray()
                        ? "an array"
                        : actual.isObject()
                                ? "an object"
                                : actual.isBigDecimal()
                                        ? actual.decimalValue().toString().toLowerCase(Locale.ROOT)
                                        : actual.asText();
        return path + " is " + shown + ", expected " + expected;
    }

    /** A text of the body as a message quotes it: on one line, and cut after 40 characters. */
    private static String abbreviate(String text) {
        String line = oneLine(text);
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }

    private static ApiException unexpected(String problem) {
        return ApiException.transientFault("unexpected response: " + problem);
    }
}
