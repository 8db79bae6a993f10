package ai.osvi.gate.report;

import ai.osvi.gate.GateRun;
import ai.osvi.gate.log.GateLog;
import java.nio.file.Path;
import java.time.Clock;

/** Report contexts for tests: the standard outputs of a gate of its own. */
public final class Contexts {

    private Contexts() {}

    /**
     * @param summary the GitHub step summary, or {@code null}
     * @param output  the GitHub step outputs, or {@code null}
     */
    public static ReportContext of(Path directory, Path summary, Path output, Clock clock, GateLog log) {
        return ReportContext.of(directory, summary, output, clock, log, GateRun.standardOutputs());
    }
}
