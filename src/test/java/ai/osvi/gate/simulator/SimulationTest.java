package ai.osvi.gate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.RawGateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.Contexts;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulation demonstrates the gate on its own: the built-in scenarios carry suggested rules. The gate and the
 * simulated campaign share a virtual clock, so a scenario's timeline passes at once; the requests are real.
 */
class SimulationTest {

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private final FakeTime time = new FakeTime();

    private GateResult simulate(String scenario, RawGateConfig raw) throws InvalidConfigurationException {
        raw.pollInterval = "1s";
        return Simulation.run(
                scenario,
                Path.of(""),
                raw,
                new AbortSignal(),
                Contexts.of(dir, null, null, Clock.systemUTC(), log),
                null,
                time);
    }

    private static String json(Object value) throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(value);
    }

    @Test
    void failing_alone_should_fail_the_build_on_the_suggested_rule_announced_in_the_banner() throws Exception {
        GateResult results = simulate("failing", new RawGateConfig());

        assertThat(results.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(results.outcome()).isEqualTo(BuildOutcome.FAIL);
        assertThat(log.at("INFO"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("SIMULATION: scenario 'failing'")
                        .endsWith("No rule is configured, so the scenario's suggested rules apply: failed <= 5%."));
        assertThat(results.failureMessage()).contains("failed ratio is 30%, but the maximum is 5%");
        // realistic retry settings: no warning that the default timeout is shorter than the retry window
        assertThat(log.at("WARN")).noneMatch(line -> line.contains("retry window"));
    }

    @Test
    void passing_alone_should_pass_from_its_start_whatever_checks_rehearsed_in_the_same_folder() throws Exception {
        Path clock = dir.resolve("simulated-clock.json");
        String rehearsed = "{\"started\": {\"passing\": \"2020-01-01T00:00:00Z\"}}";
        Files.writeString(clock, rehearsed);

        GateResult results = simulate("passing", new RawGateConfig());

        assertThat(results.verdict()).isEqualTo(Verdict.PASS);
        assertThat(results.outcome()).isEqualTo(BuildOutcome.SUCCESS);
        // a wait starts the scenario at its first request, as ever: no call made yet
        assertThat(log.at("INFO"))
                .anySatisfy(line -> assertThat(line).startsWith("campaign 7: queues 0/3 completed, 0/200 calls"));
        assertThat(clock).hasContent(rehearsed);
    }

    @Test
    void a_campaign_the_scenario_does_not_serve_should_be_named_with_the_scenarios_campaign() throws Exception {
        RawGateConfig raw = new RawGateConfig();
        raw.campaignId = "8";

        GateResult results = simulate("passing", raw);

        assertThat(results.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(results.failureMessage())
                .contains("campaign 8 not found in the simulation (HTTP 404: Campaign not"
                        + " found): scenario 'passing' serves campaign 7 only. Set campaignId to 7, or leave it unset to"
                        + " await the scenario's campaign.")
                .doesNotContain("account", "token");
    }

    @Test
    void a_404_in_the_scenarios_timeline_should_be_blamed_on_the_timeline() throws Exception {
        Path file = dir.resolve("gone.json");
        Files.writeString(
                file,
                json(Map.of(
                        "name", "gone",
                        "campaign", Map.of("id", 7),
                        "rules", List.of("failed <= 5%"),
                        "timeline",
                                List.of(Map.of(
                                        "at",
                                        "0s",
                                        "response",
                                        Map.of(
                                                "status",
                                                404,
                                                "body",
                                                Map.of("success", false, "error", "Campaign not found")))))));

        GateResult results = simulate(file.toString(), new RawGateConfig());

        assertThat(results.failureMessage())
                .contains("campaign 7 not found (HTTP 404: Campaign not found): scenario"
                        + " 'gone' answers 404 at this point of its timeline.");
    }

    @Test
    void a_relative_scenario_path_should_be_resolved_against_the_base_directory_and_shown_whole() throws Exception {
        Path project = Files.createDirectories(dir.resolve("module"));
        Files.createDirectories(project.resolve("scenarios"));
        Files.writeString(
                project.resolve("scenarios/done.json"),
                json(Map.of(
                        "name",
                        "done",
                        "campaign",
                        Map.of("id", 7),
                        "timeline",
                        List.of(Map.of(
                                "at",
                                "0s",
                                "calls",
                                Map.of("total", 0, "by_status", Map.of()),
                                "uploads",
                                List.of())))));

        assertThat(Scenario.load("scenarios/done.json", project).name()).isEqualTo("done");
        assertThatThrownBy(() -> Scenario.load("scenarios/missing.json", project))
                .hasMessage("Invalid simulation (osvi.simulation) 'scenarios/missing.json': no built-in scenario of"
                        + " that name and no file " + project.toAbsolutePath().resolve("scenarios/missing.json")
                        + ". Accepted: passing, failing, stalled, inactive, regressed, or the path of a scenario JSON file,"
                        + " relative to the project's base directory (" + project.toAbsolutePath() + ").");
    }

    @Test
    void configured_rules_should_replace_the_suggested_ones() throws Exception {
        Path file = dir.resolve("done.json");
        Files.writeString(
                file,
                json(Map.of(
                        "campaign", Map.of("id", 7),
                        "rules", List.of("failed <= 5%"),
                        "timeline",
                                List.of(Map.of(
                                        "at",
                                        "0s",
                                        "calls",
                                        Map.of("total", 10, "by_status", Map.of("picked", 7, "failed", 3)),
                                        "uploads",
                                        List.of(Map.of(
                                                "campaign_upload_id",
                                                19,
                                                "queues",
                                                List.of(Map.of("total_queued", 10, "completed", true)))))))));
        RawGateConfig raw = new RawGateConfig();
        raw.maxFailureRatio = "35%";

        GateResult results = simulate(file.toString(), raw);

        assertThat(results.verdict()).isEqualTo(Verdict.PASS);
        assertThat(log.at("INFO")).noneMatch(line -> line.contains("suggested rules"));
    }

    @Test
    void a_scenario_file_may_suggest_rules_and_a_bad_one_is_named() throws Exception {
        Path file = dir.resolve("bad-rules.json");
        Files.writeString(
                file,
                json(Map.of(
                        "campaign", Map.of("id", 7),
                        "rules", List.of("failed <= 5%", "faild less than 5"),
                        "timeline",
                                List.of(Map.of(
                                        "at",
                                        "0s",
                                        "calls",
                                        Map.of("total", 0, "by_status", Map.of()),
                                        "uploads",
                                        List.of())))));

        assertThatThrownBy(() -> Scenario.load(file.toString()))
                .hasMessage("Invalid scenario " + file + " (simulation (osvi.simulation)): rules[1] 'faild less than 5'"
                        + " is not a rule such as \"failed <= 5%\" or \"picked >= 60%\". See 'Scenario files' in"
                        + " src/site/markdown/simulator.md.");
    }

    @Test
    void a_later_gate_with_other_rules_should_judge_the_simulated_campaign_as_it_ended_not_wait_it_again()
            throws Exception {
        BuildResults build = new BuildResults();
        GateResult[] results = new GateResult[2];
        String[] rules = {"failed <= 5%", "picked >= 70%"};
        for (int i = 0; i < 2; i++) {
            RawGateConfig raw = new RawGateConfig();
            raw.pollInterval = "2s";
            raw.thresholds = List.of(rules[i]);
            Path reports = Files.createDirectories(dir.resolve("module-" + i));
            results[i] = Simulation.run(
                    "passing",
                    dir,
                    raw,
                    new AbortSignal(),
                    Contexts.of(reports, null, null, Clock.systemUTC(), log).inBuild(build, "module-" + i, null),
                    null,
                    time);
        }
        assertThat(results[1].verdict()).isEqualTo(Verdict.PASS);
        assertThat(results[1].campaigns().get(0).waitResult().polls()).isEqualTo(1);
        assertThat(log.lines)
                .contains("INFO Campaign 7 completed while gate module-0 of this build awaited it: this gate's rules"
                        + " were judged on one fresh snapshot, without a new wait.");
    }
}
