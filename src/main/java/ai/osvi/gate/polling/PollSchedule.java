package ai.osvi.gate.polling;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Policy.PollStrategy;
import ai.osvi.gate.model.CampaignStatus;
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
     * Pauses half the time to the earliest end the campaign's progress allows ({@link Forecast#earliest()}: the
     * calls still to make, less the last batch, at the fastest recent pace), never less than {@code pollInterval}
     * nor more than {@code maxPollInterval}. So a pause longer than {@code pollInterval} ends before the campaign
     * can, unless it more than doubles its recent pace: the end is seen at most one {@code pollInterval} (plus the
     * request) after it comes, and since no pause is shorter than {@code pollInterval}, there are never more requests
     * than with fixed polling. Far from the end the pauses grow; near it, and for a few polls after the pace falls
     * (as in a long tail), they come back to {@code pollInterval}. While no call is made the bound, and so the pause,
     * stays as it was: the campaign may resume at its pace at any moment. Before two intervals with progress, without
     * {@code total_queued}, or once every queued call is made, the pause is {@code pollInterval}.
     */
    final class Adaptive implements PollSchedule {

        private final long min;
        private final long max;
        private final Forecast forecast = new Forecast();

        public Adaptive(Duration pollInterval, Duration maxPollInterval) {
            this.min = pollInterval.toNanos();
            this.max = maxPollInterval.toNanos();
        }

        @Override
        public Duration next(CampaignStatus snapshot, long nanos) {
            forecast.add(snapshot, nanos);
            long half = forecast.earliest().orElse(0) / 2;
            return Duration.ofNanos(Math.max(min, Math.min(max, half)));
        }
    }
}
