package ai.osvi.maven;

import java.io.Console;
import java.util.Locale;
import org.apache.maven.execution.MavenSession;

/**
 * Whether verdict words may be coloured: like Maven itself, never in batch mode ({@code -B}) or when the output is
 * not a terminal, and as {@code -Dstyle.color=always|never|auto} says.
 */
final class ConsoleColour {

    private ConsoleColour() {}

    static boolean enabled(MavenSession session) {
        String setting = System.getProperty("style.color", "auto").toLowerCase(Locale.ROOT);
        if (setting.equals("never")) {
            return false;
        }
        if (setting.equals("always")) {
            return true;
        }
        boolean interactive = session == null
                || session.getRequest() == null
                || session.getRequest().isInteractiveMode();
        return interactive && isTerminal() && !"dumb".equals(System.getenv("TERM"));
    }

    /** From JDK 22 on, System.console() exists even when the output is redirected; Console.isTerminal() tells. */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
