package ai.osvi.gate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.RawGateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.report.Contexts;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule of check-campaign rehearsed against the simulator: checks run one after another in the same folder
 * follow one simulated campaign, created when the first check started it.
 */
class SimulatedRehearsalTest {

    private static final Instant FIRST_CHECK = Instant.parse("2026-09-14T08:00:00.250Z");

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    /** One check-campaign of {@code scenario} at {@code now}, its reports in the project's target/osvi. */
    private GateResult check(String scenario, Instant now, String maxCampaignAge) throws InvalidConfigurationException {
        return check(scenario, project.resolve("target/osvi"), now, maxCampaignAge);
    }

    private GateResult check(String scenario, Path reports, Instant now, String maxCampaignAge)
            throws InvalidConfigurationException {
        RawGateConfig raw = new RawGateConfig();
        raw.maxCampaignAge = maxCampaignAge;
        return Simulation.run(
                scenario,
                project,
                raw,
                new AbortSignal(),
                Contexts.of(reports, null, null, Clock.systemUTC(), log),
                Clock.fixed(now, ZoneOffset.UTC),
                TimeSource.SYSTEM);
    }

    @Test
    void checks_seconds_apart_in_one_folder_should_rehearse_running_then_pass() throws Exception {
        GateResult first = check("passing", FIRST_CHECK, "6h");
        GateResult second = check("passing", FIRST_CHECK.plusSeconds(4), "6h");
        GateResult third = check("passing", FIRST_CHECK.plusSeconds(11), "6h");

        assertThat(first.verdict()).isEqualTo(Verdict.RUNNING);
        assertThat(first.outcome()).isEqualTo(BuildOutcome.SUCCESS);
        assertThat(first.summaryLine())
                .isEqualTo("OSVI gate: RUNNING campaign 7: still running: queues 0/3" + " completed, 0/200 calls");
        assertThat(second.summaryLine())
                .isEqualTo("OSVI gate: RUNNING campaign 7: still running: queues 0/3" + " completed, 90/200 calls");
        // created when the first check started it, so 4 s old: the estimate is from those 4 s
        assertThat(only(second).details())
                .contains("About 1m left, from the progress since the campaign was" + " created.");
        assertThat(third.verdict()).isEqualTo(Verdict.PASS);
        assertThat(third.summaryLine()).isEqualTo("OSVI gate: PASS campaign 7: 1 of 1 rule passed on 200 calls");
        assertThat(log.at("INFO"))
                .contains("The simulated campaign starts now, at 08:00:00 UTC, kept in "
                        + Path.of("target", "osvi", "simulated-clock.json") + " for the checks that follow. Delete "
                        + Path.of("target", "osvi", "simulated-clock.json")
                        + " (or run mvn clean) to start the rehearsal"
                        + " again.");
        Path clock = project.resolve("target/osvi/simulated-clock.json");
        assertThat(Files.readString(clock)).contains("\"passing\" : \"2026-09-14T08:00:00.250Z\"");
        if (clock.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // as readable as the reports beside it, for a CI step that archives the folder
            assertThat(Files.getPosixFilePermissions(clock))
                    .isEqualTo(Files.getPosixFilePermissions(project.resolve("target/osvi/campaign-7.json")));
        }
        assertThat(project.resolve("target/osvi")).isDirectoryNotContaining("glob:**.tmp");
        assertThat(log.at("INFO"))
                .contains("The simulated campaign started 11s ago, at 08:00:00 UTC (kept in "
                        + Path.of("target", "osvi", "simulated-clock.json") + "). Delete "
                        + Path.of("target", "osvi", "simulated-clock.json")
                        + " (or run mvn clean) to start the rehearsal"
                        + " again.");
    }

