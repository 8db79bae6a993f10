package ai.osvi.gate.report.ci;

/**
 * Text in GitHub-flavoured Markdown that renders as exactly its characters: a campaign name or a status from the API
 * is data, and must not become emphasis, a link, an HTML tag, a table cell, maths, or a character the text only
 * spells ({@code tok\_} or {@code tok&#95;} raw as {@code tok_}). The token is redacted by the sink, in these
 * escaped forms too.
 */
final class MarkdownText {

    /**
     * What can change how a text in a paragraph or a table cell renders: escapes, code, emphasis, strikethrough,
     * links and images, tables, headings, maths. Any ASCII punctuation may be escaped with a backslash.
     */
    private static final String BACKSLASHED = "\\`*_[]|~#$!";

    private MarkdownText() {}

    /** {@code raw} for a paragraph, a heading or a table cell: rendered, it shows exactly its characters. */
    static String text(String raw) {
        StringBuilder md = new StringBuilder(raw.length() + 16);
        raw.codePoints().forEach(c -> {
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
    static String codeSpanInTable(String raw) {
        if (raw.isBlank()) {
            return text(raw);
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < raw.length(); i++) {
            run = raw.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean padded = raw.startsWith("`") || raw.endsWith("`") || raw.startsWith(" ") && raw.endsWith(" ");
        String pad = padded ? " " : "";
        return fence + pad + raw.replace("|", "\\|") + pad + fence;
    }
}
