package ai.osvi.maven;

import java.util.regex.Pattern;

/**
 * A build failure's message as Maven prints it ("[ERROR] Failed to execute goal ...: message"): its own line breaks
 * kept, and every other character that ends or bends a line for a reader of the console written as its Unicode escape.
 * Maven prefixes each line it breaks on, but not a lone carriage return, and a CI runner (GitHub's reads workflow
 * commands such as {@code ::set-output} at the start of a line) ends a line there too: a value quoted in the message
 * (a {@code -D} property, an environment variable) must not start a line of its own.
 */
final class ConsoleText {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\n");

    private ConsoleText() {}

    static String safe(String message) {
        if (message == null) {
            return null;
        }
        String[] lines = LINE_BREAK.split(message, -1);
        StringBuilder safe = new StringBuilder(message.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                safe.append(System.lineSeparator());
            }
            lines[i].codePoints().forEach(c -> {
                int type = Character.getType(c);
                boolean bends = c != '\t'
                        && (type == Character.CONTROL
                                || type == Character.FORMAT
                                || type == Character.LINE_SEPARATOR
                                || type == Character.PARAGRAPH_SEPARATOR);
                if (bends) {
                    for (char unit : Character.toChars(c)) {
                        safe.append(String.format("\\u%04x", (int) unit));
                    }
                } else {
                    safe.appendCodePoint(c);
                }
            });
        }
        return safe.toString();
    }
}
