package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.RawGateConfig;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.Contexts;
import ai.osvi.gate.report.NotStarted;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.it.GithubOutputFile;
import ai.osvi.it.GitlabDotenvFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateRunTest {

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private GateResult run(String campaignIds, StatusSource source) throws Exception {
        TestConfig config = new TestConfig();
        config.campaignId = campaignIds;
        config.maxFailureRatio = "5%";
        List<GateConfig> campaigns = GateConfig.parseAll(config.raw());
        return GateRun.run(
                campaigns,
                source,
                TimeSource.SYSTEM,
                new AbortSignal(),
                () -> 0,
                Contexts.of(dir, dir.resolve("summary.md"), null, Clock.systemUTC(), log));
    }

    @Test
    void the_largest_values_accepted_should_run_their_full_length_and_one_more_should_be_refused() throws Exception {
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";
        config.pollStrategy = "adaptive"; // 9,223,372,036,854,775,807 calls queued: the end is centuries away
        config.pollInterval = "1s";
        config.timeout = "365d";
        config.maxPollInterval = "365d";
        config.requestTimeout = "365d";
        config.stallTimeout = "365d";
        config.maxConsecutiveErrors = "2147483647";
        config.minCalls = "9223372036854775807";
        // the monotonic clock may start anywhere: here the deadline lies past its wrap
        FakeTime time = new FakeTime(Long.MAX_VALUE - Duration.ofDays(1).toNanos());
        Campaign campaign = new Campaign(7L, "June Renewals", "active", true, 2, 1800);
        List<Upload> queues = List.of(new Upload(19, 10, 0, Long.MAX_VALUE));
        ScriptedSource source = new ScriptedSource(time)
                .then(new CampaignStatus(campaign, new CallCounts(10, Map.of("picked", 10L)), queues))
                .then(new CampaignStatus(campaign, new CallCounts(20, Map.of("picked", 20L)), queues))
                .then(new CampaignStatus(campaign, new CallCounts(30, Map.of("picked", 30L)), queues));
        // a "still waiting" line every minute of the year: counted, not kept
        long[] stillWaiting = {0};
        GateLog counting = new GateLog() {
            @Override
            public void info(String message) {
                if (message.startsWith("campaign 7: still waiting, ")) {
                    stillWaiting[0]++;
                } else {
                    log.info(message);
                }
            }

            @Override
            public void warn(String message) {
                log.warn(message);
            }

            @Override
            public void error(String message) {
                log.error(message);
            }

            @Override
            public void debug(String message) {
                log.debug(message);
            }
        };

        GateResult results = GateRun.run(
                GateConfig.parseAll(config.raw()),
                source,
                time,
                new AbortSignal(),
                () -> 0.5,
                Contexts.of(dir, dir.resolve("summary.md"), dir.resolve("github-output"), Clock.systemUTC(), counting));

        assertThat(results.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(time.elapsed()).isEqualTo(Duration.ofDays(365));
        // polls at 0, 1 and 2 s; then one pause of a year to a last poll 5 s before the deadline
        assertThat(source.polls()).isEqualTo(4);
        assertThat(stillWaiting[0])
                .isBetween(
                        Duration.ofDays(365).toMinutes() - 2,
                        Duration.ofDays(365).toMinutes());
        assertThat(log.text())
                .doesNotContain("This is a bug")
                .doesNotContain("unexpectedly")
                .doesNotContain("Could not");
        assertThat(log.at("ERROR")).containsExactly("OSVI gate: TIMEOUT campaign 7: did not complete within 365d");
        assertThat(new ObjectMapper()
                        .readTree(dir.resolve("campaign-7.json").toFile())
                        .get("wait")
                        .get("elapsedSeconds")
                        .asLong())
                .isEqualTo(Duration.ofDays(365).toSeconds());
        assertThat(GithubOutputFile.read(dir.resolve("github-output"))).containsEntry("verdict", "TIMEOUT");

        for (String[] beyond : new String[][] {
            {"timeout", "200000d"},
            {"timeout", "365d1ms"},
            {"maxPollInterval", "PT2562047788015216H"},
            {"maxConsecutiveErrors", "2147483648"}
        }) {
            TestConfig tooLarge = new TestConfig();
            RawGateConfig.class.getField(beyond[0]).set(tooLarge, beyond[1]);
            assertThatThrownBy(() -> GateConfig.parseAll(tooLarge.raw()))
                    .as(beyond[0])
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageStartingWith(
                            "Invalid " + beyond[0] + " (osvi." + beyond[0] + ") '" + beyond[1] + "': too large, the ");
        }
    }

    @Test
    void several_campaigns_should_each_get_a_verdict_and_reports_and_the_worst_should_win() throws Exception {
        Map<Long, CampaignStatus> snapshots = Map.of(
                7L,
                        Snapshots.active()
                                .queues(19, true)
                                .calls("picked", 99, "failed", 1)
                                .build(),
                9L,
                        Snapshots.active()
                                .campaign(9)
                                .queues(21, true)
                                .calls("picked", 80, "failed", 20)
                                .build());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        StatusSource source = id -> {
            threads.add(
                    Thread.currentThread().getName() + Thread.currentThread().getId());
            if (!snapshots.containsKey(id)) {
                throw ApiException.refused(404, "campaign " + id + " not found on this account (HTTP 404).");
            }
            return snapshots.get(id);
        };

        GateResult results = run("7,8,9", source);

        assertThat(results.campaigns()).extracting(CampaignResult::campaignId).containsExactly(7L, 8L, 9L);
        assertThat(results.campaigns())
                .extracting(CampaignResult::verdict)
                .containsExactly(Verdict.PASS, Verdict.ERROR, Verdict.FAIL);
        assertThat(results.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(results.outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(results.summaryLine()).isEqualTo("OSVI gate: ERROR 3 campaigns: 7 PASS, 8 ERROR, 9 FAIL");
        assertThat(results.failureMessage()).contains("campaign 8 not found").doesNotContain("campaign 9");
        assertThat(log.at("ERROR")).contains("OSVI gate: ERROR 3 campaigns: 7 PASS, 8 ERROR, 9 FAIL");
        assertThat(threads).hasSize(3);
        for (long id : List.of(7L, 8L, 9L)) {
            assertThat(dir.resolve("campaign-" + id + ".json")).exists();
            assertThat(dir.resolve("TEST-osvi-campaign-" + id + ".xml")).exists();
        }
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains(
                        "OSVI gate: PASS \u2014 campaign 7",
                        "OSVI gate: ERROR \u2014 campaign 8",
                        "OSVI gate: FAIL \u2014 campaign 9");
    }

    @Test
    void when_one_campaign_fails_unexpectedly_the_others_should_stop_with_their_reports_and_no_thread_left()
            throws Exception {
        CountDownLatch inFlight = new CountDownLatch(2);
        CountDownLatch cancelled = new CountDownLatch(1);
        StatusSource source = new StatusSource() {
            @Override
            public CampaignStatus fetch(long id) throws InterruptedException {
                if (id == 8) {
                    inFlight.await();
                    throw new IllegalStateException("a bug in the gate");
                }
                inFlight.countDown();
                Thread.sleep(60_000); // a request in flight, until cancelled
                throw new AssertionError("not cancelled");
            }

            @Override
            public void abort() {
                cancelled.countDown();
            }
        };
        inFlight.countDown();

        long start = System.nanoTime();
        GateResult results = run("7,8,9", source);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(results.campaigns())
                .extracting(CampaignResult::verdict)
                .containsExactly(Verdict.ABORTED, Verdict.ERROR, Verdict.ABORTED);
        assertThat(results.campaigns().get(1).summary())
                .isEqualTo("the gate failed unexpectedly (java.lang.IllegalStateException: a bug in the gate)");
        assertThat(cancelled.getCount()).as("requests in flight cancelled").isZero();
        for (long id : List.of(7L, 8L, 9L)) {
            assertThat(dir.resolve("campaign-" + id + ".json")).exists();
            assertThat(dir.resolve("TEST-osvi-campaign-" + id + ".xml")).exists();
        }
        // the pool has terminated: its threads are at most finishing their exit
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("osvi-gate")) {
                thread.join(5_000);
                assertThat(thread.isAlive())
                        .as("a gate thread outlived the run")
                        .isFalse();
            }
        }
    }

    @Test
    void each_campaign_table_should_be_printed_as_one_block() throws Exception {
        StatusSource source = id -> Snapshots.active()
                .campaign(id)
                .queues(19, true)
                .calls("picked", 99, "failed", 1)
                .build();

        run("7,8,9,10,11,12", source);

        List<String> lines = log.lines;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("INFO Campaign ")) {
                assertThat(lines.get(i + 1)).contains("Rule");
                assertThat(lines.get(i + 2)).contains("failed");
            }
        }
    }

    @Test
    void duplicate_campaign_ids_should_be_refused() {
        TestConfig config = new TestConfig();
        config.campaignId = "7, 8, 7";
        assertThatThrownBy(() -> GateConfig.parseAll(config.raw()))
                .hasMessage("Invalid campaignId (osvi.campaignId) '7, 8, 7': campaign 7 is listed twice. Accepted:"
                        + " distinct positive whole numbers, comma-separated (7,8,9) or as a campaignIds list.");
        config.campaignId = "7,x";
        assertThatThrownBy(() -> GateConfig.parseAll(config.raw()))
                .hasMessageStartingWith("Invalid campaignId (osvi.campaignId) 'x': not a whole number");
    }

    @Test
    void worst_verdict_order_should_put_could_not_decide_above_a_breach() {
        assertThat(Verdict.ABORTED.severity()).isGreaterThan(Verdict.ERROR.severity());
        assertThat(Verdict.ERROR.severity()).isGreaterThan(Verdict.TIMEOUT.severity());
        assertThat(Verdict.TIMEOUT.severity()).isGreaterThan(Verdict.FAIL.severity());
        assertThat(Verdict.FAIL.severity()).isGreaterThan(Verdict.INCONCLUSIVE.severity());
        assertThat(Verdict.INCONCLUSIVE.severity()).isGreaterThan(Verdict.PASS.severity());
    }

    @Test
    void results_for_later_jobs_should_be_written_whatever_the_verdicts() throws Exception {
        TestConfig config = new TestConfig();
        config.campaignId = "7,8";
        config.maxFailureRatio = "5%";
        Path output = dir.resolve("github-output");
        Files.writeString(output, "");

        GateRun.run(
                GateConfig.parseAll(config.raw()),
                id -> {
                    if (id == 8) {
                        throw ApiException.refused(404, "campaign 8 not found on this account (HTTP 404).");
                    }
                    return Snapshots.active()
                            .campaign(id)
                            .queues(19, true)
                            .calls("picked", 70, "failed", 30)
                            .build();
                },
                TimeSource.SYSTEM,
                new AbortSignal(),
                () -> 0,
                Contexts.of(dir, null, output, Clock.systemUTC(), log));

        assertThat(GithubOutputFile.read(output))
                .containsEntry("verdict", "ERROR")
                .containsEntry("7-verdict", "FAIL")
                .containsEntry("7-ratio-failed", "0.3")
                .containsEntry("8-verdict", "ERROR");
        assertThat(GitlabDotenvFile.read(dir.resolve("osvi.env")))
                .containsEntry("OSVI_VERDICT", "ERROR")
                .containsEntry("OSVI_7_VERDICT", "FAIL")
                .containsEntry("OSVI_8_VERDICT", "ERROR")
                .containsEntry("OSVI_RATIO_FAILED", "0.3");
    }

    @Test
    void a_gate_that_did_not_start_should_leave_error_for_later_jobs() throws Exception {
        Path output = dir.resolve("github-output");
        Files.writeString(dir.resolve("osvi.env"), "OSVI_VERDICT=PASS\n");

        GateRun.reportNotStarted(
                Contexts.of(dir, null, output, Clock.systemUTC(), log),
                new NotStarted("OSVI gate: ERROR: did not run", "Missing campaignId (osvi.campaignId)."));

        assertThat(GithubOutputFile.read(output))
                .containsEntry("verdict", "ERROR")
                .containsEntry("build-outcome", "ERROR")
                .containsEntry("summary", "OSVI gate: ERROR: did not run");
        assertThat(GitlabDotenvFile.read(dir.resolve("osvi.env")))
                .containsExactly(Map.entry("OSVI_VERDICT", "ERROR"), Map.entry("OSVI_BUILD_OUTCOME", "ERROR"));
    }

    @Test
    void the_verdict_should_stay_the_last_line_when_writing_for_later_jobs_warns() throws Exception {
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";

        GateRun.run(
                GateConfig.parseAll(config.raw()),
                id -> Snapshots.active()
                        .queues(19, true)
                        .calls("not picked", 1, "not_picked", 1, "failed", 8)
                        .build(),
                TimeSource.SYSTEM,
                new AbortSignal(),
                () -> 0,
                Contexts.of(dir, null, null, Clock.systemUTC(), log));

        assertThat(log.lines.get(log.lines.size() - 2)).startsWith("WARN osvi.env: OSVI_RATIO_NOT_PICKED left out");
        assertThat(log.lines.get(log.lines.size() - 1))
                .isEqualTo("ERROR OSVI gate: FAIL campaign 7: 1 of 1 rule" + " breached on 10 calls");
    }

    private GateResult gate(String name, String failBuild, List<String> shared, Path output) throws Exception {
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";
        config.failBuild = failBuild;
        CampaignStatus snapshot = "false".equals(failBuild)
                ? Snapshots.active()
                        .queues(19, true)
                        .calls("picked", 70, "failed", 30)
                        .build()
                : Snapshots.active()
                        .queues(19, true)
                        .calls("picked", 99, "failed", 1)
                        .build();
        // each gate its own BuildResults over one shared list: two class realms of one build
        return GateRun.run(
                GateConfig.parseAll(config.raw()),
                id -> snapshot,
                TimeSource.SYSTEM,
                new AbortSignal(),
                () -> 0,
                Contexts.of(dir, null, output, Clock.systemUTC(), log).inBuild(new BuildResults(shared), name, "p"));
    }

    @Test
    void two_gates_on_one_campaign_in_one_folder_should_both_keep_their_reports() throws Exception {
        List<String> shared = BuildResults.newSharedList();
        Path output = dir.resolve("github-output");
        gate("strict", "false", shared, output);
        gate("advisory", "true", shared, output);

        assertThat(Files.readString(dir.resolve("TEST-osvi-campaign-7.xml")))
                .contains("failures=\"1\"")
                .contains("name=\"osvi.campaign.7\"");
        assertThat(Files.readString(dir.resolve("TEST-osvi-campaign-7-advisory.xml")))
                .contains("failures=\"0\"")
                .contains("name=\"osvi.campaign.7.advisory\"");
        assertThat(Files.readString(dir.resolve("campaign-7.json"))).contains("\"verdict\" : \"FAIL\"");
        assertThat(Files.readString(dir.resolve("campaign-7-advisory.json"))).contains("\"verdict\" : \"PASS\"");
        assertThat(dir.resolve("campaign-7.svg")).isRegularFile();
        assertThat(dir.resolve("campaign-7-advisory.svg")).isRegularFile();
        assertThat(log.lines)
                .anyMatch(line -> line.contains("Reports: ")
                        && line.contains("(campaign-7-advisory.json,"
                                + " TEST-osvi-campaign-7-advisory.xml, campaign-7-advisory.svg, osvi.env)"));
        // later jobs read the build's worst, and the report of the worse result
        assertThat(GitlabDotenvFile.read(dir.resolve("osvi.env")))
                .containsEntry("OSVI_VERDICT", "FAIL")
                .containsEntry("OSVI_CAMPAIGN_ID", "7");
        assertThat(GithubOutputFile.read(output))
                .containsEntry(
                        "report-junit",
                        dir.resolve("TEST-osvi-campaign-7.xml").toAbsolutePath().toString());
    }

    @Test
    void a_gate_of_another_class_realm_should_read_the_builds_fail() throws Exception {
        List<String> shared = BuildResults.newSharedList();
        gate("module-a-gate", "false", shared, null);
        gate("module-b-gate", "true", shared, null);

        assertThat(shared).allSatisfy(entry -> assertThat(entry).isInstanceOf(String.class));
        assertThat(GitlabDotenvFile.read(dir.resolve("osvi.env")))
                .containsEntry("OSVI_VERDICT", "FAIL")
                .containsEntry("OSVI_BUILD_OUTCOME", "WARN")
                .containsEntry("OSVI_GATE_MODULE_A_GATE_VERDICT", "FAIL")
                .containsEntry("OSVI_GATE_MODULE_B_GATE_VERDICT", "PASS");
        assertThat(log.lines.get(log.lines.size() - 1))
                .isEqualTo("WARN OSVI gate: FAIL 2 gates: module-a-gate FAIL," + " module-b-gate PASS");
    }

    private GateResult gate(String name, BuildResults build, StatusSource source, String... thresholds)
            throws Exception {
        return gate(name, build, source, TimeSource.SYSTEM, config -> config.thresholds = List.of(thresholds));
    }

    private GateResult gate(
            String name, BuildResults build, StatusSource source, TimeSource time, Consumer<TestConfig> settings)
            throws Exception {
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";
        settings.accept(config);
        Path reports = Files.createDirectories(dir.resolve(name));
        return GateRun.run(
                GateConfig.parseAll(config.raw()),
                source,
                time,
                new AbortSignal(),
                () -> 0,
                Contexts.of(reports, null, null, Clock.systemUTC(), log).inBuild(build, name, null));
    }

    @Test
    void a_campaign_an_earlier_gate_judged_with_the_same_rules_should_be_reused_without_a_request() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        StatusSource source = id -> {
            requests.incrementAndGet();
            return Snapshots.active()
                    .queues(19, true)
                    .calls("picked", 99, "failed", 1)
                    .build();
        };
        BuildResults build = new BuildResults();

        GateResult first = gate("parent", build, source);
        GateResult second = gate("api", build, source);

        assertThat(requests).hasValue(1);
        assertThat(second.verdict()).isEqualTo(Verdict.PASS);
        assertThat(second.summaryLine()).isEqualTo(first.summaryLine() + " (verdict of gate parent of this build)");
        assertThat(log.lines)
                .contains("INFO Campaign 7 was judged by gate parent of this build, with the same rules:"
                        + " its verdict is reused, without a second wait.");
        assertThat(dir.resolve("api/campaign-7.json")).content().contains("\"verdict\" : \"PASS\"");
        assertThat(dir.resolve("api/TEST-osvi-campaign-7.xml")).exists();
    }

    @Test
    void a_simulated_gate_should_reuse_an_earlier_verdict_whatever_port_its_own_simulator_has() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        StatusSource source = id -> {
            requests.incrementAndGet();
            return Snapshots.active()
                    .queues(19, true)
                    .calls("picked", 99, "failed", 1)
                    .build();
        };
        BuildResults build = new BuildResults();
        GateResult[] results = new GateResult[2];
        String[] ports = {"http://127.0.0.1:40001/", "http://127.0.0.1:40002/"};
        for (int i = 0; i < 2; i++) {
            TestConfig config = new TestConfig();
            config.maxFailureRatio = "5%";
            config.baseUrl = ports[i]; // each simulated gate starts a simulator of its own
            Path reports = Files.createDirectories(dir.resolve("module-" + i));
            results[i] = GateRun.run(
                    GateConfig.parseAll(config.raw()),
                    source,
                    TimeSource.SYSTEM,
                    new AbortSignal(),
                    () -> 0,
                    Contexts.of(reports, null, null, Clock.systemUTC(), log)
                            .withSimulation("passing")
                            .inBuild(build, "module-" + i, null));
        }
        assertThat(requests).hasValue(1);
        assertThat(results[1].summaryLine()).endsWith("(verdict of gate module-0 of this build)");
    }

    @Test
    void other_rules_on_a_campaign_an_earlier_gate_saw_complete_should_be_judged_on_one_fresh_snapshot()
            throws Exception {
        AtomicInteger requests = new AtomicInteger();
        StatusSource source = id -> {
            requests.incrementAndGet();
            return Snapshots.active()
                    .queues(19, true)
                    .calls("picked", 90, "failed", 4, "not_picked", 6)
                    .build();
        };
        BuildResults build = new BuildResults();

        gate("parent", build, source);
        GateResult stricter = gate("app", build, source, "not_picked <= 5%");

        assertThat(requests).hasValue(2);
        assertThat(stricter.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(stricter.summaryLine()).endsWith("(judged on a fresh snapshot after gate parent of this build)");
        assertThat(log.lines)
                .contains("INFO Campaign 7 completed while gate parent of this build awaited it: this"
                        + " gate's rules were judged on one fresh snapshot, without a new wait.");
    }

    @Test
    void another_uploadId_on_a_campaign_an_earlier_gate_saw_complete_should_be_judged_on_one_fresh_snapshot()
            throws Exception {
        AtomicInteger requests = new AtomicInteger();
        StatusSource source = id -> {
            requests.incrementAndGet();
            return Snapshots.active()
                    .queues(19, true)
                    .queues(20, true)
                    .calls("picked", 97, "failed", 3)
                    .build();
        };
        BuildResults build = new BuildResults();

        gate("parent", build, source);
        GateResult upload = gate("app", build, source, TimeSource.SYSTEM, config -> config.uploadId = "20");

        assertThat(requests).hasValue(2);
        assertThat(upload.verdict()).isEqualTo(Verdict.PASS);
        assertThat(upload.summaryLine()).endsWith("(judged on a fresh snapshot after gate parent of this build)");
        assertThat(log.lines)
                .contains("INFO Campaign 7 completed while gate parent of this build awaited it: this"
                        + " gate's rules were judged on one fresh snapshot, without a new wait.");
    }

    @Test
    void other_rules_on_a_campaign_an_earlier_gate_did_not_see_complete_should_wait_as_usual() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger completesAt = new AtomicInteger(Integer.MAX_VALUE);
        StatusSource source = id -> requests.incrementAndGet() >= completesAt.get()
                ? Snapshots.active()
                        .queues(19, true)
                        .calls("picked", 97, "failed", 3)
                        .build()
                : Snapshots.active()
                        .queues(19, false)
                        .calls("picked", 48, "failed", 2)
                        .build();
        BuildResults build = new BuildResults();
        FakeTime time = new FakeTime();

        GateResult first = gate("parent", build, source, time, config -> config.timeout = "1m");
        int before = requests.get();
        completesAt.set(before + 3); // the second gate sees the campaign running twice, then complete
        GateResult second = gate("app", build, source, time, config -> {
            config.timeout = "1m";
            config.thresholds = List.of("picked >= 90%");
        });

        assertThat(first.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(second.verdict()).isEqualTo(Verdict.PASS);
        assertThat(requests.get() - before).isEqualTo(3);
        assertThat(second.summaryLine()).doesNotContain("gate parent");
        assertThat(log.lines).noneMatch(line -> line.contains("judged on one fresh snapshot"));
    }
}
