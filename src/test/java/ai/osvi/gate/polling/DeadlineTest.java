package ai.osvi.gate.polling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.CallbackSource;
import ai.osvi.gate.FakeTime;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** The wait near its deadline: a fresh last snapshot, lines that promise only polls that come, an early warning. */
class DeadlineTest {

    private final FakeTime time = new FakeTime();
    private final RecordingLog log = new RecordingLog();
    private final TestConfig config = new TestConfig();
    private final List<Duration> requestsAt = new ArrayList<>();

    /**
     * A campaign of 10,000 queued calls in one queue, each request seeing {@code calls} of the seconds since the
     * gate started; complete from {@code completeAt} seconds on.
     */
    private WaitResult await(LongUnaryOperator calls, long completeAt) {
        long zero = time.nanoTime();
        CallbackSource source = new CallbackSource(poll -> {
            long seconds = (time.nanoTime() - zero) / 1_000_000_000L;
            requestsAt.add(Duration.ofNanos(time.nanoTime() - zero));
            long made = calls.applyAsLong(seconds);
            return new CampaignStatus(
                    new Campaign(7L, "June Renewals", "active", false, null, null),
                    new CallCounts(made, Map.of("picked", made)),
                    List.of(new Upload(19, 1, seconds >= completeAt ? 1 : 0, 10_000L)));
        });
        return new CampaignWaiter(config.parse(), source, time, log, new AbortSignal(), () -> 0).await();
    }

    @Test
    void a_campaign_that_completes_far_short_of_total_queued_should_be_seen_before_the_deadline() {
        config.timeout = "75s";
        config.pollStrategy = "adaptive";
        // 10 calls a second, then the queue completes at 30 s with 300 of 10,000 contacts called
        WaitResult result = await(seconds -> Math.min(300, 10 * seconds), 30);

        assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.COMPLETED);
        assertThat(result.lastSnapshot().calls().total()).isEqualTo(300);
        assertThat(requestsAt.get(requestsAt.size() - 1))
                .isLessThanOrEqualTo(Duration.ofSeconds(75))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void the_last_poll_should_come_within_a_few_seconds_of_the_deadline_however_long_the_pause() {
        config.timeout = "20s";
        config.pollStrategy = "adaptive";
        // 1,000 calls at 10 a second would take 100 s: adaptive pauses grow, and the deadline comes first
        WaitResult result = await(seconds -> 10 * seconds, Long.MAX_VALUE);

        assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
        assertThat(requestsAt.get(requestsAt.size() - 1)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20));
        assertThat(result.lastSnapshot().calls().total()).isGreaterThanOrEqualTo(150);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void a_line_should_never_promise_a_poll_that_does_not_come_before_the_deadline() {
        config.timeout = "20s";
        await(seconds -> 10 * seconds, Long.MAX_VALUE);

        List<String> lines = log.at("INFO");
        // polls at 0 and 15 s (pollInterval): the 15-s answer is the last, 5 s before the deadline
        assertThat(requestsAt).containsExactly(Duration.ZERO, Duration.ofSeconds(15));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("campaign 7: queues 0/1 completed, 150/10000")
                        .endsWith(", timeout in 5s"));
        assertThat(lines)
                .noneSatisfy(line -> assertThat(line).contains("150/10000").contains("next poll"));
    }

    @Test
    void the_final_poll_should_come_5s_before_the_deadline_when_the_pause_would_pass_it() {
        config.timeout = "75s";
        config.pollStrategy = "adaptive";
        // slow and steady: 1 call a second of 10,000, so adaptive pauses grow to maxPollInterval
        WaitResult result = await(seconds -> seconds, Long.MAX_VALUE);

        assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
        assertThat(requestsAt).contains(Duration.ofSeconds(70));
        assertThat(result.lastSnapshot().calls().total()).isEqualTo(70);
    }

    @Test
    void a_campaign_whose_pace_passes_the_deadline_should_be_warned_about_once_with_both_clock_times() {
        config.timeout = "10m";
        config.pollStrategy = "fixed";
        // 800 of 10,000 calls a minute: 12 min 30 s in all, polled 15 seconds apart
        WaitResult result = await(seconds -> seconds * 800 / 60, Long.MAX_VALUE);

        List<String> warnings = log.at("WARN").stream()
                .filter(line -> line.contains("gives up at"))
                .toList();
        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith("campaign 7: at its pace the campaign ends about 10:")
                .contains(", after the gate gives up at 10:10:00 UTC (timeout 10m): raise timeout (-Dosvi.timeout),"
                        + " or judge a campaign longer than the job with check-campaign on a schedule.");
        assertThat(result.warnings()).containsExactly(warnings.get(0).substring("campaign 7: ".length()));
    }

    @Test
    void a_campaign_whose_pace_ends_before_the_deadline_should_draw_no_warning() {
        config.timeout = "10m";
        config.pollStrategy = "fixed";
        // 2,000 calls a minute: 5 minutes in all
        WaitResult result = await(seconds -> Math.min(10_000, seconds * 2000 / 60), 300);

        assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.COMPLETED);
        assertThat(log.at("WARN")).noneMatch(line -> line.contains("gives up at"));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void no_request_should_start_with_less_than_a_second_to_the_deadline() {
        config.timeout = "4500ms";
        config.pollInterval = "1s";
        await(seconds -> 10 * seconds, Long.MAX_VALUE);

        // a request at 4 s would have half a second to be answered in: it is not started
        assertThat(requestsAt)
                .containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(4500));
    }
}
