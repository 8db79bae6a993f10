package ai.osvi.maven;

import ai.osvi.gate.GateLog;
import org.apache.maven.plugin.logging.Log;

/** Bridges the gate's log to Maven's. */
final class MavenGateLog implements GateLog {

    private final Log log;

    MavenGateLog(Log log) {
        this.log = log;
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
