package ai.osvi.gate;

import ai.osvi.gate.client.ApiToken;
import ai.osvi.gate.client.OsviHttpClient;
import ai.osvi.gate.client.ProxySettings;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.log.InvisibleCharacters;
import ai.osvi.gate.log.RedactingLog;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.GithubOutputs;
import ai.osvi.gate.report.GithubSummary;
import ai.osvi.gate.report.GitlabDotenv;
import ai.osvi.gate.report.ReportFiles;
import ai.osvi.gate.report.VerdictReport;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.verdict.Decision;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

/**
 * Runs the gate for one or several campaigns (concurrently, sharing one HTTP client), writes each campaign's reports,
 * and combines the verdicts: the build's is the worst of them.
 */
public final class GateRun {

    /**
     * Where reports go. {@code redactor} is applied to every text a report writes (a snapshot quotes what the API
     * sent, which an API or a proxy could have filled with the token). {@code simulation} is the name of the
     * simulator's scenario when the run was simulated, which every report then says; {@code null} otherwise.
     *
     * @param githubOutput the file GitHub Actions names in {@code GITHUB_OUTPUT}, or {@code null}
     * @param build        every gate of this build so far, shared by them: what later jobs read is the build's
     * @param gate         this gate's name among them (its execution id)
     * @param project      the project this gate runs for, or {@code null}
     */
    public record Reports(
            Path directory,
            Path githubStepSummary,
            Path githubOutput,
            Clock clock,
            UnaryOperator<String> redactor,
            String simulation,
            BuildResults build,
            String gate,
            String project) {

        public Reports(Path directory, Path githubStepSummary, Clock clock) {
            this(directory, githubStepSummary, null, clock, UnaryOperator.identity());
        }

        public Reports(
                Path directory,
                Path githubStepSummary,
                Path githubOutput,
                Clock clock,
                UnaryOperator<String> redactor) {
            this(
                    directory,
                    githubStepSummary,
                    githubOutput,
                    clock,
                    redactor,
                    null,
                    new BuildResults(),
                    "default",
                    null);
        }

        public Reports withRedactor(UnaryOperator<String> redactor) {
            return new Reports(
                    directory, githubStepSummary, githubOutput, clock, redactor, simulation, build, gate, project);
        }

        public Reports withSimulation(String scenario) {
            return new Reports(
                    directory, githubStepSummary, githubOutput, clock, redactor, scenario, build, gate, project);
        }

        /** This gate as one of {@code build}'s, named {@code gate}, run for {@code project}. */
        public Reports inBuild(BuildResults build, String gate, String project) {
            return new Reports(
                    directory, githubStepSummary, githubOutput, clock, redactor, simulation, build, gate, project);
        }
    }

    private GateRun() {}

    public static GateResult run(
            List<GateConfig> campaigns,
            StatusSource source,
            TimeSource time,
            GateLog log,
            AbortSignal abort,
            DoubleSupplier random,
            Reports reports) {
        return runAll(campaigns, source, time, log, abort, random, reports, null);
    }

    /**
     * The gate against the OSVI API, one HTTP client shared by the campaigns; whatever the API sends back is quoted in
     * lines and reports, so every line and report passes the token's redaction.
     *
     * @param proxy      the proxy to go through, or {@code null}
     * @param checkClock the wall clock of a one-shot check ({@code check-campaign}), or {@code null} for a wait
     */
    public static GateResult againstApi(
            List<GateConfig> campaigns,
            ApiToken token,
            ProxySettings proxy,
            GateLog log,
            AbortSignal abort,
            Reports reports,
            Clock checkClock) {
        if (proxy != null) {
            log.info("Using the proxy " + proxy.describe()
                    + (proxy.nonProxyHosts() == null ? "" : ", not for " + proxy.nonProxyHosts()));
        }
        GateConfig first = campaigns.get(0);
        try (OsviHttpClient client =
                new OsviHttpClient(first.baseUrl(), token, first.requestTimeout(), proxy, Clock.systemUTC())) {
            GateLog redacting = new RedactingLog(log, token::redact);
            Reports redacted = reports.withRedactor(token::redact);
            return runAll(campaigns, client, TimeSource.SYSTEM, redacting, abort, Math::random, redacted, checkClock);
        }
    }

    /**
     * One judgement of each campaign as it is now ({@code check-campaign}), with the same reports as {@link #run}.
     *
     * @param clock the wall clock, for a campaign's age
     */
    public static GateResult check(
            List<GateConfig> campaigns,
            StatusSource source,
            TimeSource time,
            GateLog log,
            AbortSignal abort,
            DoubleSupplier random,
            Reports reports,
            Clock clock) {
        return runAll(campaigns, source, time, log, abort, random, reports, clock);
    }

