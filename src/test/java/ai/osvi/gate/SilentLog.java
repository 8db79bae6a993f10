package ai.osvi.gate;

import ai.osvi.gate.log.GateLog;

/** A log that drops everything, for runs whose output nobody reads (property tests, benchmarks). */
public final class SilentLog implements GateLog {

    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {}

    @Override
    public void error(String message) {}

    @Override
    public void debug(String message) {}
}
