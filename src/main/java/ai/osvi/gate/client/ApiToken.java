package ai.osvi.gate.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The OSVI API token and where it came from. {@link #toString()} never shows the value, and {@link #redact} removes
 * it from any text that may have picked it up (an echoing proxy, a server error page).
 *
 * @param source where the token was found, e.g. "settings.xml server 'osvi'" or "environment variable OSVI_API_TOKEN"
 */
public record ApiToken(String value, String source) {

    public ApiToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        if (value.isBlank()) {
            throw new IllegalArgumentException("the API token from " + source + " is empty");
        }
    }

    /**
     * {@code text} with the token replaced by {@code ****}: written as it is, and written in the encodings text on its
     * way to a message may keep, character by character and mixed (JSON escapes: a backslash, u and four hex digits,
     * or a backslash before a slash; URL percent-encoding {@code %61}), so that what a reader would decode to the
     * token is never shown either.
     */
    public String redact(String text) {
        return text == null ? null : encodedForms().matcher(text.replace(value, "****")).replaceAll("****");
    }

    private Pattern encodedForms() {
        StringBuilder regex = new StringBuilder();
        value.codePoints().forEach(c -> {
            regex.append("(?:").append(Pattern.quote(new String(Character.toChars(c))));
            if (c == '/') {
                regex.append("|\\\\/");
            }
            for (char unit : Character.toChars(c)) {
                regex.append("|\\\\u(?i:").append(String.format("%04x", (int) unit)).append(")");
            }
            byte[] utf8 = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
            regex.append("|");
            for (byte b : utf8) {
                regex.append("%(?i:").append(String.format("%02x", b & 0xff)).append(")");
            }
            regex.append(")");
        });
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return "ApiToken[from " + source + "]";
    }
}
