package ai.osvi.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dotenv report the way GitLab accepts one, or refuses it as GitLab would (its documentation's "Dotenv file
 * requirements" and {@code Ci::ParseDotenvArtifactService}): under 5 KB; UTF-8; split into lines on {@code \n}; each
 * line {@code KEY=VALUE} (an empty line or a comment is an invalid format), key and value stripped of surrounding
 * white space; keys of ASCII letters, digits and underscores, at most 255 characters; no quoting (quotes stay part of
 * the value); at most {@code maxVariables} variables (20 by default on a self-managed GitLab). The same key twice:
 * the last value wins.
 */
public final class GitlabDotenvFile {

    public static final int MAX_BYTES = 5 * 1024;
    public static final int DEFAULT_MAX_VARIABLES = 20;
    private static final Pattern LINE = Pattern.compile("^(.*?)=(.*)$", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_]{1,255}");

    private GitlabDotenvFile() {}

    public static Map<String, String> parse(byte[] bytes, int maxVariables) {
        if (bytes.length >= MAX_BYTES) {
            throw new IllegalArgumentException("Dotenv Artifact Too Big. Maximum Allowable Size: " + MAX_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        int from = 0;
        while (from < text.length()) {
            int lf = text.indexOf('\n', from);
            String line = lf < 0 ? text.substring(from) : text.substring(from, lf);
            from = lf < 0 ? text.length() : lf + 1;
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("Invalid Format: '" + line + "'");
            }
            String key = matcher.group(1).strip();
            String value = matcher.group(2).strip();
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Invalid key '" + key + "'");
            }
            variables.put(key, value);
        }
        if (variables.size() > maxVariables) {
            throw new IllegalArgumentException("Dotenv files cannot have more than " + maxVariables + " variables");
        }
        return variables;
    }

    public static Map<String, String> read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), DEFAULT_MAX_VARIABLES);
    }
}
