package ai.osvi.maven;

import java.nio.charset.Charset;

/**
 * Whether the console shows the Unicode block characters of the sparklines (▁▂▃▄▅▆▇█), judged by the encoding the
 * JVM writes standard output in: {@code stdout.encoding} (JDK 19 on), {@code sun.stdout.encoding} (a Windows console
 * on earlier JDKs), else the default charset ({@code file.encoding}). A console in ASCII or Latin-1 gets ASCII.
 */
final class ConsoleEncoding {

    private static final String BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";

    private ConsoleEncoding() {}

    static boolean showsBlocks() {
        return showsBlocks(
                System.getProperty("stdout.encoding"),
                System.getProperty("sun.stdout.encoding"),
                Charset.defaultCharset());
    }

    static boolean showsBlocks(String stdoutEncoding, String sunStdoutEncoding, Charset defaultCharset) {
        String name = stdoutEncoding != null && !stdoutEncoding.isBlank()
                ? stdoutEncoding
                : sunStdoutEncoding != null && !sunStdoutEncoding.isBlank() ? sunStdoutEncoding : null;
        Charset charset;
        try {
            charset = name == null ? defaultCharset : Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            // an unknown or unsupported name: the JVM writes such a console in a fallback we cannot tell
            return false;
        }
        try {
            return charset.canEncode() && charset.newEncoder().canEncode(BLOCKS);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
