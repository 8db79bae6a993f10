package ai.osvi.gate.report.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.SilentLog;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.LaterJobsFixture;
import ai.osvi.gate.report.Sink;
import ai.osvi.gate.report.WarningsLog;
import ai.osvi.gate.result.GateResult;
import ai.osvi.it.GithubOutputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubOutputsTest {

    @TempDir
    Path dir;

    private final LaterJobsFixture fixture = new LaterJobsFixture();
    private final List<String> warnings = new ArrayList<>();

    /** The outputs as the runner reads them back from the file. */
    private Map<String, String> written(GateResult results, UnaryOperator<String> redactor) throws Exception {
        Path file = dir.resolve("github-output");
        new Sink(redactor, new SilentLog(), new Object())
                .appendVerbatim(
                        file,
                        StepOutputs.format(
                                StepOutputs.outputs(
                                        BuildResults.single(results.campaigns(), dir),
                                        new Sink(redactor, new WarningsLog(warnings), new Object())),
                                () -> "ghadelimiter_" + UUID.randomUUID()));
        return GithubOutputFile.read(file);
    }

    @Test
    void a_failed_campaign_should_give_every_output_as_the_runner_reads_it() throws Exception {
        Map<String, String> outputs = written(fixture.run(LaterJobsFixture.failing()), UnaryOperator.identity());

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("verdict", "FAIL");
        expected.put("build-outcome", "FAIL");
        expected.put("summary", "OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 200 calls");
        expected.put("campaign-name", "June Renewals");
        expected.put("calls-total", "200");
        expected.put("ratio-picked", "0.55");
        expected.put("ratio-not_picked", "0.15");
        expected.put("ratio-failed", "0.3");
        expected.put(
                "report-json", dir.resolve("campaign-7.json").toAbsolutePath().toString());
        expected.put(
                "report-junit",
                dir.resolve("TEST-osvi-campaign-7.xml").toAbsolutePath().toString());
        assertThat(outputs).containsExactlyEntriesOf(expected);
        assertThat(warnings).isEmpty();
    }

    @Test
    void a_ratio_next_to_a_breached_rule_should_never_read_as_passing() throws Exception {
        // 5.00004% failed against failed <= 5%: six decimals would read 0.05, which passes
        Map<String, String> outputs = written(
                fixture.run(Snapshots.active()
                        .queues(19, true)
                        .calls("picked", 9_499_996, "failed", 500_004)
                        .build()),
                UnaryOperator.identity());

        assertThat(outputs)
                .containsEntry("verdict", "FAIL")
                .containsEntry("ratio-failed", "0.0500004")
                .containsEntry("ratio-picked", "0.95");
    }

    @Test
    void a_campaign_name_that_writes_output_lines_should_stay_inside_its_own_value() throws Exception {
        String name = "x\nverdict=PASS\nbuild-outcome<<EOF\nPASS\nEOF\nghadelimiter_\n";

        Map<String, String> outputs = written(fixture.run(LaterJobsFixture.failing(name)), UnaryOperator.identity());

        assertThat(outputs)
                .containsEntry("verdict", "FAIL")
                .containsEntry("build-outcome", "FAIL")
                .containsEntry("campaign-name", name)
                .doesNotContainKey("EOF");
    }

    @Test
    void a_delimiter_that_is_a_line_of_the_value_should_be_replaced_by_a_fresh_one() {
        Deque<String> delimiters = new ArrayDeque<>(List.of("EOF", "EOF", "D2", "D3"));
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("campaign-name", "x\nEOF\nverdict=PASS");
        outputs.put("verdict", "FAIL");

        String text = StepOutputs.format(outputs, delimiters::pop);

        assertThat(text).isEqualTo("campaign-name<<D2\nx\nEOF\nverdict=PASS\nD2\nverdict<<D3\nFAIL\nD3\n");
        assertThat(GithubOutputFile.parse(text))
                .containsExactly(
                        new GithubOutputFile.Output("campaign-name", "x\nEOF\nverdict=PASS"),
                        new GithubOutputFile.Output("verdict", "FAIL"));
    }

    @Test
    void empty_and_multi_line_values_should_read_back_exactly() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("a", "");
        outputs.put("b", "\n");
        outputs.put("c", "one\r\ntwo\n");

        assertThat(GithubOutputFile.parse(StepOutputs.format(outputs, () -> "ghadelimiter_1")))
                .extracting(GithubOutputFile.Output::value)
                .containsExactly("", "\n", "one\r\ntwo\n");
    }

    @Test
    void status_keys_should_give_names_of_their_own_or_none() throws Exception {
        Map<String, String> outputs = written(
                fixture.run(Snapshots.active()
                        .queues(19, true)
                        .calls(
                                "failed",
                                60,
                                "Not Picked",
                                10,
                                "not_picked",
                                20,
                                "verdict",
                                1,
                                "x\nverdict=PASS",
                                2,
                                "\u00c9chec",
                                3,
                                "",
                                4,
                                "picked",
                                100)
                        .build()),
                UnaryOperator.identity());

        assertThat(outputs)
                .containsEntry("verdict", "FAIL")
                .containsEntry("ratio-verdict", "0.005")
                .containsEntry("ratio-x_verdict_pass", "0.01")
                .containsEntry("ratio-_chec", "0.015")
                .doesNotContainKeys("ratio-not_picked", "ratio-");
        assertThat(outputs.keySet()).allMatch(name -> name.matches("[a-z0-9_-]+"));
        assertThat(warnings)
                .containsExactly(
                        "GitHub output ratio-not_picked left out: the by_status keys \"Not Picked\" and \"not_picked\" give"
                                + " the same name (the JSON report has their counts).",
                        "GitHub output ratio- left out: the by_status key \"\" gives no usable name (the JSON report has"
                                + " their counts).");
    }

    @Test
    void several_campaigns_should_give_each_its_prefixed_outputs_beside_the_combined_ones() throws Exception {
        GateResult results = fixture.run(
                "7,8,9",
                Map.of(
                        7L,
                                Snapshots.active()
                                        .queues(19, true)
                                        .calls("picked", 99, "failed", 1)
                                        .build(),
                        9L, LaterJobsFixture.failing()));

        Map<String, String> outputs = written(results, UnaryOperator.identity());

        assertThat(outputs)
                .containsEntry("verdict", "ERROR")
                .containsEntry("build-outcome", "ERROR")
                .containsEntry("summary", "OSVI gate: ERROR 3 campaigns: 7 PASS, 8 ERROR, 9 FAIL")
                .containsEntry("calls-total", "300")
                .containsEntry("ratio-failed", "0.203333")
                .containsEntry("7-verdict", "PASS")
                .containsEntry("7-calls-total", "100")
                .containsEntry("7-ratio-failed", "0.01")
                .containsEntry("8-verdict", "ERROR")
                .containsEntry("8-build-outcome", "ERROR")
                .containsEntry("9-verdict", "FAIL")
                .containsEntry("9-ratio-failed", "0.3")
                .containsEntry("9-campaign-name", "June Renewals")
                .containsEntry(
                        "8-report-json",
                        dir.resolve("campaign-8.json").toAbsolutePath().toString())
                .doesNotContainKeys("campaign-name", "8-calls-total", "8-campaign-name");
        assertThat(outputs.get("report-json").lines())
                .containsExactly(
                        dir.resolve("campaign-7.json").toAbsolutePath().toString(),
                        dir.resolve("campaign-8.json").toAbsolutePath().toString(),
                        dir.resolve("campaign-9.json").toAbsolutePath().toString());
    }

    @Test
    void the_token_should_appear_in_no_name_and_no_value() throws Exception {
        String token = "s3cr3t_token";
        UnaryOperator<String> redactor = text -> text.replace(token, "****");
        // upper case, the key is not the token; lower-cased into a name, it would be
        GateResult results = fixture.run(Snapshots.active()
                .name("Echo " + token)
                .queues(19, true)
                .calls("S3CR3T_TOKEN", 5, "failed", 60, "picked", 135)
                .build());

        Path file = dir.resolve("github-output");
        new Sink(redactor, new SilentLog(), new Object())
                .appendVerbatim(
                        file,
                        StepOutputs.format(
                                StepOutputs.outputs(
                                        BuildResults.single(results.campaigns(), dir),
                                        new Sink(redactor, new WarningsLog(warnings), new Object())),
                                () -> "ghadelimiter_" + UUID.randomUUID()));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(token);
        assertThat(GithubOutputFile.read(file))
                .containsEntry("campaign-name", "Echo ****")
                .containsEntry("ratio-____", "0.025")
                .containsEntry("verdict", "FAIL");
    }

    @Test
    void outputs_should_be_appended_to_what_the_step_already_wrote() throws Exception {
        Path file = dir.resolve("github-output");
        Files.writeString(file, "earlier=1\n");

        new Sink(UnaryOperator.identity(), new SilentLog(), new Object())
                .appendVerbatim(
                        file,
                        StepOutputs.format(
                                StepOutputs.outputs(
                                        new BuildResults()
                                                .record(GateResult.notStarted(
                                                        "default", null, null, "OSVI gate: ERROR: did not run")),
                                        new Sink(UnaryOperator.identity(), new WarningsLog(warnings), new Object())),
                                () -> "ghadelimiter_" + UUID.randomUUID()));

        assertThat(GithubOutputFile.read(file))
                .containsExactly(
                        Map.entry("earlier", "1"),
                        Map.entry("verdict", "ERROR"),
                        Map.entry("build-outcome", "ERROR"),
                        Map.entry("summary", "OSVI gate: ERROR: did not run"));
    }

    @Test
    void text_that_would_hold_the_token_only_once_put_together_should_not_be_written() {
        Path file = dir.resolve("github-output");
        Map<String, String> outputs = Map.of("verdict", "FAIL");

        assertThatThrownBy(() -> new Sink(text -> text.replace("<<", "****"), new SilentLog(), new Object())
                        .appendVerbatim(file, StepOutputs.format(outputs, () -> "ghadelimiter_" + UUID.randomUUID())))
                .hasMessage("github-output would hold the API token; nothing written");
        assertThat(file).doesNotExist();
    }
}
