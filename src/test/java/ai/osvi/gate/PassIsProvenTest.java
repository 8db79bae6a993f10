package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.StatusParser;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Evidence;
import ai.osvi.gate.result.Verdict;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inputs an outside review turned into a false PASS, each through the parser and the gate as the API would send
 * it: a PASS only with every item of the checklist proven. The verdicts of the others (calls missing from by_status,
 * limits of 0% and 100%, an invisible character in a key) are rows of VerdictTableTest.
 */
class PassIsProvenTest {

    private final FakeTime time = new FakeTime();
    private final ScriptedSource source = new ScriptedSource(time);
    private final RecordingLog log = new RecordingLog();
    private final TestConfig config = new TestConfig();

    private CampaignResult run() {
        return new Gate(config.parse(), source, time, log, new AbortSignal(), () -> 0).run();
    }

    /** A completed campaign of one queue, as the API sends it, with {@code total} and {@code by_status}. */
    private static CampaignStatus completed(long total, Map<String, Long> byStatus) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("success", true);
        ObjectNode data = root.putObject("data");
        data.putObject("campaign")
                .put("id", 7)
                .put("name", "June Renewals")
                .put("status", "active")
                .put("is_retry_enabled", false)
                .putNull("retry_threshold")
                .putNull("retry_delay")
                .put("created_at", "2026-06-01T10:00:00+05:30");
        ObjectNode calls = data.putObject("calls").put("total", total);
        ObjectNode counts = calls.putObject("by_status");
        byStatus.forEach(counts::put);
        data.putArray("uploads")
                .addObject()
                .put("campaign_upload_id", 19)
                .putNull("file_name")
                .putNull("agent_uuid")
                .put("created_at", "2026-06-02T11:00:00+05:30")
                .putArray("queues")
                .addObject()
                .put("agent_uuid", "agent_x")
                .put("total_queued", total)
                .put("completed", true);
        return StatusParser.parse(json.writeValueAsBytes(root));
    }

    @Test
    void a_look_alike_letter_should_be_shown_escaped_so_that_the_two_names_do_not_read_the_same() throws Exception {
        config.maxFailureRatio = "5%";
        source.then(completed(100, Map.of("picked", 70L, "f\u0430iled", 30L)));

        CampaignResult result = run();

        assertThat(result.summary()).endsWith("'f\\u0430iled' for 'failed'");
        assertThat(log.text()).doesNotContain("f\u0430iled' for");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "failed\r",
                "failed\t",
                "fai\u200bled",
                "\ufefffailed",
                "fail\u00aded",
                "\uff46\uff41\uff49\uff4c\uff45\uff44",
                "f\u0430iled",
                "faild",
                "failed.",
                "failed\u202e"
            })
    void thirty_percent_failed_under_a_key_that_could_be_failed_should_be_an_error_never_a_pass(String key)
            throws Exception {
        config.maxFailureRatio = "5%";
        source.then(completed(100, Map.of("picked", 70L, key, 30L)));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.summary())
                .startsWith("the API reported a status of a rule in another spelling: '")
                .endsWith("' for 'failed'");
        // shown escaped, never raw: an invisible character is written out
        assertThat(log.text()).doesNotContain("OSVI gate: PASS");
        if (key.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            assertThat(log.text()).doesNotContain(key);
        }
        assertThat(result.evidence().firstUnproven())
                .map(Evidence.Check::item)
                .hasValue(Evidence.Item.STATUSES_MATCHED);
        assertThat(result.evidence().checks())
                .filteredOn(check -> check.item() == Evidence.Item.RULES_HELD)
                .singleElement()
                .isEqualTo(new Evidence.Check(
                        Evidence.Item.RULES_HELD, false, "not judged: a status of a rule was not matched exactly"));
    }

    @Test
    void a_pass_should_carry_every_item_of_its_checklist_proven_with_its_numbers() throws Exception {
        config.maxFailureRatio = "5%";
        config.thresholds = List.of("picked >= 60%");
        source.then(completed(100, Map.of("picked", 70L, "not_picked", 27L, "failed", 3L)));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.evidence().checks())
                .extracting(check -> check.item().key() + ": " + check.numbers())
                .containsExactly(
                        "campaignMatched: campaign 7",
                        "queuesCompleted: 1/1 queues completed",
                        "snapshotInTime: received after 0s, timeout 30m",
                        "callsAccountedFor: by_status sums to 100 = calls.total",
                        "statusesMatched: failed 3 calls; picked 70 calls",
                        "enoughCalls: 100 calls, minCalls 1",
                        "configurationStrict: 2 rules: failed <= 5% (maxFailureRatio), picked >= 60% (thresholds);"
                                + " minCalls 1, failBuild true",
                        "rulesHeld: failed 3% <= 5% held, picked 70% >= 60% held");
        assertThat(result.evidence().allHold()).isTrue();
    }

    @Test
    void the_data_of_another_campaign_should_be_an_error_never_a_verdict_on_the_campaign_asked_for() throws Exception {
        config.maxFailureRatio = "5%";
        CampaignStatus other = completed(100, Map.of("picked", 99L, "failed", 1L));
        source.then(new CampaignStatus(
                new Campaign(8L, "Other", "active", false, null, null), other.calls(), other.uploads()));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.summary())
                .isEqualTo("the API answered with the data of campaign 8 when asked for campaign 7");
        assertThat(result.evidence().allHold())
                .as("a later job reading the checklist never finds a PASS proven")
                .isFalse();
        assertThat(result.evidence().firstUnproven())
                .map(Evidence.Check::numbers)
                .hasValue("data.campaign.id 8, asked" + " for 7");
    }
}
