package ai.osvi.gate.client;

import java.util.Objects;

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

    public String redact(String text) {
        return text == null ? null : text.replace(value, "****");
    }

    @Override
    public String toString() {
        return "ApiToken[from " + source + "]";
    }
}
