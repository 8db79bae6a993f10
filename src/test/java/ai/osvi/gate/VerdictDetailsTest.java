package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Evidence;
import ai.osvi.gate.result.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a condition flips: when the wait ends (failFast at exactly minCalls, an abort with a failed poll) and what the
 * checklist then says. What each verdict says, word for word, is in VerdictTableTest.
 */
class VerdictDetailsTest {

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

    private static String check(CampaignResult result, Evidence.Item item) {
        return result.evidence().checks().stream()
                .filter(check -> check.item() == item)
                .findFirst()
                .orElseThrow()
                .numbers();
    }

    @Test
    void failFast_should_stop_at_a_certain_breach_on_exactly_minCalls_calls() {
        config.failFast = "true";
        config.maxFailureRatio = "5%";
        config.minCalls = "21";
        source.then(Snapshots.active().queues(19, false, false).calls("picked", 1, "failed", 20))
                .then(Snapshots.active().queues(19, true, true).calls("picked", 40, "failed", 20));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(source.polls()).isEqualTo(1);
    }

    @Test
    void an_abort_that_comes_with_a_failed_poll_should_end_the_wait_as_aborted() {
        config.maxFailureRatio = "5%";
        CallbackSource aborting = new CallbackSource(poll -> {
            if (poll == 1) {
                abort.abort();
                throw ApiException.transientFault("HTTP 503 Service Unavailable");
            }
            return Snapshots.active().queues(19, true).calls("picked", 10).build();
        });

        CampaignResult result = run(aborting);
        Thread.interrupted();

        assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
        assertThat(aborting.polls()).isEqualTo(1);
    }

    @Test
    void the_checklist_should_name_an_awaited_upload_that_the_campaign_does_not_have() {
        config.maxFailureRatio = "5%";
        config.uploadId = "9";
        source.then(Snapshots.active().queues(19, true).calls("picked", 10));
        assertThat(check(run(), Evidence.Item.QUEUES_COMPLETED)).endsWith(", no upload 9");

        config.uploadId = "19";
        source.then(Snapshots.active().queues(19, true).calls("picked", 10));
        assertThat(check(run(), Evidence.Item.QUEUES_COMPLETED)).isEqualTo("1/1 queues completed");
    }

    @Test
    void the_checklist_should_count_the_statuses_probably_misspelt() {
        config.thresholds = List.of("voicemial <= 5%");
        source.then(Snapshots.active().queues(19, true).calls("picked", 10, "voicemail", 1, "busy", 1));
        assertThat(check(run(), Evidence.Item.STATUSES_MATCHED)).isEqualTo("1 status of a rule probably misspelt");

        config.thresholds = List.of("voicemial <= 5%", "bussy <= 5%");
        source.then(Snapshots.active().queues(19, true).calls("picked", 10, "voicemail", 1, "busy", 1));
        assertThat(check(run(), Evidence.Item.STATUSES_MATCHED)).isEqualTo("2 statuses of a rule probably misspelt");
    }
}