    /** @param checkClock the wall clock of a one-shot check, or {@code null} for a wait */
    private static GateResult runAll(
            List<GateConfig> configured,
            StatusSource source,
            TimeSource time,
            GateLog log,
            AbortSignal abort,
            DoubleSupplier random,
            Reports reports,
            Clock checkClock) {
        Run run = new Run(source, time, log, abort, random, reports, checkClock);
        List<CampaignResult> results;
        if (configured.get(0).needsBaseline()) {
            List<BaselineReading.Resolved> resolved =
                    BaselineReading.resolve(configured, source, time, log, abort, random);
            results = resolved.get(0).unusable() == null
                    ? run.judgeAll(resolved.stream()
                            .map(BaselineReading.Resolved::config)
                            .toList())
                    // each campaign has its ERROR: none is awaited
                    : resolved.stream()
                            .map(campaign -> writeReports(campaign.unusable(), campaign.config(), log, reports))
                            .toList();
        } else {
            results = run.judgeAll(configured);
        }
        return run.finish(results);
    }

    /**
     * What every campaign of one run shares.
     *
     * @param checkClock the wall clock of a one-shot check, or {@code null} for a wait
     */
    private record Run(
            StatusSource source,
            TimeSource time,
            GateLog log,
            AbortSignal abort,
            DoubleSupplier random,
            Reports reports,
            Clock checkClock) {

        /** Each campaign's result, in order: one in this thread, several concurrently. */
        List<CampaignResult> judgeAll(List<GateConfig> campaigns) {
            return campaigns.size() == 1 ? List.of(judge(campaigns.get(0))) : concurrently(campaigns);
        }

        private CampaignResult judge(GateConfig campaign) {
            return runOne(campaign, source, time, log, abort, random, reports, checkClock);
        }

        private List<CampaignResult> concurrently(List<GateConfig> campaigns) {
            List<CampaignResult> results = new ArrayList<>();
            ExecutorService executor = Executors.newFixedThreadPool(campaigns.size(), runnable -> {
                Thread thread = new Thread(runnable, "osvi-gate");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<CampaignResult>> futures = new ArrayList<>();
                for (GateConfig campaign : campaigns) {
                    futures.add(executor.submit(() -> judge(campaign)));
                }
                boolean interrupted = false;
                for (int i = 0; i < futures.size(); i++) {
                    try {
                        results.add(futures.get(i).get());
                    } catch (InterruptedException e) {
                        // the build is being stopped: every campaign ends ABORTED, with its reports, then we return
                        interrupted = true;
                        abort.abort();
                        i--;
                    } catch (ExecutionException e) {
                        abort.abort();
                        results.add(crashed(campaigns.get(i), e.getCause(), log, reports));
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                executor.shutdownNow();
                awaitTermination(executor);
            }
            return results;
        }

        /** The gate's result: handed to later jobs with the build's, and its last lines logged. */
        GateResult finish(List<CampaignResult> results) {
            GateResult all = new GateResult(reports.gate(), reports.project(), reports.directory(), results, null);
            List<String> warnings = new ArrayList<>();
            BuildResults.View build = writeResultsForLaterJobs(all, reports, warnings);
            synchronized (log) {
                warnings.forEach(log::warn);
                // the verdict is always the last line, for log parsers: with one campaign it was printed with the
                // campaign's table, and is repeated only when a warning came after it
                if (results.size() > 1) {
                    VerdictReport.summaryLine(log, all.outcome(), all.verdict(), all.summaryLine());
                } else if (!warnings.isEmpty()) {
                    CampaignResult only = results.get(0);
                    VerdictReport.summaryLine(log, only.outcome(), only.verdict(), only.summaryLine());
                }
                if (!build.gates().isEmpty()) {
                    // an earlier gate of this build ran too: the last verdict line is the build's, as later jobs
                    // read it
                    log.info("Earlier OSVI gates ran in this build: later jobs read the worst verdict of all of"
                            + " them.");
                    VerdictReport.summaryLine(
                            log,
                            build.overall().outcome(),
                            build.overall().verdict(),
                            build.overall().summaryLine());
                }
            }
            abort.markReported();
            return all;
        }
    }

    /**
     * The build's results for later steps and jobs, on every outcome, this gate's added to those of the gates before
     * it: {@code osvi.env} (GitLab's dotenv report) in every report directory of the build's gates, and the GitHub
     * step outputs when {@code GITHUB_OUTPUT} is set.
     *
     * @param warnings gets what to log: values left out, files that could not be written
     */
    private static BuildResults.View writeResultsForLaterJobs(GateResult all, Reports reports, List<String> warnings) {
        synchronized (reports.build().lock()) {
            BuildResults.View build = reports.build().record(all);
            warnings.addAll(writeForLaterJobs(build, reports));
            return build;
        }
    }

    /**
     * For a gate that could not start (an invalid parameter, no usable token...): {@code osvi.env} and the GitHub
     * step outputs say ERROR, so that no later job reads an older run's verdict, an earlier gate's PASS or nothing;
     * the job summary and a JUnit report say why, with the fix, as every verdict's do.
     *
     * @param summaryLine "OSVI gate: ERROR: invalid configuration (campaignId)"
     * @param reason      the build failure's message: what is wrong and how to fix it
     */
    public static void reportNotStarted(Reports reports, GateLog log, String summaryLine, String reason) {
        List<String> warnings;
        synchronized (reports.build().lock()) {
            BuildResults.View build = reports.build()
                    .record(GateResult.notStarted(reports.gate(), reports.project(), reports.directory(), summaryLine));
            warnings = writeForLaterJobs(build, reports);
            if (reports.githubStepSummary() != null) {
                try {
                    GithubSummary.appendNotStarted(
                            reports.githubStepSummary(), summaryLine, reason, reports.redactor());
                } catch (IOException | RuntimeException e) {
                    warnings.add("Could not append to the GitHub step summary " + reports.githubStepSummary() + ": "
                            + e.getMessage());
                }
            }
        }
        if (reports.directory() != null) {
            try {
                ReportFiles.writeNotStarted(
                        reports.directory(),
                        summaryLine,
                        reason,
                        reports.clock().instant(),
                        reports.redactor());
            } catch (IOException | RuntimeException e) {
                warnings.add("Could not write the JUnit report to " + reports.directory() + ": " + e.getMessage());
            }
        }
        warnings.forEach(log::warn);
    }

    private static List<String> writeForLaterJobs(BuildResults.View build, Reports reports) {
        List<String> warnings = new ArrayList<>();
        List<String> lines = GitlabDotenv.lines(build, reports.redactor(), warnings);
        for (Path directory : build.directories()) {
            try {
                GitlabDotenv.write(directory, lines, reports.redactor());
            } catch (IOException | RuntimeException e) {
                warnings.add("Could not write " + GitlabDotenv.file(directory) + ": " + e.getMessage());
            }
        }
        if (reports.githubOutput() != null) {
            try {
                GithubOutputs.append(
                        reports.githubOutput(),
                        GithubOutputs.outputs(build, reports.redactor(), warnings),
                        reports.redactor());
            } catch (IOException | RuntimeException e) {
                warnings.add("Could not append to the GitHub step outputs " + reports.githubOutput() + ": "
                        + e.getMessage());
            }
        }
        return warnings;
    }

    private static CampaignResult runOne(
            GateConfig config,
            StatusSource source,
            TimeSource time,
            GateLog log,
            AbortSignal abort,
            DoubleSupplier random,
            Reports reports,
            Clock checkClock) {
        CampaignResult result;
        try {
            Gate gate = new Gate(config, source, time, log, abort, random);
            String where = reports.simulation() != null
                    ? "simulation " + reports.simulation()
                    : String.valueOf(config.baseUrl());
            String mode = checkClock == null ? "await" : "check";
            synchronized (reports.build().judging(config.campaignId(), mode + " " + where)) {
                result = judgeOnce(gate, config, log, reports, checkClock, mode + " " + where);
            }
        } catch (RuntimeException e) {
            result = Decision.internalError(
                    config, new WaitResult(WaitResult.Outcome.INTERNAL_ERROR, null, null, 0, 0, Duration.ZERO, e));
        }
        if (result.waitResult().outcome() == WaitResult.Outcome.INTERNAL_ERROR) {
            // a gate that broke decides nothing: the other campaigns stop too, their requests cancelled
            abort.abort();
        }
        return writeReports(result, config, log, reports);
    }

    /**
     * One campaign, one wait per build: a campaign an earlier gate of this build judged with the same configuration
     * gets that result again, with one line saying so; with other rules or another uploadId, a campaign that earlier
     * gate saw complete is judged on one fresh snapshot; otherwise the gate waits as usual.
     */
    private static CampaignResult judgeOnce(
            Gate gate, GateConfig config, GateLog log, Reports reports, Clock checkClock, String source) {
        BuildResults.Judged earlier =
                reports.build().earlier(config.campaignId(), source).orElse(null);
        // a gate's name is the user's execution id: shown escaped, as everywhere
        String by = earlier == null ? null : InvisibleCharacters.escaped(earlier.gate());
        CampaignResult result;
        boolean same = earlier != null && earlier.config().judgesAs(config, reports.simulation() != null);
        if (same) {
            log.info("Campaign " + config.campaignId() + " was judged by gate " + by + " of this build,"
                    + " with the same rules: its verdict is reused, without a second "
                    + (checkClock == null ? "wait." : "request."));
            result = from(earlier.result(), "verdict of gate " + by + " of this build");
        } else if (earlier != null
                && checkClock == null
                && earlier.result().waitResult().lastSnapshot() != null
                && earlier.result().waitResult().lastSnapshot().isComplete(OptionalLong.empty())) {
            result = gate.check(Clock.systemUTC());
            if (result.verdict() == Verdict.RUNNING) {
                // never a RUNNING for a wait (a simulator of its own starts the scenario again): wait as usual
                log.info("Campaign " + config.campaignId() + " completed while gate " + by + " of this build awaited"
                        + " it, but a fresh snapshot shows it running: this gate waits as usual.");
                result = gate.awaitAndDecide();
            } else {
                log.info("Campaign " + config.campaignId() + " completed while gate " + by + " of this build"
                        + " awaited it: this gate's rules were judged on one fresh snapshot, without a new wait.");
                result = from(result, "judged on a fresh snapshot after gate " + by + " of this build");
            }
        } else {
            result = checkClock == null ? gate.awaitAndDecide() : gate.check(checkClock);
        }
        WaitResult.Outcome outcome = result.waitResult().outcome();
        if (outcome != WaitResult.Outcome.ABORTED && outcome != WaitResult.Outcome.INTERNAL_ERROR && !same) {
            reports.build().judged(new BuildResults.Judged(result, config, source, reports.gate()));
        }
        return result;
    }

    /** {@code result} whose summary says where its verdict came from. */
    private static CampaignResult from(CampaignResult result, String origin) {
        return new CampaignResult(
                result.campaignId(),
                result.verdict(),
                result.outcome(),
                result.summary() + " (" + origin + ")",
                result.details(),
                result.rulesJudged(),
                result.ruleResults(),
                result.waitResult(),
                result.evidence());
    }

    /** The result of a campaign whose thread died of something other than an exception (an Error). */
    private static CampaignResult crashed(GateConfig config, Throwable cause, GateLog log, Reports reports) {
        RuntimeException fault = cause instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException(String.valueOf(cause), cause);
        CampaignResult result = Decision.internalError(
                config, new WaitResult(WaitResult.Outcome.INTERNAL_ERROR, null, null, 0, 0, Duration.ZERO, fault));
        return writeReports(result, config, log, reports);
    }

    /** Every task has ended by now: this only waits for the idle threads to exit, so none outlives the goal. */
    private static void awaitTermination(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the campaign's reports, then its verdict block, which ends by naming where the reports are. */
    private static CampaignResult writeReports(CampaignResult result, GateConfig config, GateLog log, Reports reports) {
        List<String> closing = new ArrayList<>();
        if (reports.directory() != null) {
            try {
                // the plain name, or one with the gate's when another gate of the build wrote this campaign here
                String name = reports.build().reportName(reports.directory(), result.campaignId(), reports.gate());
                ReportFiles.write(
                        reports.directory(),
                        name,
                        result,
                        config,
                        reports.clock().instant(),
                        reports.redactor(),
                        reports.simulation());
                closing.add("Reports: " + reports.directory().toAbsolutePath() + " ("
                        + ReportFiles.jsonFile(reports.directory(), name).getFileName() + ", "
                        + ReportFiles.junitFile(reports.directory(), name).getFileName() + ", "
                        + (ReportFiles.hasChart(result)
                                ? ReportFiles.chartFile(reports.directory(), name)
                                                .getFileName() + ", "
                                : "")
                        + GitlabDotenv.FILE_NAME + ")");
            } catch (IOException | RuntimeException e) {
                log.warn("Could not write the reports of campaign " + config.campaignId() + " to " + reports.directory()
                        + ": " + e.getMessage());
            }
        }
        if (reports.githubStepSummary() != null) {
            try {
                synchronized (reports.build().lock()) {
                    // modules of a parallel build append to the same file
                    GithubSummary.append(
                            reports.githubStepSummary(), result, config, reports.redactor(), reports.simulation());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not append to the GitHub step summary " + reports.githubStepSummary() + ": "
                        + e.getMessage());
            }
        }
        VerdictReport.write(result, config, log, closing);
        return result;
    }
}