    @Test
    void the_campaign_should_be_as_old_as_the_rehearsal_so_maxCampaignAge_ends_it_in_time() throws Exception {
        GateResult first = check("stalled", FIRST_CHECK, "1h");
        GateResult later = check("stalled", FIRST_CHECK.plus(Duration.ofMinutes(61)), "1h");

        assertThat(first.verdict()).isEqualTo(Verdict.RUNNING);
        assertThat(later.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(later.summaryLine())
                .isEqualTo("OSVI gate: TIMEOUT campaign 7: not complete 1h1m after it was"
                        + " created, more than maxCampaignAge 1h");
        assertThat(only(later).details())
                .anySatisfy(detail -> assertThat(detail).startsWith("Created at 2026-09-14T13:30:00+05:30."));
    }

    @Test
    void each_folder_and_each_scenario_should_follow_a_campaign_of_its_own() throws Exception {
        check("passing", FIRST_CHECK, null);

        GateResult otherFolder =
                check("passing", project.resolve("module/target/osvi"), FIRST_CHECK.plusSeconds(11), null);
        GateResult otherScenario = check("failing", FIRST_CHECK.plusSeconds(11), null);
        GateResult same = check("passing", FIRST_CHECK.plusSeconds(11), null);

        assertThat(otherFolder.verdict()).isEqualTo(Verdict.RUNNING);
        assertThat(otherScenario.verdict()).isEqualTo(Verdict.RUNNING);
        assertThat(same.verdict()).isEqualTo(Verdict.PASS);
        assertThat(check("failing", FIRST_CHECK.plusSeconds(22), null).verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void a_clock_file_that_cannot_be_read_should_be_an_error_naming_it_and_left_as_it_is() throws Exception {
        Path file = Files.createDirectories(project.resolve("target/osvi")).resolve("simulated-clock.json");
        Files.writeString(file, "{\"started\": {\"passing\": \"yesterday\"}}");

        assertThatThrownBy(() -> check("passing", FIRST_CHECK, null))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("The simulated clock in " + Path.of("target", "osvi", "simulated-clock.json")
                        + " cannot be used (started.passing is \"yesterday\", not an instant such as"
                        + " \"2026-06-01T10:00:00Z\"). It keeps where the simulated campaign of check-campaign is"
                        + " between checks; delete it (or run mvn clean) to start the rehearsal again.");
        assertThat(file).hasContent("{\"started\": {\"passing\": \"yesterday\"}}");

        Files.writeString(file, "{\"started\": {\"passing\": \"2026-09-14T08:00:00Z\"}");
        assertThatThrownBy(() -> check("passing", FIRST_CHECK, null))
                .hasMessageStartingWith("The simulated clock in " + Path.of("target", "osvi", "simulated-clock.json")
                        + " cannot be used (it is not valid JSON: ");
        Files.writeString(file, "{\"start\": {}}");
        assertThatThrownBy(() -> check("passing", FIRST_CHECK, null))
                .hasMessageContaining("cannot be used (it has no 'started' object)");
    }

    @Test
    void a_start_later_than_the_clock_should_be_an_error_not_a_campaign_at_its_start() throws Exception {
        check("passing", FIRST_CHECK, null);

        assertThatThrownBy(() -> check("passing", FIRST_CHECK.minusSeconds(60), null))
                .hasMessageContaining("cannot be used (the scenario 'passing' started at 2026-09-14T08:00:00.250Z,"
                        + " later than now (2026-09-14T07:59:00.250Z): the clock was set back, or the file was copied"
                        + " from another machine)");
    }

    @Test
    void a_scenario_file_should_be_created_when_the_rehearsal_starts_unless_a_step_dates_it() throws Exception {
        Path file = project.resolve("old.json");
        Files.writeString(file, """
                {"campaign": {"id": 42, "status": "active", "created_at": "2026-06-01T10:00:00+05:30"},
                 "rules": ["failed <= 5%"],
                 "timeline": [{"at": "0s", "calls": {"total": 0, "by_status": {}},
                   "uploads": [{"campaign_upload_id": 1, "queues": [{"total_queued": 9, "completed": false}]}]},
                   {"at": "1m", "campaign": {"created_at": "2026-06-01T10:00:00+05:30"}}]}
                """);

        GateResult first = check("old.json", FIRST_CHECK, "6h");
        GateResult later = check("old.json", FIRST_CHECK.plusSeconds(61), "6h");

        assertThat(first.verdict()).isEqualTo(Verdict.RUNNING);
        assertThat(later.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(only(later).details())
                .anySatisfy(detail -> assertThat(detail).startsWith("Created at 2026-06-01T10:00:00+05:30."));
    }

    private static CampaignResult only(GateResult result) {
        assertThat(result.campaigns()).hasSize(1);
        return result.campaigns().get(0);
    }
}
