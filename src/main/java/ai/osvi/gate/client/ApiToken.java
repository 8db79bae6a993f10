package ai.osvi.gate.client;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
     * or backslashes before punctuation, as Markdown escapes it too; character references of XML, HTML and Markdown,
     * {@code &#95;}, {@code &#x5f;}, {@code &amp;}; URL percent-encoding {@code %61}), so that what a reader would
     * decode to the token is never shown either. Outputs rely on it: they escape text for their format first and the
     * sink redacts the whole.
     */
    public String redact(String text) {
        return text == null
                ? null
                : withoutFragments(
                        encodedForms().matcher(text.replace(value, "****")).replaceAll("****"));
    }

    /**
     * The shortest part of the token that is redacted on its own: half of it, at least 6 characters (all of a
     * shorter token). An API that quotes the token cut ("tok_SECR..."), with its last character dropped, or in
     * another case, still gives most of it away; half of a random 16-character token never occurs by chance.
     */
    int fragmentLength() {
        return Math.min(value.length(), Math.max(6, value.length() / 2));
    }

    /**
     * {@code text} with every run of at least {@link #fragmentLength()} characters that is a part of the token,
     * ignoring case and taking {@code _ - .} as one, replaced by {@code ****}. A rolling hash finds candidate windows
     * in one pass, so that a body of megabytes costs milliseconds.
     */
    private String withoutFragments(String text) {
        int k = fragmentLength();
        if (text.length() < k) {
            return text;
        }
        String token = folded(value);
        String folded = folded(text);
        Set<Long> windows = new HashSet<>();
        for (int i = 0; i + k <= token.length(); i++) {
            windows.add(hash(token, i, k));
        }
        long power = 1;
        for (int i = 0; i < k - 1; i++) {
            power *= HASH_BASE;
        }
        StringBuilder out = null;
        int copied = 0;
        long rolling = hash(folded, 0, k);
        for (int i = 0; i + k <= folded.length(); ) {
            if (windows.contains(rolling) && token.contains(folded.substring(i, i + k))) {
                int end = i + k;
                while (end < folded.length() && token.contains(folded.substring(i, end + 1))) {
                    end++;
                }
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, i).append("****");
                copied = end;
                i = end;
                if (i + k <= folded.length()) {
                    rolling = hash(folded, i, k);
                }
                continue;
            }
            if (i + k < folded.length()) {
                rolling = (rolling - folded.charAt(i) * power) * HASH_BASE + folded.charAt(i + k);
            }
            i++;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static final long HASH_BASE = 1_000_003;

    private static long hash(String text, int from, int length) {
        long hash = 0;
        for (int i = from; i < from + length; i++) {
            hash = hash * HASH_BASE + text.charAt(i);
        }
        return hash;
    }

    /** Each character lower-cased, and {@code - .} written as {@code _}: one character for one. */
    private static String folded(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = Character.toLowerCase(chars[i]);
            chars[i] = c == '-' || c == '.' ? '_' : c;
        }
        return new String(chars);
    }

    /** The named character references XML writes, and Markdown or HTML read. */
    private static final Map<Integer, String> NAMED_REFERENCES =
            Map.of((int) '&', "amp", (int) '<', "lt", (int) '>', "gt", (int) '"', "quot", (int) '\'', "apos");

    private Pattern encodedForms() {
        StringBuilder regex = new StringBuilder();
        value.codePoints().forEach(c -> {
            regex.append("(?:").append(Pattern.quote(new String(Character.toChars(c))));
            if (c < 128 && !Character.isLetterOrDigit(c)) {
                // escaped with backslashes, as JSON ("\\\"") and Markdown ("\\_") write punctuation
                regex.append("|\\\\+").append(Pattern.quote(Character.toString(c)));
            }
            // a character reference, as XML, HTML and Markdown write it: "&#95;", "&#x5F;", "&quot;", also escaped
            // again
            regex.append("|&(?:amp;)*#0*")
                    .append(c)
                    .append(";|&(?:amp;)*#[xX]0*(?i:")
                    .append(Integer.toHexString(c))
                    .append(");");
            String named = NAMED_REFERENCES.get(c);
            if (named != null) {
                regex.append("|&(?:amp;)*").append(named).append(";");
            }
            for (char unit : Character.toChars(c)) {
                regex.append("|\\\\u(?i:")
                        .append(String.format("%04x", (int) unit))
                        .append(")");
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
