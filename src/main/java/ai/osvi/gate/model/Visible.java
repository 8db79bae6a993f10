package ai.osvi.gate.model;

/**
 * Text from the API as the gate shows and keeps it: every character that cannot be seen, or that could change how a
 * line reads, written as a Unicode escape ({@code failed\u200b}), and a backslash doubled so that the escape can be
 * undone exactly. Control characters (a forged "OSVI gate: PASS" line), format characters (zero-width spaces, a byte
 * order mark, soft hyphens, right-to-left overrides that mirror a line) and separators other than the plain space are
 * escaped.
 */
public final class Visible {

    private Visible() {
    }

    /** {@code text} with every invisible character escaped; {@code null} stays {@code null}. */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(c -> c == '\\' || isHidden(c))) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            if (c == '\\') {
                shown.append("\\\\");
            } else if (isHidden(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.append((char) c);
            }
        });
        return shown.toString();
    }

    /** The text {@link #escape} was given. */
    public static String unescape(String shown) {
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

    /** Whether the UTF-16 unit {@code c} is invisible, or changes how the text around it reads. */
    static boolean isHidden(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (type == Character.SPACE_SEPARATOR && c != ' ');
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
