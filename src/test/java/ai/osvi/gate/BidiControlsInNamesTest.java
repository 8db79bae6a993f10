package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.StatusParser;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.Contexts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A right-to-left override in a campaign name shows the rest of its line mirrored ("LIAF" for "FAIL"), and can put
 * a PASS where a reader looks for the verdict: every bidirectional control in a name is shown as its escape instead.
 */
class BidiControlsInNamesTest {

    /** U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C. */
    private static final String BIDI_CONTROLS =
            "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c";

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    @Test
    void bidi_controls_in_names_should_be_shown_escaped_in_the_log_the_chart_and_the_summary() throws Exception {
        String body = """
                {"success": true, "data": {
                  "campaign": {"id": 7, "name": "June \u202eSSAP \u2014 LIAF\u202c", "status": "active"},
                  "calls": {"total": 100, "by_status": {"picked": 60, "failed\u2067": 30, "failed": 10}},
                  "uploads": [{"campaign_upload_id": 19, "queues": [{"total_queued": 100, "completed": true}]}]}}
                """;
        FakeTime time = new FakeTime();
        BuildResults build = new BuildResults();
        for (String gate : List.of("strict" + BIDI_CONTROLS, "lenient")) {
            TestConfig config = new TestConfig();
            config.maxFailureRatio = "5%";
            ScriptedSource source =
                    new ScriptedSource(time).then(StatusParser.parse(body.getBytes(StandardCharsets.UTF_8)));
            GateRun.run(
                    GateConfig.parseAll(config.raw()),
                    source,
                    time,
                    new AbortSignal(),
                    () -> 0,
                    Contexts.of(dir, dir.resolve("summary.md"), dir.resolve("github-output"), Clock.systemUTC(), log)
                            .inBuild(build, gate, null));
        }

        assertThat(dir.resolve("campaign-7.svg")).exists();
        assertThat(log.text())
                .contains(
                        "June \\u202eSSAP \u2014 LIAF\\u202c",
                        "2 gates: strict\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c ERROR");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("June \\\\u202eSSAP");
        try (Stream<Path> files = Files.walk(dir)) {
            // the JSON report's snapshot is the API's data as it was sent, for programs
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().matches("campaign-7(-.*)?\\.json"))
                    .toList()) {
                String text = Files.readString(file);
                assertThat(text.codePoints().filter(c -> BIDI_CONTROLS.indexOf(c) >= 0))
                        .as(file.getFileName().toString())
                        .isEmpty();
            }
        }
        assertThat(log.text().codePoints().filter(c -> BIDI_CONTROLS.indexOf(c) >= 0))
                .as("the log")
                .isEmpty();
    }
}
