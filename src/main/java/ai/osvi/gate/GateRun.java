package ai.osvi.gate;

import ai.osvi.gate.client.ApiToken;
import ai.osvi.gate.client.OsviHttpClient;
import ai.osvi.gate.client.ProxySettings;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.log.InvisibleCharacters;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.CampaignReport;
import ai.osvi.gate.report.NotStarted;
import ai.osvi.gate.report.Outputs;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.report.ReportContext.Output;
import ai.osvi.gate.report.ReportNames;
import ai.osvi.gate.report.ci.GitlabDotenv;
import ai.osvi.gate.report.ci.StepOutputs;
import ai.osvi.gate.report.ci.StepSummary;
import ai.osvi.gate.report.console.VerdictBlock;
import ai.osvi.gate.report.files.ChartReport;
import ai.osvi.gate.report.files.JsonReport;
import ai.osvi.gate.report.files.JunitReport;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.verdict.Decision;
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

/**
 * Runs the gate for one or several campaigns (concurrently, sharing one HTTP client), writes each campaign's reports,
 * and combines the verdicts: the build's is the worst of them.
 */
public final class GateRun {

    private GateRun() {}

    /**
     * What every gate writes, in order: each campaign's files, its job summary and, last, its verdict block in the log
     * (which names the files written); then, for later jobs, the build's results.
     */
    public static List<Output> standardOutputs() {
        return List.of(
                new JsonReport(),
                new JunitReport(),
                new ChartReport(),
                new StepSummary(),
                new VerdictBlock(),
                new GitlabDotenv(),
                new StepOutputs());
    }

