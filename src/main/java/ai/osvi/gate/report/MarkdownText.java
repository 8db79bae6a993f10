package ai.osvi.gate.report;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text in GitHub-flavoured Markdown that renders as exactly its characters: a campaign name or a status from the API
 * is data, and must not become emphasis, a link, an HTML tag, a table cell, maths, or a character the text only
 * spells ({@code tok\_} or {@code tok&#95;} shown as {@code tok_}). The redactor is applied to the text as it stands
 * and to the text as Markdown would decode it, so that neither form can show the token.
 */
final class MarkdownText {

    /**
     * What can change how a text in a paragraph or a table cell renders: escapes, code, emphasis, strikethrough,
     * links and images, tables, headings, maths. Any ASCII punctuation may be escaped with a backslash.
     */
    private static final String BACKSLASHED = "\\`*_[]|~#$!";

    /** Numeric character references as CommonMark reads them, and the named ones of ASCII characters. */
    private static final Pattern REFERENCE = Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));");

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("Tab", "\t"),
            Map.entry("NewLine", "\n"),
            Map.entry("excl", "!"),
            Map.entry("quot", "\""),
            Map.entry("QUOT", "\""),
            Map.entry("num", "#"),
            Map.entry("dollar", "$"),
            Map.entry("percnt", "%"),
            Map.entry("amp", "&"),
            Map.entry("AMP", "&"),
            Map.entry("apos", "'"),
            Map.entry("lpar", "("),
            Map.entry("rpar", ")"),
            Map.entry("ast", "*"),
            Map.entry("midast", "*"),
            Map.entry("plus", "+"),
            Map.entry("comma", ","),
            Map.entry("period", "."),
            Map.entry("sol", "/"),
            Map.entry("colon", ":"),
            Map.entry("semi", ";"),
            Map.entry("lt", "<"),
            Map.entry("LT", "<"),
            Map.entry("equals", "="),
            Map.entry("gt", ">"),
            Map.entry("GT", ">"),
            Map.entry("quest", "?"),
            Map.entry("commat", "@"),
            Map.entry("lsqb", "["),
            Map.entry("lbrack", "["),
            Map.entry("bsol", "\\"),
            Map.entry("rsqb", "]"),
            Map.entry("rbrack", "]"),
            Map.entry("Hat", "^"),
            Map.entry("lowbar", "_"),
            Map.entry("UnderBar", "_"),
            Map.entry("grave", "`"),
            Map.entry("DiacriticalGrave", "`"),
            Map.entry("lcub", "{"),
            Map.entry("lbrace", "{"),
            Map.entry("verbar", "|"),
            Map.entry("vert", "|"),
            Map.entry("VerticalLine", "|"),
            Map.entry("rcub", "}"),
            Map.entry("rbrace", "}"));

    private MarkdownText() {}

    /** {@code raw} for a paragraph, a heading or a table cell: rendered, it shows exactly its characters. */
    static String text(String raw, UnaryOperator<String> redactor) {
        String shown = shown(raw, redactor);
        StringBuilder md = new StringBuilder(shown.length() + 16);
        shown.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> md.append("&amp;");
                case '<' -> md.append("&lt;");
                case '>' -> md.append("&gt;");
                default -> {
                    if (BACKSLASHED.indexOf(c) >= 0) {
                        md.append('\\');
                    }
                    md.appendCodePoint(c);
                }
            }
        });
        return md.toString();
    }

    /**
     * {@code raw} as a code span in a table cell: rendered, it shows exactly its characters. Delimited by one backtick
     * more than the longest run of them in the text, so that none of them can end the span, and padded with a space on
     * each side (which the renderer removes) when the text starts or ends with a backtick or with spaces; a pipe is
     * escaped for the table, which reads it first, even inside a code span.
     */
    static String codeSpanInTable(String raw, UnaryOperator<String> redactor) {
        String shown = shown(raw, redactor);
        if (shown.isBlank()) {
            return text(shown, UnaryOperator.identity());
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < shown.length(); i++) {
            run = shown.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean padded = shown.startsWith("`") || shown.endsWith("`") || shown.startsWith(" ") && shown.endsWith(" ");
        String pad = padded ? " " : "";
        return fence + pad + shown.replace("|", "\\|") + pad + fence;
    }

    /**
     * The text to show: {@code raw} redacted; or, when the text Markdown would make of it (escapes and character
     * references decoded) holds what the redactor removes, that decoded text redacted.
     */
    private static String shown(String raw, UnaryOperator<String> redactor) {
        String redacted = redactor.apply(raw);
        String decoded = decoded(redacted);
        String decodedRedacted = redactor.apply(decoded);
        return decodedRedacted.equals(decoded) ? redacted : decodedRedacted;
    }

    /** {@code text} with its backslash escapes and character references decoded, as a Markdown renderer would. */
    private static String decoded(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher reference = REFERENCE.matcher(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && isAsciiPunctuation(text.charAt(i + 1))) {
                out.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '&' && reference.find(i) && reference.start() == i && referenced(reference) != null) {
                out.append(referenced(reference));
                i = reference.end();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String referenced(Matcher reference) {
        if (reference.group(3) != null) {
            return NAMED.get(reference.group(3));
        }
        int codePoint = reference.group(1) != null
                ? Integer.parseInt(reference.group(1))
                : Integer.parseInt(reference.group(2), 16);
        return codePoint == 0
                        || !Character.isValidCodePoint(codePoint)
                        || Character.getType(codePoint) == Character.SURROGATE
                ? "\uFFFD"
                : Character.toString(codePoint);
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }
}
