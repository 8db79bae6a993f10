package ai.osvi.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.Snapshots;
import ai.osvi.gate.report.ci.GitlabDotenv;
import ai.osvi.gate.report.ci.StepOutputs;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** What later jobs read when several gates run in one build. */
class BuildResultsTest {

    private final LaterJobsFixture fixture = new LaterJobsFixture();
    private final BuildResults build = new BuildResults();

    private GateResult failing(long campaign) throws Exception {
        return fixture.run(String.valueOf(campaign), Map.of(campaign, LaterJobsFixture.failing()));
    }

    private GateResult passing(long campaign) throws Exception {
        return fixture.run(
                String.valueOf(campaign),
                Map.of(
                        campaign,
                        Snapshots.active()
                                .queues(19, true)
                                .calls("picked", 97, "failed", 3)
                                .build()));
    }

    @Test
    void a_pass_after_a_fail_should_leave_the_build_at_fail_with_each_gates_own_values() throws Exception {
        build.record(new GateResult("strict", "p", Path.of("a"), failing(8).campaigns(), null));
        BuildResults.View view = build.record(
                new GateResult("blocking", "p", Path.of("a"), passing(7).campaigns(), null));

        assertThat(view.overall().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(view.overall().summaryLine()).isEqualTo("OSVI gate: FAIL 2 gates: strict FAIL, blocking PASS");
        assertThat(view.campaigns())
                .extracting(ResultValues::campaignId, ResultValues::verdict)
                .containsExactly(Tuple.tuple(8L, Verdict.FAIL), Tuple.tuple(7L, Verdict.PASS));
        assertThat(view.gates()).containsOnlyKeys("strict", "blocking");
        assertThat(view.gates().get("strict").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(view.gates().get("blocking").verdict()).isEqualTo(Verdict.PASS);
        assertThat(view.directories()).containsExactly(Path.of("a"));
    }

    @Test
    void a_campaign_gated_twice_should_keep_its_worse_result_and_count_its_calls_once() throws Exception {
        build.record(new GateResult("strict", "p", null, failing(7).campaigns(), null));
        BuildResults.View view =
                build.record(new GateResult("lenient", "p", null, passing(7).campaigns(), null));

        assertThat(view.campaigns())
                .singleElement()
                .satisfies(only -> assertThat(only.verdict()).isEqualTo(Verdict.FAIL));
        assertThat(view.overall().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(view.overall().callsTotal()).hasToString("200");
    }

    @Test
    void a_gate_that_did_not_start_should_make_the_build_error() throws Exception {
        build.record(new GateResult("first", "p", Path.of("a"), passing(7).campaigns(), null));
        BuildResults.View view =
                build.record(GateResult.notStarted("second", "p", Path.of("b"), "OSVI gate: ERROR: no token"));

        assertThat(view.overall().verdict()).isEqualTo(Verdict.ERROR);
        assertThat(view.overall().outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(view.directories()).containsExactly(Path.of("a"), Path.of("b"));
    }

    @Test
    void a_projects_view_should_hold_only_its_own_gates() throws Exception {
        build.record(new GateResult("api-gate", "api", null, failing(8).campaigns(), null));
        build.record(new GateResult("app-gate", "app", null, passing(7).campaigns(), null));

        BuildResults.View app = build.forProject("app");

        assertThat(app.overall().verdict()).isEqualTo(Verdict.PASS);
        assertThat(app.campaigns()).extracting(ResultValues::campaignId).containsExactly(7L);
        assertThat(app.gates()).isEmpty();
    }

    @Test
    void outputs_and_dotenv_should_carry_the_builds_verdict_and_each_gates() throws Exception {
        build.record(new GateResult("strict", "p", null, failing(8).campaigns(), null));
        BuildResults.View view =
                build.record(new GateResult("blocking", "p", null, passing(7).campaigns(), null));

        Map<String, String> outputs =
                StepOutputs.outputs(view, new Sink(text -> text, new WarningsLog(new ArrayList<>()), new Object()));
        List<String> dotenv =
                GitlabDotenv.lines(view, new Sink(text -> text, new WarningsLog(new ArrayList<>()), new Object()));

        assertThat(outputs)
                .containsEntry("verdict", "FAIL")
                .containsEntry("gate-strict-verdict", "FAIL")
                .containsEntry("gate-blocking-verdict", "PASS")
                .containsEntry("8-verdict", "FAIL")
                .containsEntry("7-verdict", "PASS");
        assertThat(dotenv)
                .startsWith(
                        "OSVI_VERDICT=FAIL\n",
                        "OSVI_BUILD_OUTCOME=FAIL\n",
                        "OSVI_CAMPAIGN_ID=8,7\n",
                        "OSVI_GATE_STRICT_VERDICT=FAIL\n",
                        "OSVI_GATE_BLOCKING_VERDICT=PASS\n");
    }

    @Test
    void gates_whose_names_give_the_same_key_should_both_be_left_out_with_a_warning() throws Exception {
        build.record(new GateResult("svc.eu-gate", "p", null, failing(8).campaigns(), null));
        BuildResults.View view =
                build.record(new GateResult("svc-eu-gate", "q", null, passing(7).campaigns(), null));
        List<String> warnings = new ArrayList<>();

        Map<String, String> outputs =
                StepOutputs.outputs(view, new Sink(text -> text, new WarningsLog(warnings), new Object()));
        List<String> dotenv = GitlabDotenv.lines(view, new Sink(text -> text, new WarningsLog(warnings), new Object()));

        assertThat(dotenv).contains("OSVI_VERDICT=FAIL\n").noneMatch(line -> line.startsWith("OSVI_GATE_"));
        // GitHub's names keep '-', which tells these two apart there
        assertThat(outputs)
                .containsEntry("verdict", "FAIL")
                .containsEntry("gate-svc_eu-gate-verdict", "FAIL")
                .containsEntry("gate-svc-eu-gate-verdict", "PASS");
        assertThat(warnings)
                .containsExactly("osvi.env: OSVI_GATE_SVC_EU_GATE_VERDICT left out: the gates"
                        + " \"svc.eu-gate\" and \"svc-eu-gate\" give the same name (their verdicts still count in the"
                        + " build's; give the executions ids that differ in more than punctuation).");
        warnings.clear();
        view = build.record(new GateResult("svc_eu-gate", "r", null, passing(9).campaigns(), null));
        assertThat(StepOutputs.outputs(view, new Sink(text -> text, new WarningsLog(warnings), new Object())))
                .doesNotContainKeys("gate-svc_eu-gate-verdict")
                .containsEntry("gate-svc-eu-gate-verdict", "PASS");
        assertThat(warnings)
                .containsExactly("GitHub outputs gate-svc_eu-gate-* left out: the gates \"svc.eu-gate\""
                        + " and \"svc_eu-gate\" give the same name (their verdicts still count in the build's; give the"
                        + " executions ids that differ in more than punctuation).");
    }

    @Test
    void two_results_over_one_shared_list_should_be_one_build() throws Exception {
        List<String> shared = BuildResults.newSharedList();
        new BuildResults(shared)
                .record(new GateResult("strict", "p", null, failing(8).campaigns(), null));
        BuildResults.View view = new BuildResults(shared)
                .record(new GateResult("blocking", "p", null, passing(7).campaigns(), null));

        assertThat(view.overall().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(view.campaigns()).extracting(ResultValues::campaignId).containsExactly(8L, 7L);
        assertThat(view.overall().ratios()).containsEntry("failed", new BigDecimal("0.21"));
    }

    @Test
    void an_entry_this_version_cannot_read_should_count_as_an_error_never_be_dropped() throws Exception {
        List<String> shared = BuildResults.newSharedList();
        shared.add("{\"kind\":\"gate\",\"gate\":\"future\",\"verdict\":\"SOMETHING_NEW\"}");
        shared.add("not json");
        BuildResults.View view = new BuildResults(shared)
                .record(new GateResult("blocking", "p", null, passing(7).campaigns(), null));

        assertThat(view.overall().verdict()).isEqualTo(Verdict.ERROR);
        assertThat(view.gates().get("future").summaryLine())
                .startsWith("OSVI gate: ERROR: the result of gate future" + " of this build could not be read");
    }

    @Test
    void a_second_gate_writing_a_campaign_into_the_same_folder_should_get_names_of_its_own() {
        Path folder = Path.of("target", "osvi");
        assertThat(build.reportName(folder, 7, "strict")).isEqualTo("campaign-7");
        assertThat(build.reportName(folder, 7, "advisory")).isEqualTo("campaign-7-advisory");
        assertThat(build.reportName(folder.toAbsolutePath(), 7, "strict")).isEqualTo("campaign-7");
        assertThat(build.reportName(folder, 8, "advisory")).isEqualTo("campaign-8");
        assertThat(build.reportName(Path.of("other"), 7, "advisory")).isEqualTo("campaign-7");
        assertThat(build.reportName(folder, 7, "m/x")).isEqualTo("campaign-7-m_x");
    }
}