    public static GateResult run(
            List<GateConfig> campaigns,
            StatusSource source,
            TimeSource time,
            AbortSignal abort,
            DoubleSupplier random,
            ReportContext context) {
        return runAll(campaigns, source, time, abort, random, context, null);
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
            AbortSignal abort,
            ReportContext context,
            Clock checkClock) {
        ReportContext redacted = context.withRedactor(token::redact);
        if (proxy != null) {
            redacted.sink()
                    .log()
                    .info("Using the proxy " + proxy.describe()
                            + (proxy.nonProxyHosts() == null ? "" : ", not for " + proxy.nonProxyHosts()));
        }
        GateConfig first = campaigns.get(0);
        try (OsviHttpClient client =
                new OsviHttpClient(first.baseUrl(), token, first.requestTimeout(), proxy, Clock.systemUTC())) {
            return runAll(campaigns, client, TimeSource.SYSTEM, abort, Math::random, redacted, checkClock);
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
            AbortSignal abort,
            DoubleSupplier random,
            ReportContext context,
            Clock clock) {
        return runAll(campaigns, source, time, abort, random, context, clock);
    }

    /** @param checkClock the wall clock of a one-shot check, or {@code null} for a wait */
    private static GateResult runAll(
            List<GateConfig> configured,
            StatusSource source,
            TimeSource time,
            AbortSignal abort,
            DoubleSupplier random,
            ReportContext context,
            Clock checkClock) {
        Run run = new Run(source, time, context.sink().log(), abort, random, context, checkClock);
        List<CampaignResult> results;
        if (configured.get(0).needsBaseline()) {
            List<BaselineReading.Resolved> resolved =
                    BaselineReading.resolve(configured, source, time, run.log(), abort, random);
            results = resolved.get(0).unusable() == null
                    ? run.judgeAll(resolved.stream()
                            .map(BaselineReading.Resolved::config)
                            .toList())
                    // each campaign has its ERROR: none is awaited
                    : resolved.stream()
                            .map(campaign -> report(campaign.unusable(), campaign.config(), context))
                            .toList();
        } else {
            results = run.judgeAll(configured);
        }
        return run.finish(results);
    }

    /**
     * What every campaign of one run shares.
     *
     * @param log        the run's own lines, redacted
     * @param checkClock the wall clock of a one-shot check, or {@code null} for a wait
     */
    private record Run(
            StatusSource source,
            TimeSource time,
            GateLog log,
            AbortSignal abort,
            DoubleSupplier random,
            ReportContext context,
            Clock checkClock) {

        /** Each campaign's result, in order: one in this thread, several concurrently. */
        List<CampaignResult> judgeAll(List<GateConfig> campaigns) {
            return campaigns.size() == 1 ? List.of(judge(campaigns.get(0))) : concurrently(campaigns);
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
                        results.add(crashed(campaigns.get(i), e.getCause(), context));
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
            GateResult all = new GateResult(context.gate(), context.project(), context.directory(), results, null);
            BuildResults.View build;
            boolean warned;
            synchronized (context.build().lock()) {
                build = context.build().record(all);
                warned = Outputs.build(context, build);
            }
            synchronized (log) {
                // the verdict is always the last line, for log parsers: with one campaign it was printed with the
                // campaign's table, and is repeated only when a warning came after it
                if (results.size() > 1) {
                    VerdictBlock.summaryLine(log, all.outcome(), all.verdict(), all.summaryLine());
                } else if (warned) {
                    CampaignResult only = results.get(0);
                    VerdictBlock.summaryLine(log, only.outcome(), only.verdict(), only.summaryLine());
                }
                if (!build.gates().isEmpty()) {
                    // an earlier gate of this build ran too: the last verdict line is the build's, as later jobs
                    // read it
                    log.info("Earlier OSVI gates ran in this build: later jobs read the worst verdict of all of"
                            + " them.");
                    VerdictBlock.summaryLine(
                            log,
                            build.overall().outcome(),
                            build.overall().verdict(),
                            build.overall().summaryLine());
                }
            }
            abort.markReported();
            return all;
        }

        private CampaignResult judge(GateConfig config) {
            CampaignResult result;
            try {
                Gate gate = new Gate(config, source, time, log, abort, random);
                String where = context.simulation() != null
                        ? "simulation " + context.simulation()
                        : String.valueOf(config.baseUrl());
                String mode = checkClock == null ? "await" : "check";
                synchronized (context.build().judging(config.campaignId(), mode + " " + where)) {
                    result = judgeOnce(gate, config, mode + " " + where);
                }
            } catch (RuntimeException e) {
                result = Decision.internalError(
                        config, new WaitResult(WaitResult.Outcome.INTERNAL_ERROR, null, null, 0, 0, Duration.ZERO, e));
            }
            if (result.waitResult().outcome() == WaitResult.Outcome.INTERNAL_ERROR) {
                // a gate that broke decides nothing: the other campaigns stop too, their requests cancelled
                abort.abort();
            }
            return report(result, config, context);
        }

        /**
         * One campaign, one wait per build: a campaign an earlier gate of this build judged with the same
         * configuration gets that result again, with one line saying so; with other rules or another uploadId, a
         * campaign that earlier gate saw complete is judged on one fresh snapshot; otherwise the gate waits as usual.
         */
        private CampaignResult judgeOnce(Gate gate, GateConfig config, String source) {
            BuildResults.Judged earlier =
                    context.build().earlier(config.campaignId(), source).orElse(null);
            CampaignResult result;
            boolean same = earlier != null && earlier.config().judgesAs(config, context.simulation() != null);
            if (same) {
                log.info("Campaign " + config.campaignId() + " was judged by gate " + shown(earlier)
                        + " of this build, with the same rules: its verdict is reused, without a second "
                        + (checkClock == null ? "wait." : "request."));
                result = from(earlier.result(), "verdict of gate " + shown(earlier) + " of this build");
            } else if (earlier != null && checkClock == null && sawComplete(earlier)) {
                result = judgeFresh(gate, config, shown(earlier));
            } else {
                result = checkClock == null ? gate.awaitAndDecide() : gate.check(checkClock);
            }
            WaitResult.Outcome outcome = result.waitResult().outcome();
            if (outcome != WaitResult.Outcome.ABORTED && outcome != WaitResult.Outcome.INTERNAL_ERROR && !same) {
                context.build().judged(new BuildResults.Judged(result, config, source, context.gate()));
            }
            return result;
        }

        /** A campaign an earlier gate saw complete, judged on one fresh snapshot; waited for if it runs again. */
        private CampaignResult judgeFresh(Gate gate, GateConfig config, String by) {
            CampaignResult result = gate.check(Clock.systemUTC());
            if (result.verdict() == Verdict.RUNNING) {
                // never a RUNNING for a wait (a simulator of its own starts the scenario again): wait as usual
                log.info("Campaign " + config.campaignId() + " completed while gate " + by + " of this build awaited"
                        + " it, but a fresh snapshot shows it running: this gate waits as usual.");
                return gate.awaitAndDecide();
            }
            log.info("Campaign " + config.campaignId() + " completed while gate " + by + " of this build"
                    + " awaited it: this gate's rules were judged on one fresh snapshot, without a new wait.");
            return from(result, "judged on a fresh snapshot after gate " + by + " of this build");
        }
    }

    /** The earlier gate's name, the user's execution id: shown escaped, as everywhere. */
    private static String shown(BuildResults.Judged earlier) {
        return InvisibleCharacters.escaped(earlier.gate());
    }

    private static boolean sawComplete(BuildResults.Judged earlier) {
        return earlier.result().waitResult().lastSnapshot() != null
                && earlier.result().waitResult().lastSnapshot().isComplete(OptionalLong.empty());
    }

    /**
     * For a gate that could not start (an invalid parameter, no usable token...): {@code osvi.env} and the GitHub
     * step outputs say ERROR, so that no later job reads an older run's verdict, an earlier gate's PASS or nothing;
     * the job summary and a JUnit report say why, with the fix, as every verdict's do.
     */
    public static void reportNotStarted(ReportContext context, NotStarted gate) {
        synchronized (context.build().lock()) {
            BuildResults.View build = context.build()
                    .record(GateResult.notStarted(
                            context.gate(), context.project(), context.directory(), gate.summaryLine()));
            Outputs.build(context, build);
            Outputs.notStarted(context, gate);
        }
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
    private static CampaignResult crashed(GateConfig config, Throwable cause, ReportContext context) {
        RuntimeException fault = cause instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException(String.valueOf(cause), cause);
        CampaignResult result = Decision.internalError(
                config, new WaitResult(WaitResult.Outcome.INTERNAL_ERROR, null, null, 0, 0, Duration.ZERO, fault));
        return report(result, config, context);
    }

    /** Every task has ended by now: this only waits for the idle threads to exit, so none outlives the goal. */
    private static void awaitTermination(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Every output of the campaign's verdict, under the plain name of its reports, or one with the gate's when another
     * gate of the build wrote this campaign into the same directory.
     */
    private static CampaignResult report(CampaignResult result, GateConfig config, ReportContext context) {
        String name = context.directory() == null
                ? ReportNames.baseName(result.campaignId())
                : context.build().reportName(context.directory(), result.campaignId(), context.gate());
        Outputs.campaign(context, new CampaignReport(result, config, name));
        return result;
    }
}
