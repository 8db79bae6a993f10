package ai.osvi.gate.report.files;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Just enough XML for the JUnit report: elements, attributes and text, escaped. Characters that XML 1.0 cannot carry
 * at all (control characters other than tab and line breaks, lone surrogates, U+FFFE, U+FFFF), which could reach the
 * report through a campaign name or an error message, become U+FFFD: a StAX writer would copy them as they are and
 * leave a file that no CI server can parse. Line breaks inside attribute values are written as character references,
 * so that a parser does not normalise them to spaces.
 */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder(2048);
    private final Deque<String> open = new ArrayDeque<>();
    private boolean inStartTag;

    XmlWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    XmlWriter start(String name) {
        closeStartTag();
        out.append('<').append(name);
        open.push(name);
        inStartTag = true;
        return this;
    }

    XmlWriter attribute(String name, String value) {
        if (!inStartTag) {
            throw new IllegalStateException("attribute " + name + " outside a start tag");
        }
        out.append(' ').append(name).append("=\"");
        escape(value, true);
        out.append('"');
        return this;
    }

    XmlWriter text(String text) {
        closeStartTag();
        escape(text, false);
        return this;
    }

    /** Ends the innermost open element, as {@code <name/>} when it has no content. */
    XmlWriter end() {
        String name = open.pop();
        if (inStartTag) {
            out.append("/>");
            inStartTag = false;
        } else {
            out.append("</").append(name).append('>');
        }
        return this;
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void closeStartTag() {
        if (inStartTag) {
            out.append('>');
            inStartTag = false;
        }
    }

    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
