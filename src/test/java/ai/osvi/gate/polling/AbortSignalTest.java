package ai.osvi.gate.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The signal a shutdown hook raises on Ctrl-C or SIGTERM, and the hook's wait for the verdict to be reported. */
class AbortSignalTest {

    private final AbortSignal abort = new AbortSignal();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void listener_should_run_once_on_abort_when_registered_before_it() {
        abort.onAbort(runs::incrementAndGet);
        assertThat(runs).hasValue(0);

        abort.abort();
        abort.abort();

        assertThat(abort.isAborted()).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void listener_should_run_at_once_when_registered_after_the_abort() {
        abort.abort();

        abort.onAbort(runs::incrementAndGet);

        assertThat(runs).hasValue(1);
    }

    @Test
    void listener_should_not_run_when_unregistered_before_the_abort() {
        abort.onAbort(runs::incrementAndGet).run();

        abort.abort();

        assertThat(runs).hasValue(0);
    }

    @Test
    void shutdown_hook_should_see_the_verdict_reported_when_the_gate_reported_it() throws Exception {
        assertThat(abort.awaitReported(Duration.ofMillis(20)))
                .as("before the report")
                .isFalse();

        abort.markReported();

        assertThat(abort.awaitReported(Duration.ZERO)).isTrue();
    }
}
