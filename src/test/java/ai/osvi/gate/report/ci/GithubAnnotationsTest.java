package ai.osvi.gate.report.ci;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.Gate;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.ScriptedSource;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.GateResult;
import ai.osvi.it.WorkflowCommand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Workflow annotations as GitHub's runner reads them back from standard output. */
class GithubAnnotationsTest {

    @Test
    void percent_signs_newlines_and_double_colons_should_reach_the_page_as_written() {
        String text = "failed ratio is 30%, but the maximum is 5%\r\nsee ::stop-commands:: and %0A and %25";
        String title = "OSVI gate: FAIL, campaign 7 %3A";

        WorkflowCommand parsed = WorkflowCommand.parse(GithubAnnotations.line("error", title, text));

        assertThat(GithubAnnotations.line("error", title, text)).doesNotContain("\n", "\r");
        assertThat(parsed.command()).isEqualTo("error");
        assertThat(parsed.properties()).containsExactly(Map.entry("title", title));
        assertThat(parsed.data()).isEqualTo(text);
    }

    @Test
    void a_gate_that_did_not_start_should_be_an_error_annotation_with_the_fix() {
        WorkflowCommand parsed = WorkflowCommand.parse(GithubAnnotations.notStarted(
                "OSVI gate: ERROR: invalid configuration (campaignId)", "Set campaignId.\nOr -Dosvi.skip=true."));

        assertThat(parsed.command()).isEqualTo("error");
        assertThat(parsed.properties().get("title")).isEqualTo("OSVI gate: ERROR: invalid configuration (campaignId)");
        assertThat(parsed.data()).isEqualTo("Set campaignId.\nOr -Dosvi.skip=true.");
    }

    private static List<WorkflowCommand> annotations(TestConfig config, Snapshots snapshot) {
        FakeTime time = new FakeTime();
        ScriptedSource source = new ScriptedSource(time).then(snapshot);
        CampaignResult result =
                new Gate(config.parse(), source, time, new RecordingLog(), new AbortSignal(), () -> 0).run();
        return WorkflowCommand.in(
                GithubAnnotations.of(new GateResult("default-cli", null, null, List.of(result), null)));
    }

    @Test
    void a_breach_should_be_an_error_with_each_breached_rule_and_a_plain_pass_nothing() {
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";
        config.thresholds = List.of("picked >= 60%");

        assertThat(annotations(config, Snapshots.active().queues(19, true).calls("picked", 50, "failed", 50)))
                .singleElement()
                .satisfies(annotation -> {
                    assertThat(annotation.command()).isEqualTo("error");
                    assertThat(annotation.properties())
                            .containsExactly(Map.entry("title", "OSVI gate: FAIL campaign 7"));
                    assertThat(annotation.data().lines().toList())
                            .containsExactly(
                                    "2 of 2 rules breached on 100 calls",
                                    "failed ratio is 50%, but the maximum is 5%",
                                    "picked ratio is 50%, but the minimum is 60%");
                });
        assertThat(annotations(config, Snapshots.active().queues(19, true).calls("picked", 99, "failed", 1)))
                .isEmpty();
    }

    @Test
    void a_breach_with_failBuild_false_should_be_a_warning() {
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";
        config.failBuild = "false";

        assertThat(annotations(config, Snapshots.active().queues(19, true).calls("picked", 50, "failed", 50)))
                .singleElement()
                .extracting(WorkflowCommand::command)
                .isEqualTo("warning");
    }

    @Test
    void an_advisory_breach_beside_a_pass_should_be_a_notice() {
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";
        config.thresholds = List.of("failed <= 2% (advisory)");

        assertThat(annotations(config, Snapshots.active().queues(19, true).calls("picked", 97, "failed", 3)))
                .singleElement()
                .satisfies(annotation -> {
                    assertThat(annotation.command()).isEqualTo("notice");
                    assertThat(annotation.properties().get("title"))
                            .isEqualTo("OSVI gate: PASS campaign 7, advisory rule breached");
                    assertThat(annotation.data())
                            .endsWith("\nadvisory, breached: failed ratio is 3%, but the" + " maximum is 2%");
                });
    }
}
