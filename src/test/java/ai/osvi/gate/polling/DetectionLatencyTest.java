package ai.osvi.gate.polling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.SilentLog;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.TimedCampaign;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The promise of the default polling parameters (adaptive, pollInterval 15s, maxPollInterval 2m), in virtual time:
 * the end of a campaign of 3 min to an hour, linear, with a long tail or with a retry pause, is seen at most one
 * pollInterval (plus the request) after it comes, with no more requests than fixed polling at pollInterval makes.
 * Each campaign is awaited with the gate starting 0 to 14 s into it.
 */
class DetectionLatencyTest {

    private static final Map<String, DoubleUnaryOperator> SHAPES = Map.of(
            "linear",
            TimedCampaign.LINEAR,
            "long tail",
            TimedCampaign.LONG_TAIL,
            "decaying tail",
            TimedCampaign.DECAYING_TAIL,
            "retry pause",
            TimedCampaign.RETRY_PAUSE);

    private record Run(double latency, int requests) {}

    private static Run await(DoubleUnaryOperator shape, Duration length, String strategy, int offsetSeconds) {
        FakeTime time = new FakeTime();
        TimedCampaign campaign = new TimedCampaign(time, shape, length, Duration.ofSeconds(offsetSeconds));
        TestConfig config = new TestConfig();
        config.pollStrategy = strategy;
        config.timeout = "2h";
        WaitResult result =
                new CampaignWaiter(config.parse(), campaign, time, new SilentLog(), new AbortSignal(), () -> 0).await();
        assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.COMPLETED);
        return new Run(-campaign.left(), campaign.polls());
    }

    /**
     * Each campaign of {@code shapes} and {@code lengths}, from each offset in {@code offsets} seconds: the runs whose
     * end was seen later than {@code bound} seconds, and those that polled more often than fixed polling.
     */
    private static List<List<String>> misses(
            Map<String, DoubleUnaryOperator> shapes,
            List<Duration> lengths,
            int offsets,
            int offsetStep,
            double bound) {
        List<String> late = new ArrayList<>();
        List<String> costly = new ArrayList<>();
        for (Map.Entry<String, DoubleUnaryOperator> shape : shapes.entrySet()) {
            for (Duration length : lengths) {
                for (int offset = 0; offset < offsets; offset += offsetStep) {
                    Run adaptive = await(shape.getValue(), length, "adaptive", offset);
                    Run fixed = await(shape.getValue(), length, "fixed", offset);
                    String run = shape.getKey() + " " + length + " from " + offset + "s";
                    if (adaptive.latency() > bound + 1e-6) {
                        late.add(run + ": seen " + adaptive.latency() + " s late");
                    }
                    if (adaptive.requests() > fixed.requests()) {
                        costly.add(run + ": " + adaptive.requests() + " requests, fixed " + fixed.requests());
                    }
                }
            }
        }
        return List.of(late, costly);
    }

    @Test
    void defaults_should_see_the_end_within_one_pollInterval_with_no_more_requests_than_fixed_polling() {
        List<List<String>> misses = misses(
                SHAPES,
                List.of(Duration.ofMinutes(3), Duration.ofHours(1)),
                15,
                1,
                15 + TimedCampaign.REQUEST_TIME.toNanos() / 1e9);
        assertThat(misses.get(0))
                .as("campaigns seen later than pollInterval + the request")
                .isEmpty();
        assertThat(misses.get(1))
                .as("campaigns polled more often than fixed polling at pollInterval")
                .isEmpty();
    }

    /**
     * Whatever the campaign does (ends far short of total_queued, stalls, triples its pace), its end is seen within
     * maxPollInterval (plus the request), still with no more requests than fixed polling.
     */
    @Test
    void defaults_should_see_any_end_within_maxPollInterval_with_no_more_requests_than_fixed_polling() {
        Map<String, DoubleUnaryOperator> surprises = Map.of(
                "early end",
                TimedCampaign.EARLY_END,
                "stall",
                TimedCampaign.STALL,
                "tripling pace",
                TimedCampaign.TRIPLING);
        List<List<String>> misses = misses(
                surprises,
                List.of(Duration.ofMinutes(3), Duration.ofMinutes(20), Duration.ofHours(1)),
                15,
                2,
                120 + TimedCampaign.REQUEST_TIME.toNanos() / 1e9);
        assertThat(misses.get(0))
                .as("campaigns seen later than maxPollInterval + the request")
                .isEmpty();
        assertThat(misses.get(1))
                .as("campaigns polled more often than fixed polling at pollInterval")
                .isEmpty();
    }
}
