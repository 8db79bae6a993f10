package ai.osvi.gate;

import ai.osvi.gate.polling.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Virtual time: sleeping advances the clock at once. */
public final class FakeTime implements TimeSource {

    private long nanos = 1_000_000_000L;
    private final long start = nanos;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
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
