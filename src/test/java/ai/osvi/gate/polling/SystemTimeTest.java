package ai.osvi.gate.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The real clock the goal runs on (the other tests run in virtual time). */
class SystemTimeTest {

    private static Duration timed(Duration sleep) throws InterruptedException {
        long start = TimeSource.SYSTEM.nanoTime();
        TimeSource.SYSTEM.sleep(sleep);
        return Duration.ofNanos(TimeSource.SYSTEM.nanoTime() - start);
    }

    @Test
    void sleep_should_last_at_least_the_pause_asked_for_when_it_is_positive() throws Exception {
        assertThat(timed(Duration.ofMillis(30))).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        assertThat(timed(Duration.ofNanos(1_500_000))).isGreaterThanOrEqualTo(Duration.ofNanos(1_500_000));
    }

    @Test
    void sleep_should_return_at_once_when_the_pause_is_zero_or_negative() throws Exception {
        // a deadline already passed gives a negative pause: no wait, and no IllegalArgumentException from Thread.sleep
        assertThat(timed(Duration.ZERO)).isLessThan(Duration.ofSeconds(1));
        assertThat(timed(Duration.ofMillis(-5))).isLessThan(Duration.ofSeconds(1));
    }
}
