package ai.osvi.maven;

import ai.osvi.gate.polling.AbortSignal;
import java.time.Duration;

/**
 * While the gate waits, Ctrl-C or a CI's SIGTERM runs this shutdown hook: it aborts the wait and gives the gate up to
 * 2 seconds to report ABORTED before the JVM goes down.
 */
final class AbortOnShutdown implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(2);

    private final AbortSignal signal = new AbortSignal();
    private final Thread hook = new Thread(this::abortAndWait, "osvi-gate-abort");

    static AbortOnShutdown register() {
        AbortOnShutdown abort = new AbortOnShutdown();
        Runtime.getRuntime().addShutdownHook(abort.hook);
        return abort;
    }

    AbortSignal signal() {
        return signal;
    }

    private void abortAndWait() {
        signal.abort();
        try {
            signal.awaitReported(GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        signal.markReported();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and will return now that we are done.
        }
    }
}
