package ai.osvi.maven;

import java.util.Locale;
import org.apache.maven.execution.MavenSession;

/**
 * Whether verdict words may be coloured: like Maven itself, never in batch mode ({@code -B}) or when the output is
 * not a terminal, and as {@code -Dstyle.color=always|never|auto} says.
 */
final class ConsoleColour {

    private ConsoleColour() {
    }

    static boolean enabled(MavenSession session) {
        String setting = System.getProperty("style.color", "auto").toLowerCase(Locale.ROOT);
        if (setting.equals("never")) {
            return false;
        }
        if (setting.equals("always")) {
            return true;
        }
        boolean interactive = session == null || session.getRequest() == null
                || session.getRequest().isInteractiveMode();
        return interactive && System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}
