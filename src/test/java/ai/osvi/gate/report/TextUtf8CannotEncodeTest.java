package ai.osvi.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.GateRun;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.ScriptedSource;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusParser;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.report.ci.GitlabDotenv;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.it.GithubOutputFile;
import ai.osvi.it.GitlabDotenvFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Half a character in the body (a JSON escape of the first half of an emoji, alone) costs no report and no output. */
class TextUtf8CannotEncodeTest {

    /** A complete campaign whose name ends in the first half of an emoji, as the JSON escape sends it. */
    private static final String BODY = """
            {"success": true,
             "data": {
               "campaign": {"id": 7, "name": "launch \\ud83c", "status": "active", "owner": "\\udc00ops"},
               "calls": {"total": 100, "by_status": {"picked": 95, "failed": 5}},
               "uploads": [{"campaign_upload_id": 19, "queues": [{"total_queued": 100, "completed": true}]}]}}
            """;

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private final ScriptedSource source = new ScriptedSource(time);
    private final RecordingLog log = new RecordingLog();

    private GateResult run(TestConfig config) throws Exception {
        config.maxFailureRatio = "5%";
        return GateRun.run(
                List.of(config.parse()),
                source,
                time,
                new AbortSignal(),
                () -> 0,
                Contexts.of(
                        dir,
                        dir.resolve("summary.md"),
                        dir.resolve("github-output"),
                        Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC),
                        log));
    }

    @Test
    void a_campaign_name_ending_in_half_an_emoji_should_cost_no_report_and_no_output() throws Exception {
        source.then(StatusParser.parse(BODY.getBytes(StandardCharsets.UTF_8)));

        GateResult results = run(new TestConfig());

        assertThat(results.verdict()).isEqualTo(Verdict.PASS);
        assertThat(log.at("WARN")).as("no file left unwritten").isEmpty();
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("campaign-7.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("PASS");
        assertThat(json.get("snapshot").get("campaign").get("name").asText()).isEqualTo("launch \uFFFD");
        assertThat(json.get("snapshot").get("campaign").get("owner").asText()).isEqualTo("\uFFFDops");
        assertThat(DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(dir.resolve("TEST-osvi-campaign-7.xml").toFile())
                        .getDocumentElement()
                        .getTagName())
                .isEqualTo("testsuite");
        assertThat(Files.readString(dir.resolve("summary.md")))
                .startsWith("### \u2705 OSVI gate: PASS \u2014 campaign 7 \u201claunch \uFFFD\u201d\n");
        Map<String, String> outputs = GithubOutputFile.read(dir.resolve("github-output"));
        assertThat(outputs).containsEntry("verdict", "PASS").containsEntry("campaign-name", "launch \uFFFD");
        assertThat(GitlabDotenvFile.read(dir.resolve(GitlabDotenv.FILE_NAME)))
                .containsEntry("OSVI_VERDICT", "PASS")
                .containsKey("OSVI_CAMPAIGN_NAME");
    }

    @Test
    void an_error_text_ending_in_half_an_emoji_should_cost_no_report_and_no_output() throws Exception {
        TestConfig config = new TestConfig();
        config.maxConsecutiveErrors = "1";
        byte[] body = "{\"success\": false, \"error\": \"overloaded \\ud83c\"}".getBytes(StandardCharsets.UTF_8);
        try {
            StatusParser.parse(body);
        } catch (ApiException e) {
            source.then(e);
        }

        GateResult results = run(config);

        assertThat(results.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(log.at("WARN")).as("no file left unwritten").allMatch(line -> !line.startsWith("Could not"));
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("campaign-7.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("ERROR");
        assertThat(json.toString()).contains("overloaded \uFFFD");
        assertThat(dir.resolve("TEST-osvi-campaign-7.xml")).exists();
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("overloaded \uFFFD");
        assertThat(GithubOutputFile.read(dir.resolve("github-output"))).containsEntry("verdict", "ERROR");
        assertThat(GitlabDotenvFile.read(dir.resolve(GitlabDotenv.FILE_NAME))).containsEntry("OSVI_VERDICT", "ERROR");
    }
}
