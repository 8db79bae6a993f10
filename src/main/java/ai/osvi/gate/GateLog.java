package ai.osvi.gate;

/** Where the gate writes what users read; the Maven adapter bridges it to Maven's log. */
public interface GateLog {

    void info(String message);

    void warn(String message);

    void error(String message);

    void debug(String message);
}
