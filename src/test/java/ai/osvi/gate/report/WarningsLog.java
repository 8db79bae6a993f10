package ai.osvi.gate.report;

import ai.osvi.gate.log.GateLog;
import java.util.List;

/** A log that keeps the warnings an output logs, in {@code warnings}, and drops everything else. */
public final class WarningsLog implements GateLog {

    private final List<String> warnings;

    public WarningsLog(List<String> warnings) {
        this.warnings = warnings;
    }

    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void error(String message) {}

    @Override
    public void debug(String message) {}
}
