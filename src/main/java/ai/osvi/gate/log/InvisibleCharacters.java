package ai.osvi.gate.log;

/**
 * Characters a reader cannot see, or that change how the text around them reads: control characters (a line break
 * could start a forged "OSVI gate: PASS" line), line and paragraph separators, spaces other than the plain one (a
 * no-break space), and format characters, among them the bidirectional controls (a right-to-left override in a
 * campaign name would show "FAIL" as "LIAF" and mirror the rest of the line) and zero-width characters (a status
 * "failed" with a zero-width space, which looks like "failed"). Text from the API is kept and shown with them escaped,
 * and the escape can be undone exactly: a backslash is doubled.
 */
public final class InvisibleCharacters {

    private InvisibleCharacters() {}

    public static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.SPACE_SEPARATOR && codePoint != ' ');
    }

    /**
     * {@code text} with each invisible character written as its Unicode escape (a backslash, u, 4 hex digits; two for a
     * character beyond U+FFFF), so that a right-to-left override shows as a backslash, u, 202e, and each backslash
     * doubled, so that a text that spells an escape stays apart from the character; {@code null} stays {@code null}.
     */
    public static String escaped(String text) {
        if (text == null || text.codePoints().noneMatch(c -> c == '\\' || isInvisible(c))) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (c == '\\') {
                shown.append("\\\\");
            } else if (isInvisible(c)) {
                for (char unit : Character.toChars(c)) {
                    shown.append(String.format("\\u%04x", (int) unit));
                }
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /** The text {@link #escaped} was given. */
    public static String unescaped(String shown) {
        if (shown == null || shown.indexOf('\\') < 0) {
            return shown;
        }
        StringBuilder text = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '\\' && i + 1 < shown.length() && shown.charAt(i + 1) == '\\') {
                text.append('\\');
                i++;
            } else if (c == '\\' && i + 1 < shown.length() && shown.charAt(i + 1) == 'u' && isHex(shown, i + 2)) {
                text.append((char) Integer.parseInt(shown.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static boolean isHex(String text, int from) {
        if (from + 4 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
