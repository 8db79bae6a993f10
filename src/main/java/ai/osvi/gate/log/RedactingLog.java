package ai.osvi.gate.log;

import java.util.function.UnaryOperator;

/**
 * A {@link GateLog} that removes a secret from every line before it reaches the real log. Lines can quote what the
 * API sent (a campaign name, an error text), and an API or a proxy in between could echo the token back.
 */
public final class RedactingLog implements GateLog {

    private final GateLog log;
    private final UnaryOperator<String> redactor;

    public RedactingLog(GateLog log, UnaryOperator<String> redactor) {
        this.log = log;
        this.redactor = redactor;
    }

    @Override
    public void info(String message) {
        log.info(redactor.apply(message));
    }

    @Override
    public void warn(String message) {
        log.warn(redactor.apply(message));
    }

    @Override
    public void error(String message) {
        log.error(redactor.apply(message));
    }

    @Override
    public void debug(String message) {
        log.debug(redactor.apply(message));
    }

    @Override
    public Style style() {
        return log.style();
    }
}
