package ai.osvi.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.it.WorkflowCommand;
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
        WorkflowCommand parsed = WorkflowCommand.parse(GithubAnnotations.notStarted("OSVI gate: ERROR: invalid configuration (campaignId)",
                "Set campaignId.\nOr -Dosvi.skip=true."));

        assertThat(parsed.command()).isEqualTo("error");
        assertThat(parsed.properties().get("title")).isEqualTo("OSVI gate: ERROR: invalid configuration (campaignId)");
        assertThat(parsed.data()).isEqualTo("Set campaignId.\nOr -Dosvi.skip=true.");
    }
}
