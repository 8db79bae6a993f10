package ai.osvi.maven;

import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.log.Style;
import org.apache.maven.plugin.logging.Log;

/** Bridges the gate's log to Maven's. */
final class MavenGateLog implements GateLog {

    private final Log log;
    private final Style style;

    /** @param unicode whether the console shows Unicode block characters (else sparklines are in ASCII) */
    MavenGateLog(Log log, boolean colour, boolean unicode) {
        this.log = log;
        this.style = (colour ? Style.ANSI : Style.PLAIN).withUnicode(unicode);
    }

    @Override
    public Style style() {
        return style;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
