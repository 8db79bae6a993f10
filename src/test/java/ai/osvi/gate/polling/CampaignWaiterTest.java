package ai.osvi.gate.polling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.CallbackSource;
import ai.osvi.gate.FakeTime;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.ScriptedSource;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wait itself: its warnings, the backoff's bounds, and interrupts that do not come from the gate's abort. */
class CampaignWaiterTest {

    private final FakeTime time = new FakeTime();
    private final RecordingLog log = new RecordingLog();
    private final TestConfig config = new TestConfig();
    private final AbortSignal abort = new AbortSignal();

    private WaitResult await(StatusSource source) {
        return await(source, time);
    }

    private WaitResult await(StatusSource source, TimeSource clock) {
        return new CampaignWaiter(config.parse(), source, clock, log, abort, () -> 0).await();
    }

    @AfterEach
    void leave_the_test_thread_uninterrupted() {
        Thread.interrupted();
    }

    @Test
    void missing_queues_should_be_warned_about_once_when_the_campaign_has_no_upload_yet() {
        config.timeout = "1m";
        ScriptedSource source = new ScriptedSource(time).then(Snapshots.active());

        await(source);

        // at 0, 15, 30 and 45 s; none at the 60 s deadline
        assertThat(source.polls()).isEqualTo(4);
        assertThat(log.at("WARN"))
                .containsOnlyOnce("campaign 7: no calling queue to await yet (uploads seen: none)."
                        + " The campaign completes only once every upload has queues and all of them have completed.");
    }

    @Test
    void missing_queues_should_be_warned_about_when_the_only_upload_has_no_queue() {
        config.timeout = "30s";
        ScriptedSource source = new ScriptedSource(time).then(Snapshots.active().queues(19));

        await(source);

        assertThat(log.at("WARN"))
                .containsOnlyOnce("campaign 7: no calling queue to await yet (uploads seen: 19)."
                        + " The campaign completes only once every upload has queues and all of them have completed.");
    }

    @Test
    void missing_queues_should_not_be_warned_about_when_the_campaign_has_queues() {
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active().queues(19, false).calls("picked", 1))
                .then(Snapshots.active().queues(19, true).calls("picked", 2));

        await(source);

        assertThat(log.at("WARN")).noneMatch(line -> line.contains("no calling queue"));
    }

    @Test
    void failed_poll_warning_should_give_the_time_left_when_the_deadline_comes_before_the_next_poll() {
        config.timeout = "20s";
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active().queues(19, false).calls("picked", 1))
                .then(ApiException.transientFault("HTTP 503 Service Unavailable"));

        WaitResult result = await(source);

        // polls at 0 and 15 s; after the error, the next (and last) poll comes at the 20 s deadline
        assertThat(log.at("WARN"))
                .contains("campaign 7: poll failed (1 in a row, the wait ends at 5): HTTP 503"
                        + " Service Unavailable; timeout in 5s");
        assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void backoff_should_stay_between_pollInterval_and_two_minutes_when_errors_keep_coming() {
        for (double jitter : new double[] {0, 0.5, 0.999_999}) {
            CampaignWaiter waiter = new CampaignWaiter(
                    config.parse(), new CallbackSource(poll -> null), time, log, abort, () -> jitter);
            for (int n = 1; n <= 100; n++) {
                assertThat(waiter.backoff(n))
                        .as("pause after %s errors in a row, jitter %s", n, jitter)
                        .isBetween(Duration.ofSeconds(15), Duration.ofMinutes(2));
            }
            assertThat(waiter.backoff(1))
                    .as("the first retry comes at pollInterval")
                    .isEqualTo(Duration.ofSeconds(15));
        }
    }

    @Test
    void backoff_ceiling_should_double_up_to_two_minutes_when_errors_come_in_a_row() {
        // jitter at its top: each pause is the ceiling itself
        CampaignWaiter waiter =
                new CampaignWaiter(config.parse(), new CallbackSource(poll -> null), time, log, abort, () -> 1);
        assertThat(waiter.backoff(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(waiter.backoff(3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(waiter.backoff(4)).isEqualTo(Duration.ofSeconds(120));
        assertThat(waiter.backoff(5)).isEqualTo(Duration.ofSeconds(120));
        assertThat(waiter.backoff(64)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void retry_window_should_not_be_warned_about_when_the_timeout_equals_it() {
        // Snapshots: retry enabled, 2 retries 1800 s apart = 1h
        config.timeout = "1h";
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active().queues(19, false).calls("picked", 1))
                .then(Snapshots.active().queues(19, true).calls("picked", 2));

        await(source);

        assertThat(log.at("WARN")).noneMatch(line -> line.contains("retry window"));
    }

    @Test
    void retry_window_should_be_warned_about_when_the_timeout_is_a_second_shorter() {
        config.timeout = "59m59s";
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active().queues(19, false).calls("picked", 1))
                .then(Snapshots.active().queues(19, true).calls("picked", 2));

        await(source);

        assertThat(log.at("WARN"))
                .containsExactly("campaign 7: timeout 59m59s is shorter than the campaign's retry"
                        + " window (2 retries 30m apart = 1h): the campaign may still be retrying calls when the gate gives"
                        + " up.");
    }

    @Test
    void wait_should_end_as_aborted_and_keep_the_interrupt_when_the_thread_is_interrupted_during_a_request() {
        CallbackSource interrupted = new CallbackSource(poll -> {
            throw new InterruptedException("the build's thread was interrupted");
        });

        WaitResult result = await(interrupted);

        assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.ABORTED);
        assertThat(Thread.interrupted())
                .as("interrupt status kept for the caller")
                .isTrue();
    }

    @Test
    void wait_should_end_as_aborted_and_keep_the_interrupt_when_the_thread_is_interrupted_during_a_pause() {
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active().queues(19, false).calls("picked", 1));
        TimeSource interruptedPause = new TimeSource() {
            @Override
            public long nanoTime() {
                return time.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                throw new InterruptedException("the build's thread was interrupted");
            }
        };

        WaitResult result = await(source, interruptedPause);

        assertThat(result.outcome()).isEqualTo(WaitResult.Outcome.ABORTED);
        assertThat(source.polls()).isEqualTo(1);
        assertThat(Thread.interrupted())
                .as("interrupt status kept for the caller")
                .isTrue();
    }
}
