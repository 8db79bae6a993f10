package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.report.Contexts;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate whose rules compare with a baseline campaign, read once, from a source serving two campaigns. */
class BaselineGateTest {

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private final List<Long> asked = Collections.synchronizedList(new ArrayList<>());

    /** Campaign 41, the last release's: 1000 calls, 51 failed (5.1%), 800 picked (80%). */
    private static CampaignStatus lastRelease() {
        return Snapshots.inactive()
                .campaign(41)
                .queues(3, true, true)
                .calls("picked", 800, "not_picked", 149, "failed", 51)
                .build();
    }

    private static CampaignStatus today(long id, long failed) {
        return Snapshots.active()
                .campaign(id)
                .queues(19, true)
                .calls("picked", 1000 - failed - 100, "not_picked", 100, "failed", failed)
                .build();
    }

    private StatusSource serving(Map<Long, CampaignStatus> campaigns) {
        return new StatusSource() {
            @Override
            public CampaignStatus fetch(long campaignId) throws ApiException {
                asked.add(campaignId);
                CampaignStatus answer = campaigns.get(campaignId);
                if (answer == null) {
                    throw ApiException.refused(404, "HTTP 404: {\"success\":false,\"error\":\"Campaign not found\"}");
                }
                return answer;
            }
        };
    }

    private GateResult run(String thresholds, Map<Long, CampaignStatus> campaigns, String... campaignIds)
            throws Exception {
        TestConfig config = new TestConfig();
        config.completionOnly = "false";
        config.campaignId = String.join(",", campaignIds.length == 0 ? new String[] {"7"} : campaignIds);
        config.thresholds = List.of(thresholds.split(","));
        config.baselineCampaignId = "41";
        return GateRun.run(
                GateConfig.parseAll(config.raw()),
                serving(campaigns),
                TimeSource.SYSTEM,
                new AbortSignal(),
                () -> 0,
                Contexts.of(dir, dir.resolve("summary.md"), null, Clock.systemUTC(), log));
    }

