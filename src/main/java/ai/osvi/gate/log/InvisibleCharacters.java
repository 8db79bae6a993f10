package ai.osvi.gate.log;

/**
 * Characters a reader cannot see, or that change how the text around them reads: control characters (a line break
 * could start a forged "OSVI gate: PASS" line), line and paragraph separators, and format characters, among them the
 * bidirectional controls (a right-to-left override in a campaign name would show "FAIL" as "LIAF" and mirror the rest
 * of the line) and zero-width characters (a status "failed" with a zero-width space, which looks like "failed").
 */
public final class InvisibleCharacters {

    private InvisibleCharacters() {
    }

    public static boolean isInvisible(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
                || codePoint == '\u2028' || codePoint == '\u2029';
    }

    /**
     * {@code text} with each invisible character written as its Unicode escape (a backslash, u, 4 hex digits; two for a
     * character beyond U+FFFF), so that a right-to-left override shows as a backslash, u, 202e; {@code null} stays
     * {@code null}.
     */
    public static String escaped(String text) {
        if (text == null || text.codePoints().noneMatch(InvisibleCharacters::isInvisible)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (isInvisible(c)) {
                for (char unit : Character.toChars(c)) {
                    shown.append(String.format("\\u%04x", (int) unit));
                }
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
