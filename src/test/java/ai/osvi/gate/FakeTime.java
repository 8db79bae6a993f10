package ai.osvi.gate;

import ai.osvi.gate.polling.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Virtual time: sleeping advances the clock at once. */
public final class FakeTime implements TimeSource {

    private long nanos;
    private final long start;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeTime() {
        this(1_000_000_000L);
    }

    /** A clock that starts at {@code startNanos}: {@link System#nanoTime()} may start anywhere, even near its wrap. */
    public FakeTime(long startNanos) {
        this.nanos = startNanos;
        this.start = startNanos;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    /** 2026-06-01T10:00:00Z when the clock starts, then in step with it. */
    @Override
    public Instant wallClock() {
        return Instant.parse("2026-06-01T10:00:00Z").plusNanos(nanos - start);
    }

    public void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanos - start);
    }

    public List<Duration> sleeps() {
        return sleeps;
    }
}