    @Test
    void a_campaign_worse_than_the_baseline_by_more_than_the_margin_should_fail_saying_both_values() throws Exception {
        GateResult result = run("failed <= baseline + 1%", Map.of(41L, lastRelease(), 7L, today(7, 72)));

        CampaignResult campaign = result.campaigns().get(0);
        assertThat(campaign.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(campaign.details()).contains("failed ratio is 7.2%, but the maximum is baseline 5.1% + 1% = 6.1%");
        assertThat(log.at("INFO"))
                .anyMatch(line -> line.equals("Baseline campaign 41: completed, 1000 calls; failed"
                        + " 5.1%; limits: failed <= baseline 5.1% + 1% = 6.1%"));
        assertThat(log.text()).contains("<= baseline 5.1% + 1% = 6.1%");
        JsonNode report =
                new ObjectMapper().readTree(dir.resolve("campaign-7.json").toFile());
        JsonNode rule = report.path("rules").get(0);
        assertThat(rule.path("rule").asText()).isEqualTo("failed <= baseline + 1%");
        assertThat(rule.path("limitText").asText()).isEqualTo("baseline 5.1% + 1% = 6.1%");
        assertThat(rule.path("baseline").path("ratio").decimalValue()).isEqualByComparingTo("0.051");
        assertThat(report.path("baseline").path("campaignId").asLong()).isEqualTo(41);
        assertThat(report.path("baseline")
                        .path("snapshot")
                        .path("calls")
                        .path("total")
                        .asLong())
                .isEqualTo(1000);
        assertThat(Files.readString(dir.resolve("TEST-osvi-campaign-7.xml"))).contains("baseline 5.1% + 1% = 6.1%");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("baseline 5.1% + 1% = 6.1%");
        assertThat(Files.readString(dir.resolve("campaign-7.svg"))).contains("baseline 5.1% + 1% = 6.1%");
    }

    @Test
    void a_campaign_within_the_margin_should_pass_and_the_exact_limit_should_hold_at_its_edge() throws Exception {
        // 61/1000 = 6.1% = 5.1% + 1% exactly: within "<=", beyond "<"
        GateResult result =
                run("failed <= baseline + 1%,picked >= baseline - 2%", Map.of(41L, lastRelease(), 7L, today(7, 61)));
        assertThat(result.campaigns().get(0).verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.SUCCESS);

        asked.clear();
        GateResult strict = run("failed < baseline + 1%", Map.of(41L, lastRelease(), 7L, today(7, 61)));
        assertThat(strict.campaigns().get(0).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void a_factor_should_multiply_the_baseline_ratio_exactly() throws Exception {
        // 5.1% * 1.5 = 7.65%: 76/1000 within, 77/1000 beyond
        assertThat(run("failed <= baseline * 1.5", Map.of(41L, lastRelease(), 7L, today(7, 76)))
                        .campaigns()
                        .get(0)
                        .verdict())
                .isEqualTo(Verdict.PASS);
        CampaignResult beyond = run("failed <= baseline * 1.5", Map.of(41L, lastRelease(), 7L, today(7, 77)))
                .campaigns()
                .get(0);
        assertThat(beyond.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(beyond.details()).contains("failed ratio is 7.7%, but the maximum is baseline 5.1% * 1.5 = 7.65%");
    }

    @Test
    void check_campaign_should_judge_a_running_campaign_against_the_baseline_once() throws Exception {
        TestConfig config = new TestConfig();
        config.completionOnly = "false";
        config.thresholds = List.of("failed <= baseline + 1%");
        config.baselineCampaignId = "41";
        // running: one look, after one read of the baseline
        CampaignStatus running = Snapshots.active()
                .campaign(7)
                .queues(19, true, false)
                .calls("picked", 200, "failed", 100)
                .build();
        CampaignResult now = check(config, Map.of(41L, lastRelease(), 7L, running));
        assertThat(now.verdict()).isEqualTo(Verdict.RUNNING);
        assertThat(asked).containsExactly(41L, 7L);

        asked.clear();
        CampaignResult done = check(config, Map.of(41L, lastRelease(), 7L, today(7, 50)));
        assertThat(done.verdict()).isEqualTo(Verdict.PASS);
        assertThat(asked).containsExactly(41L, 7L);
    }

    /** One check-campaign of campaign 7 against {@code campaigns}. */
    private CampaignResult check(TestConfig config, Map<Long, CampaignStatus> campaigns) throws Exception {
        return GateRun.check(
                        GateConfig.parseAll(config.raw()),
                        serving(campaigns),
                        TimeSource.SYSTEM,
                        new AbortSignal(),
                        () -> 0,
                        Contexts.of(dir, null, null, Clock.systemUTC(), log),
                        Clock.systemUTC())
                .campaigns()
                .get(0);
    }

    @Test
    void the_baseline_should_be_read_once_for_every_campaign_of_the_gate() throws Exception {
        GateResult result = run(
                "failed <= baseline + 1%", Map.of(41L, lastRelease(), 7L, today(7, 50), 8L, today(8, 90)), "7", "8");
        assertThat(result.campaigns()).extracting(CampaignResult::verdict).containsExactly(Verdict.PASS, Verdict.FAIL);
        assertThat(asked.stream().filter(id -> id == 41L)).hasSize(1);
    }

    @Test
    void an_incomplete_baseline_should_be_an_error_naming_it_and_nothing_should_be_awaited() throws Exception {
        CampaignStatus running = Snapshots.active()
                .campaign(41)
                .queues(3, true, false)
                .calls("picked", 800, "failed", 51)
                .build();
        Map<Long, CampaignStatus> campaigns = new ConcurrentHashMap<>(Map.of(41L, running, 7L, today(7, 10)));

        CampaignResult result =
                run("failed <= baseline + 1%", campaigns).campaigns().get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(result.summaryLine())
                .isEqualTo("OSVI gate: ERROR campaign 7: the baseline campaign 41 cannot be"
                        + " used: it is not complete (1/2 queues completed): a baseline must be a finished campaign, such as"
                        + " the last release's");
        assertThat(asked).containsExactly(41L);
        assertThat(result.evidence().allHold()).isFalse();
    }

    @Test
    void a_baseline_with_too_few_calls_or_calls_in_no_status_or_missing_should_be_an_error_saying_what()
            throws Exception {
        CampaignStatus few = Snapshots.inactive()
                .campaign(41)
                .queues(3, true)
                .calls("picked", 5, "failed", 1)
                .build();
        TestConfig config = new TestConfig();
        config.completionOnly = "false";
        config.thresholds = List.of("failed <= baseline + 1%");
        config.baselineCampaignId = "41";
        config.minCalls = "100";
        CampaignResult tooFew = GateRun.run(
                        GateConfig.parseAll(config.raw()),
                        serving(Map.of(41L, few, 7L, today(7, 10))),
                        TimeSource.SYSTEM,
                        new AbortSignal(),
                        () -> 0,
                        Contexts.of(dir, null, null, Clock.systemUTC(), log))
                .campaigns()
                .get(0);
        assertThat(tooFew.summary())
                .isEqualTo("the baseline campaign 41 cannot be used: it has 6 calls, fewer than"
                        + " minCalls 100: too few to compare with");

        CampaignStatus unaccounted = Snapshots.inactive()
                .campaign(41)
                .queues(3, true)
                .calls("picked", 800, "failed", 51)
                .total(1000)
                .build();
        assertThat(run("failed <= baseline + 1%", Map.of(41L, unaccounted, 7L, today(7, 10)))
                        .campaigns()
                        .get(0)
                        .summary())
                .isEqualTo("the baseline campaign 41 cannot be used: its by_status accounts for 851 of"
                        + " its 1000 calls, so its ratios are not known");

        CampaignResult missing = run("failed <= baseline + 1%", Map.of(7L, today(7, 10)))
                .campaigns()
                .get(0);
        assertThat(missing.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(missing.summary())
                .isEqualTo("the baseline campaign 41 cannot be used: it was not found (HTTP"
                        + " 404): check baselineCampaignId");
    }

    @Test
    void a_baseline_reporting_none_of_a_lower_bounds_statuses_should_be_an_error_not_a_limit_below_zero()
            throws Exception {
        // picked >= baseline - 2% on a baseline without 'picked' would be picked >= -2%: any campaign passes
        CampaignStatus otherNames = Snapshots.inactive()
                .campaign(41)
                .queues(3, true)
                .calls("answered", 800, "failed", 200)
                .build();
        CampaignStatus nonePicked = Snapshots.active()
                .campaign(7)
                .queues(19, true)
                .calls("failed", 1000)
                .build();
        CampaignResult result = run("picked >= baseline - 2%", Map.of(41L, otherNames, 7L, nonePicked))
                .campaigns()
                .get(0);
        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.summary())
                .isEqualTo("the baseline campaign 41 cannot be used: it reports none of the"
                        + " statuses of rule 'picked >= baseline - 2%' (its by_status has answered, failed), so that rule"
                        + " would hold for any campaign: check how OSVI names the status, or write the rule with a fixed"
                        + " limit");
        assertThat(asked).containsExactly(41L);

        // an upper bound on a status the baseline did not have is the strictest limit, not a flattering one
        CampaignStatus noFailures = Snapshots.inactive()
                .campaign(41)
                .queues(3, true)
                .calls("picked", 1000)
                .build();
        assertThat(run("failed <= baseline + 1%", Map.of(41L, noFailures, 7L, today(7, 11)))
                        .campaigns()
                        .get(0)
                        .details())
                .contains("failed ratio is 1.1%, but the maximum is baseline 0% + 1% = 1%");
    }

    @Test
    void a_baseline_answered_with_another_campaigns_data_should_be_an_error_and_minCalls_exactly_should_serve()
            throws Exception {
        CampaignStatus other = Snapshots.inactive()
                .campaign(42)
                .queues(3, true)
                .calls("picked", 800, "failed", 200)
                .build();
        CampaignResult mixedUp = run("failed <= baseline + 1%", Map.of(41L, other, 7L, today(7, 10)))
                .campaigns()
                .get(0);
        assertThat(mixedUp.summary())
                .isEqualTo("the baseline campaign 41 cannot be used: the API answered with the data of campaign 42"
                        + " when asked for campaign 41");

        TestConfig config = new TestConfig();
        config.completionOnly = "false";
        config.thresholds = List.of("failed <= baseline + 1%");
        config.baselineCampaignId = "41";
        config.minCalls = "1000"; // the baseline has exactly 1000 calls
        CampaignResult exactly = GateRun.run(
                        GateConfig.parseAll(config.raw()),
                        serving(Map.of(41L, lastRelease(), 7L, today(7, 50))),
                        TimeSource.SYSTEM,
                        new AbortSignal(),
                        () -> 0,
                        Contexts.of(dir, null, null, Clock.systemUTC(), log))
                .campaigns()
                .get(0);
        assertThat(exactly.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void a_baseline_whose_status_is_spelt_otherwise_should_be_an_error_not_a_baseline_of_zero() throws Exception {
        CampaignStatus lookalike = Snapshots.inactive()
                .campaign(41)
                .queues(3, true)
                .calls("picked", 800, "Failed", 200)
                .build();
        CampaignResult result = run("failed <= baseline + 1%", Map.of(41L, lookalike, 7L, today(7, 10)))
                .campaigns()
                .get(0);
        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.summary())
                .startsWith(
                        "the baseline campaign 41 cannot be used: in its by_status, Rule"
                                + " 'failed <= baseline + 1%' (thresholds) names the status 'failed'; the API reported 'Failed'");
    }
}
