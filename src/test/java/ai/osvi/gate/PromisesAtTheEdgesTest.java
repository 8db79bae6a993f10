package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's promises where real inputs reach their edges: never a false pass, never past the deadline. */
class PromisesAtTheEdgesTest {

    private final FakeTime time = new FakeTime();
    private final ScriptedSource source = new ScriptedSource(time);
    private final RecordingLog log = new RecordingLog();
    private final TestConfig config = new TestConfig();

    private CampaignResult run() {
        return new Gate(config.parse(), source, time, log, new AbortSignal(), () -> 0).run();
    }

    private static CampaignStatus snapshot(CallCounts calls, Upload... uploads) {
        return new CampaignStatus(new Campaign(7L, "Edges", "active", false, null, null), calls, List.of(uploads));
    }

    @Test
    void an_upload_without_a_queue_should_keep_the_campaign_incomplete_and_be_named() {
        config.maxFailureRatio = "5%";
        config.timeout = "60s";
        source.then(snapshot(
                new CallCounts(100, Map.of("picked", 100L)), new Upload(19, 2, 2, 20L), new Upload(20, 0, 0, 0L)));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(log.at("INFO"))
                .contains(
                        "campaign 7: queues 2/2 completed, 100/20 calls, 500% (picked 100), upload 20 without a queue yet,"
                                + " elapsed 0s, next poll in 15s");
        assertThat(result.failureMessage())
                .contains("Last snapshot: queues 2/2 completed, 100 calls (picked 100),"
                        + " upload 20 without a queue yet.");
    }

    @Test
    void an_awaited_upload_without_a_queue_should_never_complete_even_with_uploadId() {
        config.maxFailureRatio = "5%";
        config.timeout = "30s";
        config.uploadId = "20";
        source.then(snapshot(
                new CallCounts(100, Map.of("picked", 100L)), new Upload(19, 2, 2, 20L), new Upload(20, 0, 0, 0L)));

        assertThat(run().verdict()).isEqualTo(Verdict.TIMEOUT);
    }

    @Test
    void failFast_with_a_huge_total_queued_should_decide_rather_than_crash() {
        config.maxFailureRatio = "5%";
        config.failFast = "true";
        config.timeout = "30s";
        source.then(new CampaignStatus(
                new Campaign(7L, "Edges", "active", true, 3, 60),
                new CallCounts(100, Map.of("failed", 50L)),
                List.of(new Upload(19, 2, 0, Long.MAX_VALUE), new Upload(20, 1, 0, Long.MAX_VALUE))));

        CampaignResult result = run();

        // 50 of at most 8 * Long.MAX_VALUE calls: nothing is certain, so it waits until the timeout
        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
    }

    @Test
    void an_answer_slower_than_the_time_left_should_not_be_used() {
        config.maxFailureRatio = "5%";
        config.timeout = "5s";
        config.pollInterval = "1s";
        config.requestTimeout = "30s";
        source.eachRequestTaking(Duration.ofSeconds(20))
                .then(snapshot(new CallCounts(100, Map.of("picked", 100L)), new Upload(19, 1, 1, 100L)));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(5 + 1));
        assertThat(result.failureMessage())
                .contains("No snapshot was received; last error: no complete response"
                        + " within 5s (the time left before the gate's deadline)");
    }

    @Test
    void an_unexpected_exception_in_the_core_should_end_as_error_with_what_is_known() {
        config.maxFailureRatio = "5%";
        StatusSource broken = id -> {
            throw new IllegalStateException("boom");
        };

        CampaignResult result = new Gate(config.parse(), broken, time, log, new AbortSignal(), () -> 0).run();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(result.waitResult().outcome()).isEqualTo(WaitResult.Outcome.INTERNAL_ERROR);
        assertThat(result.summary()).isEqualTo("the gate failed unexpectedly (java.lang.IllegalStateException: boom)");
    }

    @Test
    void uploadId_with_rules_should_warn_that_the_counts_are_campaign_wide() {
        config.maxFailureRatio = "5%";
        config.uploadId = "19";
        source.then(snapshot(new CallCounts(100, Map.of("picked", 100L)), new Upload(19, 1, 1, 100L)));

        run();

        assertThat(log.at("WARN")).contains(GateConfig.UPLOAD_ID_NOTE);
    }

    @Test
    void an_answer_that_arrives_after_the_deadline_should_not_be_judged_even_from_a_source_that_ignores_it() {
        config.maxFailureRatio = "5%";
        config.timeout = "15s";
        StatusSource late = id -> {
            time.advance(Duration.ofSeconds(16));
            return snapshot(new CallCounts(100, Map.of("picked", 100L)), new Upload(19, 1, 1, 100L));
        };

        CampaignResult result = new Gate(config.parse(), late, time, log, new AbortSignal(), () -> 0).run();

        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(result.waitResult().lastSnapshot()).isNull();
        assertThat(result.waitResult().polls()).isEqualTo(1);
    }

    @Test
    void an_answer_that_arrives_exactly_at_the_deadline_should_be_used() {
        config.maxFailureRatio = "5%";
        config.timeout = "15s";
        source.eachRequestTaking(Duration.ofSeconds(15))
                .then(snapshot(new CallCounts(100, Map.of("picked", 100L)), new Upload(19, 1, 1, 100L)));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(15));
    }
}
