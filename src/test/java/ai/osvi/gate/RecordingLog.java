package ai.osvi.gate;

import ai.osvi.gate.log.GateLog;
import java.util.ArrayList;
import java.util.List;

/** Keeps every line with its level, e.g. "WARN campaign 7: ...". */
public final class RecordingLog implements GateLog {

    public final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void error(String message) {
        lines.add("ERROR " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    public List<String> at(String level) {
        return lines.stream()
                .filter(line -> line.startsWith(level + " "))
                .map(line -> line.substring(level.length() + 1))
                .toList();
    }

    public String text() {
        return String.join("\n", lines);
    }
}
