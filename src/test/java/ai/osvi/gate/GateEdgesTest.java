package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gate at the edges of its rules, as a user reads them in the build log: the first line, exactly minCalls calls,
 * failFast at exactly minCalls, the wording of INCONCLUSIVE and TIMEOUT, refusals it has no name for, and what an
 * abort does to the request in flight and to the build's thread.
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
    void rules_should_be_judged_when_the_campaign_made_exactly_minCalls_calls() {
        config.minCalls = "50";
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().queues(19, true).calls("picked", 48, "failed", 2));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.summaryLine()).isEqualTo("OSVI gate: PASS campaign 7: 1 of 1 rule passed on 50 calls");
    }

    @Test
    void verdict_should_be_inconclusive_when_the_campaign_made_one_call_fewer_than_minCalls() {
        config.minCalls = "50";
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().queues(19, true).calls("picked", 48, "failed", 1));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.FAIL);
        assertThat(result.summary()).isEqualTo("49 calls, fewer than minCalls=50");
        assertThat(result.details())
                .containsExactly("Only 49 calls were made, fewer than minCalls (50): too few to"
                        + " judge, so this is never a pass.");
    }

    @Test
    void inconclusive_detail_should_say_one_call_was_made_when_a_single_call_was() {
        config.minCalls = "2";
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().queues(19, true).calls("picked", 1));

        CampaignResult result = run();

        assertThat(result.summary()).isEqualTo("1 call, fewer than minCalls=2");
        assertThat(result.details())
                .containsExactly("Only 1 call was made, fewer than minCalls (2): too few to judge,"
                        + " so this is never a pass.");
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
    void timeout_should_name_the_last_error_when_no_snapshot_was_ever_received() {
        config.timeout = "1m";
        config.maxConsecutiveErrors = "100";
        source.then(ApiException.transientFault("HTTP 503 Service Unavailable"));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(result.details())
                .containsExactly(
                        "No snapshot was received; last error: HTTP 503 Service Unavailable",
                        "No poll ever succeeded: 4 requests to GET https://api.osvi.ai/v1/campaigns/7/status in 1m, directly,"
                                + " got no snapshot. That is more often the configuration than an outage: check baseUrl"
                                + " (osvi.baseUrl) https://api.osvi.ai/ (host, port, http or https), and that this machine"
                                + " reaches it (curl https://api.osvi.ai/).",
                        "Raise timeout (-Dosvi.timeout), or set onTimeout=evaluate to judge the rules on the last snapshot.");
    }

    @Test
    void refusal_should_be_reported_with_its_status_and_in_the_apis_own_words() {
        source.then(
                ApiException.refused(403, "HTTP 403 Forbidden: the API refused campaign 7 for this account's plan"));

        CampaignResult result = run();

        assertThat(source.polls()).isEqualTo(1);
        assertThat(result.summaryLine())
                .isEqualTo("OSVI gate: ERROR campaign 7: the API refused the request (HTTP 403)");
        assertThat(result.details())
                .containsExactly("HTTP 403 Forbidden: the API refused campaign 7 for this account's plan");
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
