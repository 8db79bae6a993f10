package ai.osvi.gate.polling;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Policy.PollStrategy;
import ai.osvi.gate.model.CampaignStatus;
import java.math.BigInteger;
import java.time.Duration;

/** Chooses the pause after a good answer. (After errors the waiter backs off on its own.) */
public interface PollSchedule {

    /** The pause before the next poll, given the snapshot just received at {@code nanos}. */
    Duration next(CampaignStatus snapshot, long nanos);

    static PollSchedule of(GateConfig config) {
        return config.pollStrategy() == PollStrategy.FIXED
                ? (snapshot, nanos) -> config.pollInterval()
                : new Adaptive(config.pollInterval(), config.maxPollInterval());
    }

    /**
     * Estimates the time left from the campaign's progress (calls made against the calls queued, at the rate seen
     * over the last few polls) and polls a quarter of the way to the predicted end, so that polls get closer together as the end
     * nears: rarely far from it, every {@code pollInterval} near it, never more than {@code maxPollInterval} apart.
     * Without progress the pause doubles, so that a stalled campaign is polled rarely.
     */
    final class Adaptive implements PollSchedule {

        private static final int WINDOW = 4;

        private final long min;
        private final long max;
        private final java.util.ArrayDeque<long[]> samples = new java.util.ArrayDeque<>();
        private long pause;

        public Adaptive(Duration pollInterval, Duration maxPollInterval) {
            this.min = pollInterval.toNanos();
            this.max = maxPollInterval.toNanos();
            this.pause = min;
        }

        @Override
        public Duration next(CampaignStatus snapshot, long nanos) {
            long calls = snapshot.calls().total();
            samples.addLast(new long[] {nanos, calls});
            if (samples.size() > WINDOW) {
                samples.removeFirst();
            }
            long[] oldest = samples.getFirst();
            // beyond a long, the expected end is too far to estimate: poll as when it is unknown
            long expected = snapshot.totalQueued().filter(queued -> queued.bitLength() < 64)
                    .map(BigInteger::longValue).orElse(-1L);
            long made = calls - oldest[1];
            long elapsed = nanos - oldest[0];
            if (samples.size() < 2 || expected <= 0 || calls >= expected) {
                pause = min;
            } else if (made <= 0 || elapsed <= 0) {
                pause = Math.min(max, Math.max(min, pause * 2));
            } else {
                double eta = (expected - calls) * ((double) elapsed / made);
                pause = (long) Math.max(min, Math.min(max, eta / 4));
            }
            return Duration.ofNanos(pause);
        }
    }
}
