package ai.osvi.gate.client;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
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
     * {@code text} with the token replaced by {@code ****}, and every run of at least {@link #fragmentLength()}
     * characters that is a part of it: in any case, taking {@code _ - .} as one, and written in the encodings text on
     * its way to a message may keep, character by character and mixed: JSON's {@code \\u0074}, backslashes before
     * punctuation (JSON's {@code \\"} and {@code \\/}, Markdown's {@code \\_}), character references of XML, HTML
     * and Markdown ({@code &#95;}, {@code &#x5f;}, {@code &amp;}, escaped again as {@code &amp;#95;}) and URL
     * percent-encoding ({@code %5F}, UTF-8 bytes). What a reader would decode to the token, or to most of it, is never
     * shown. Outputs rely on it: they escape text for their format, and the sink redacts the whole.
     */
    public String redact(String text) {
        return text == null ? null : withoutFragments(text.replace(value, "****"));
    }

    /**
     * The shortest part of the token that is redacted on its own: half of it, at least 6 characters (all of a
     * shorter token). An API that quotes the token cut ("tok_SECR..."), with its last character dropped, or in
     * another case, still gives most of it away; half of a random 16-character token never occurs by chance.
     */
    int fragmentLength() {
        return Math.min(folded(value).length(), Math.max(6, value.length() / 2));
    }

    /**
     * {@code text} with every run of at least {@link #fragmentLength()} decoded characters that is a part of the
     * token replaced by {@code ****}. Each character is read with its encoding ({@link Reading}); a rolling hash finds
     * candidate windows in one pass, so that a body of megabytes costs milliseconds.
     */
    private String withoutFragments(String text) {
        Reading reading = Reading.of(text);
        String token = folded(value);
        int k = fragmentLength();
        if (reading.length() < k) {
            return text;
        }
        Set<Long> windows = new HashSet<>();
        for (int i = 0; i + k <= token.length(); i++) {
            windows.add(hash(token, i, k));
        }
        long power = 1;
        for (int i = 0; i < k - 1; i++) {
            power *= HASH_BASE;
        }
        String decoded = reading.text();
        StringBuilder out = null;
        int copied = 0;
        long rolling = hash(decoded, 0, k);
        for (int i = 0; i + k <= decoded.length(); ) {
            if (windows.contains(rolling) && token.contains(decoded.substring(i, i + k))) {
                int end = i + k;
                while (end < decoded.length() && token.contains(decoded.substring(i, end + 1))) {
                    end++;
                }
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, reading.start(i)).append("****");
                copied = reading.end(end - 1);
                i = end;
                if (i + k <= decoded.length()) {
                    rolling = hash(decoded, i, k);
                }
                continue;
            }
            if (i + k < decoded.length()) {
                rolling = (rolling - decoded.charAt(i) * power) * HASH_BASE + decoded.charAt(i + k);
            }
            i++;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * A text as a reader reads it: each character decoded from its encoding ({@link #ENCODED}) and folded
     * ({@link #fold}), invisible format characters read past, with where each one's encoding starts and ends in the
     * text. A text with no escape, reference, percent sign or non-ASCII character (a plain JSON body) is read as it
     * is, without the position arrays.
     *
     * @param starts where each decoded character's encoding starts, or {@code null} when each is one character
     * @param ends   where it ends (exclusive), or {@code null} likewise
     */
    private record Reading(String text, int[] starts, int[] ends) {

        static Reading of(String text) {
            if (isPlain(text)) {
                return new Reading(folded(text), null, null);
            }
            int n = text.length();
            char[] decoded = new char[n];
            int[] starts = new int[n];
            int[] ends = new int[n];
            int count = 0;
            Matcher encoded = ENCODED.matcher(text);
            for (int i = 0; i < n; ) {
                int c = text.charAt(i);
                int next = i + 1;
                if ((c == '\\' || c == '&' || c == '%') && isEncoded(encoded.region(i, n))) {
                    c = decodedChar(encoded);
                    next = encoded.end();
                }
                // an invisible character (a zero-width space, a soft hyphen) hides nothing from a reader
                if (Character.getType(c) != Character.FORMAT) {
                    decoded[count] = (char) fold(c);
                    starts[count] = i;
                    ends[count] = next;
                    count++;
                }
                i = next;
            }
            return new Reading(new String(decoded, 0, count), starts, ends);
        }

        int length() {
            return text.length();
        }

        int start(int index) {
            return starts == null ? index : starts[index];
        }

        int end(int index) {
            return ends == null ? index + 1 : ends[index];
        }

        private static boolean isPlain(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                // no invisible format character is ASCII
                if (c >= 0x80 || c == '\\' || c == '&' || c == '%') {
                    return false;
                }
            }
            return true;
        }

        private static boolean isEncoded(Matcher encoded) {
            return encoded.lookingAt() && (encoded.group(5) == null || NAMED_REFERENCES.containsKey(encoded.group(5)));
        }
    }

    private static final Pattern ENCODED = Pattern.compile("\\\\u([0-9A-Fa-f]{4})"
            + "|\\\\+([!-/:-@\\[-`{-~])"
            + "|&(?:amp;)*(?:#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,16}));"
            + "|%(?:25)*([0-7][0-9A-Fa-f])");

    /** The named character references of ASCII characters that HTML and Markdown decode. */
    private static final Map<String, Character> NAMED_REFERENCES = Map.ofEntries(
            Map.entry("excl", '!'),
            Map.entry("quot", '"'),
            Map.entry("QUOT", '"'),
            Map.entry("num", '#'),
            Map.entry("dollar", '$'),
            Map.entry("percnt", '%'),
            Map.entry("amp", '&'),
            Map.entry("AMP", '&'),
            Map.entry("apos", '\''),
            Map.entry("lpar", '('),
            Map.entry("rpar", ')'),
            Map.entry("ast", '*'),
            Map.entry("midast", '*'),
            Map.entry("plus", '+'),
            Map.entry("comma", ','),
            Map.entry("period", '.'),
            Map.entry("sol", '/'),
            Map.entry("colon", ':'),
            Map.entry("semi", ';'),
            Map.entry("lt", '<'),
            Map.entry("LT", '<'),
            Map.entry("equals", '='),
            Map.entry("gt", '>'),
            Map.entry("GT", '>'),
            Map.entry("quest", '?'),
            Map.entry("commat", '@'),
            Map.entry("lsqb", '['),
            Map.entry("lbrack", '['),
            Map.entry("bsol", '\\'),
            Map.entry("rsqb", ']'),
            Map.entry("rbrack", ']'),
            Map.entry("Hat", '^'),
            Map.entry("lowbar", '_'),
            Map.entry("UnderBar", '_'),
            Map.entry("grave", '`'),
            Map.entry("DiacriticalGrave", '`'),
            Map.entry("lcub", '{'),
            Map.entry("lbrace", '{'),
            Map.entry("verbar", '|'),
            Map.entry("vert", '|'),
            Map.entry("VerticalLine", '|'),
            Map.entry("rcub", '}'),
            Map.entry("rbrace", '}'));

    private static int decodedChar(Matcher encoded) {
        if (encoded.group(1) != null) {
            return Integer.parseInt(encoded.group(1), 16);
        }
        if (encoded.group(2) != null) {
            return encoded.group(2).charAt(0);
        }
        if (encoded.group(3) != null || encoded.group(4) != null) {
            long code =
                    encoded.group(3) != null ? Long.parseLong(encoded.group(3)) : Long.parseLong(encoded.group(4), 16);
            // a character beyond the basic plane cannot be part of a run of UTF-16 units: it stands for none
            return code > 0 && code < 0x10000 ? (int) code : 0xFFFD;
        }
        if (encoded.group(5) != null) {
            return NAMED_REFERENCES.get(encoded.group(5));
        }
        return Integer.parseInt(encoded.group(6), 16);
    }

    private static final long HASH_BASE = 1_000_003;

    private static long hash(CharSequence text, int from, int length) {
        long hash = 0;
        for (int i = from; i < from + length; i++) {
            hash = hash * HASH_BASE + text.charAt(i);
        }
        return hash;
    }

    /** Each character as {@link #fold} reads it: one character for one. */
    private static String folded(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.chars().forEach(c -> folded.append((char) fold(c)));
        return folded.toString();
    }

    /**
     * A character as a reader compares it: lower-cased, a compatibility form (a fullwidth letter) as its plain letter,
     * and {@code - . _} and a space alike.
     */
    private static int fold(int c) {
        int plain = c;
        if (c >= 0x80) {
            String normalized = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC);
            plain = normalized.length() == 1 ? normalized.charAt(0) : c;
        }
        int lower = Character.toLowerCase(plain);
        return lower == '-' || lower == '.' || lower == ' ' ? '_' : lower;
    }

    @Override
    public String toString() {
        return "ApiToken[from " + source + "]";
    }
}
