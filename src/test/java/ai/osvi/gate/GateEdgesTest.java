package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gate at the edges of its rules, as a user reads them in the build log: the first line, failFast at exactly
 * minCalls, and what an abort does to the request in flight and to the build's thread. The verdicts at the edges
 * (exactly minCalls calls and one fewer, a timeout without a snapshot, a refusal it has no name for) are rows of
 * VerdictTableTest.
 */
class GateEdgesTest {

    private final FakeTime time = new FakeTime();
    private final ScriptedSource source = new ScriptedSource(time);
    private final RecordingLog log = new RecordingLog();
    private final TestConfig config = new TestConfig();
    private final AbortSignal abort = new AbortSignal();

    private CampaignResult run() {
        return run(source);
    }

    private CampaignResult run(StatusSource from) {
        return new Gate(config.parse(), from, time, log, abort, () -> 0).run();
    }

    @AfterEach
    void leave_the_test_thread_uninterrupted() {
        Thread.interrupted();
    }

    @Test
    void start_line_should_name_the_upload_the_timing_and_every_rule_when_they_are_set() {
        config.uploadId = "19";
        config.maxFailureRatio = "5%";
        config.thresholds = List.of("picked >= 60%");
        source.then(Snapshots.active().queues(19, true).calls("picked", 95, "failed", 5));

        run();

        assertThat(log.lines.get(0))
                .isEqualTo(
                        "INFO Awaiting OSVI campaign 7 (upload 19) at https://api.osvi.ai/:"
                                + " polling every 15s, timeout 30m (gives up at 10:30:00 UTC), rules: failed <= 5%, picked >= 60%");
    }

    @Test
    void start_line_should_say_none_when_no_rule_is_configured() {
        source.then(Snapshots.active().queues(19, true).calls("picked", 1));

        run();

        assertThat(log.lines.get(0))
                .isEqualTo("INFO Awaiting OSVI campaign 7 at https://api.osvi.ai/: polling every"
                        + " 15s, timeout 30m (gives up at 10:30:00 UTC), rules: none");
    }

    @Test
    void failFast_should_decide_at_once_when_exactly_minCalls_calls_make_a_breach_certain() {
        config.failFast = "true";
        config.minCalls = "3";
        config.maxFailureRatio = "5%";
        // at most 30 calls (10 queued, 2 retries): 2 failed already make at least 6.7%
        source.then(Snapshots.active().queues(19, false).calls("picked", 1, "failed", 2))
                .then(Snapshots.active().queues(19, true).calls("picked", 28, "failed", 2));

        CampaignResult result = run();

        assertThat(source.polls()).isEqualTo(1);
        assertThat(result.summaryLine())
                .isEqualTo("OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 3 calls (certain before completion)");
    }

    @Test
    void failFast_should_wait_for_completion_when_one_call_is_missing_to_minCalls() {
        config.failFast = "true";
        config.minCalls = "4";
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().queues(19, false).calls("picked", 1, "failed", 2))
                .then(Snapshots.active().queues(19, true).calls("picked", 28, "failed", 2));

        CampaignResult result = run();

        assertThat(source.polls()).isEqualTo(2);
        assertThat(result.summaryLine()).isEqualTo("OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 30 calls");
    }

    @Test
    void request_in_flight_should_be_cancelled_and_no_error_counted_when_the_build_is_aborted() {
        // the shutdown hook fires while the request is in flight; the cancelled request then fails
        CallbackSource cancelled = new CallbackSource(poll -> {
            abort.abort();
            throw ApiException.transientFault("request cancelled");
        });

        CampaignResult result = run(cancelled);

        assertThat(cancelled.aborts()).isEqualTo(1);
        assertThat(cancelled.polls()).isEqualTo(1);
        assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
        assertThat(result.waitResult().outcome()).isEqualTo(WaitResult.Outcome.ABORTED);
        assertThat(result.waitResult().errors()).isZero();
        assertThat(Thread.currentThread().isInterrupted())
                .as("the build's thread, free to write the reports")
                .isFalse();
    }

    @Test
    void build_thread_should_be_left_alone_when_an_abort_comes_after_the_verdict() {
        config.maxFailureRatio = "5%";
        CallbackSource answering = new CallbackSource(
                poll -> Snapshots.active().queues(19, true).calls("picked", 10).build());
        CampaignResult result = run(answering);

        abort.abort();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(answering.aborts()).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void the_start_line_and_the_deadline_warning_should_name_the_same_second_whatever_time_passes_between() {
        config.maxFailureRatio = "5%";
        config.timeout = "1m";
        // 998 ms past the second, and a millisecond more at every reading of the clock, as on a busy machine
        time.advance(Duration.ofMillis(998));
        TimeSource busy = new TimeSource() {
            @Override
            public long nanoTime() {
                time.advance(Duration.ofMillis(1));
                return time.nanoTime();
            }

            @Override
            public void sleep(Duration duration) {
                time.sleep(duration);
            }

            @Override
            public Instant wallClock() {
                time.advance(Duration.ofMillis(1));
                return time.wallClock();
            }
        };
        // 1 call a second of 1000: the campaign's pace ends it long after the minute
        CallbackSource slow = new CallbackSource(poll -> Snapshots.active()
                .queues(19, new boolean[100])
                .calls("picked", time.elapsed().toSeconds())
                .build());

        new Gate(config.parse(), slow, busy, log, abort, () -> 0).run();

        String givesUp = log.lines.get(0).replaceFirst(".*\\(gives up at (\\S+ UTC)\\).*", "$1");
        assertThat(givesUp).matches("10:01:0\\d UTC");
        assertThat(log.at("WARN"))
                .filteredOn(line -> line.contains("at its pace"))
                .singleElement()
                .asString()
                .contains("after the gate gives up at " + givesUp + " (timeout 1m)");
    }
}
