package ai.osvi.gate.polling;

import java.time.Duration;
import java.time.Instant;

/** A monotonic clock and a way to wait, injected so that tests run in virtual time. */
public interface TimeSource {

    /** Monotonic nanoseconds, only meaningful as differences. */
    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    /** The wall clock, for the times people read ("gives up at 10:45:12 UTC"); never for measuring. */
    default Instant wallClock() {
        return Instant.now();
    }

    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        }
    };
}
