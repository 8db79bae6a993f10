package ai.osvi.gate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.RawGateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.report.Contexts;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every JSON report is also a scenario: its wait replays snapshot by snapshot, and other rules re-judge it. */
class ReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    /** The gate in virtual time against the simulator, polling every second, its reports in {@code reports}. */
    private GateResult simulate(String scenario, Path reports, String... thresholds) throws Exception {
        RawGateConfig raw = new RawGateConfig();
        raw.pollInterval = "1s";
        raw.pollStrategy = "fixed";
        raw.thresholds = List.of(thresholds);
        Files.createDirectories(reports);
        return Simulation.run(
                scenario,
                dir,
                raw,
                new AbortSignal(),
                Contexts.of(reports, null, null, Clock.systemUTC(), log),
                null,
                new FakeTime());
    }

    /** What a replay must serve again: every point of the timeline but its time. */
    private static List<JsonNode> course(Path report) throws Exception {
        List<JsonNode> points = new ArrayList<>();
        for (JsonNode point : JSON.readTree(report.toFile()).path("timeline")) {
            ObjectNode copy = point.deepCopy();
            copy.remove("elapsedSeconds");
            points.add(copy);
        }
        return points;
    }

    @Test
    void a_replay_should_give_the_recorded_verdict_and_timeline_and_other_rules_should_rejudge_it() throws Exception {
        GateResult recorded = simulate("failing", dir.resolve("recorded"));
        Path report = dir.resolve("recorded/campaign-7.json");
        assertThat(recorded.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(course(report)).hasSizeGreaterThan(3);

        GateResult replayed = simulate("recorded/campaign-7.json", dir.resolve("replayed"));

        assertThat(replayed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(replayed.summaryLine()).isEqualTo(recorded.summaryLine());
        assertThat(course(dir.resolve("replayed/campaign-7.json"))).isEqualTo(course(report));
        assertThat(log.at("INFO"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("SIMULATION: scenario 'replay of campaign-7.json' (the wait recorded in ")
                        .contains("verdict FAIL, ")
                        .endsWith(
                                "No rule is configured, so the scenario's suggested rules" + " apply: failed <= 5%."));

        GateResult rejudged = simulate("recorded/campaign-7.json", dir.resolve("rejudged"), "failed <= 35%");

        assertThat(rejudged.verdict()).isEqualTo(Verdict.PASS);
        assertThat(course(dir.resolve("rejudged/campaign-7.json"))).isEqualTo(course(report));
    }

    @Test
    void a_recorded_baseline_should_be_served_again_and_one_whose_ids_disagree_refused() throws Exception {
        GateResult recorded = simulate("regressed", dir.resolve("recorded"), "failed <= baseline * 1.5");
        assertThat(recorded.campaigns().get(0).verdict()).isEqualTo(Verdict.PASS);
        Path report = dir.resolve("recorded/campaign-7.json");

        GateResult stricter = simulate(report.toString(), dir.resolve("rejudged"), "failed <= baseline + 1%");
        assertThat(stricter.campaigns().get(0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(stricter.campaigns().get(0).details())
                .contains("failed ratio is 7.2%, but the maximum is baseline 5.1% + 1% = 6.1%");

        ObjectNode tampered = (ObjectNode) JSON.readTree(report.toFile());
        ((ObjectNode) tampered.path("baseline").path("snapshot").path("campaign")).put("id", 42);
        Files.writeString(dir.resolve("tampered.json"), JSON.writeValueAsString(tampered));
        assertThatThrownBy(() -> simulate("tampered.json", dir.resolve("replayed"), "failed <= baseline + 1%"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("its baseline is recorded as campaign 41 but its snapshot is of campaign 42");
    }

    @Test
    void a_report_of_an_older_format_should_be_refused_naming_the_file_and_the_format() throws Exception {
        simulate("passing", dir.resolve("recorded"));
        Path report = dir.resolve("recorded/campaign-7.json");
        ObjectNode older = (ObjectNode) JSON.readTree(report.toFile());
        older.remove("reportFormat");
        Files.writeString(dir.resolve("older.json"), JSON.writeValueAsString(older));

        assertThatThrownBy(() -> simulate("older.json", dir.resolve("replayed")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("older.json': a report of reportFormat 1, and this plugin replays reportFormat 2"
                        + " (a report whose timeline keeps each snapshot's uploads). Replay a report written by this"
                        + " version of the plugin.");
    }
}
