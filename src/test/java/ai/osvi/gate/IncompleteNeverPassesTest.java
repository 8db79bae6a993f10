package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.Contexts;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.it.GithubOutputFile;
import ai.osvi.it.GitlabDotenvFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * PASS means completed and within the rules, in every output: under onTimeout=evaluate, rules that hold on the last
 * snapshot of a campaign that did not complete give TIMEOUT everywhere a later step or job reads, with the rules
 * judged shown beside it.
 */
class IncompleteNeverPassesTest {

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private final RecordingLog log = new RecordingLog();

    @Test
    void rules_holding_at_the_timeout_should_read_timeout_in_every_output_with_the_rules_judged() throws Exception {
        TestConfig config = new TestConfig();
        config.timeout = "5m";
        config.onTimeout = "evaluate";
        config.maxFailureRatio = "5%";
        config.thresholds = List.of("picked >= 50%");
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active().queues(19, true, false).calls("picked", 290, "failed", 10));
        Path output = dir.resolve("github-output");
        Path summary = dir.resolve("summary.md");

        GateResult results = GateRun.run(
                GateConfig.parseAll(config.raw()),
                source,
                time,
                new AbortSignal(),
                () -> 0,
                Contexts.of(dir, summary, output, Clock.systemUTC(), log));

        String verdictLine = "OSVI gate: TIMEOUT campaign 7: did not complete within 5m; 2 of 2 rules held on the"
                + " last snapshot (300 calls)";
        assertThat(results.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(results.outcome()).isEqualTo(BuildOutcome.WARN);
        assertThat(log.at("WARN")).last().isEqualTo(verdictLine);
        assertThat(log.text())
                .containsPattern("failed\\s+3.3%\\s+<= 5%\\s+held so far")
                .doesNotContain("OSVI gate: PASS");

        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("campaign-7.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("TIMEOUT");
        assertThat(json.get("buildOutcome").asText()).isEqualTo("WARN");
        assertThat(json.get("summary").asText()).isEqualTo(verdictLine);
        assertThat(json.get("rules"))
                .extracting(rule ->
                        rule.get("rule").asText() + " " + rule.get("result").asText())
                .containsExactly("failed <= 5% HELD_SO_FAR", "picked >= 50% HELD_SO_FAR");

        Element suite = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve("TEST-osvi-campaign-7.xml").toFile())
                .getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        NodeList cases = suite.getElementsByTagName("testcase");
        Element completion = (Element)
                ((Element) cases.item(0)).getElementsByTagName("failure").item(0);
        assertThat(completion.getAttribute("type")).isEqualTo("TIMED_OUT");
        assertThat(completion.getAttribute("message")).isEqualTo(verdictLine);
        assertThat(((Element) cases.item(1)).getAttribute("name")).isEqualTo("failed <= 5%");
        assertThat(((Element) cases.item(1)).getChildNodes().getLength()).isZero();

        assertThat(GithubOutputFile.read(output))
                .containsEntry("verdict", "TIMEOUT")
                .containsEntry("build-outcome", "WARN")
                .containsEntry("summary", verdictLine);
        assertThat(GitlabDotenvFile.read(dir.resolve("osvi.env")))
                .containsEntry("OSVI_VERDICT", "TIMEOUT")
                .containsEntry("OSVI_BUILD_OUTCOME", "WARN");
        assertThat(BuildResults.single(results.campaigns(), dir).overall().verdict())
                .isEqualTo(Verdict.TIMEOUT);
        assertThat(Files.readString(summary))
                .startsWith("### \u26a0\ufe0f OSVI gate: TIMEOUT \u2014 campaign 7")
                .contains("| Rule | Actual | Limit | Result |", "| `picked` | 96.7% | &gt;= 50% | held so far |");
    }
}
