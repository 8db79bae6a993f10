package ai.osvi.gate;

import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.report.GithubOutputs;
import ai.osvi.gate.report.GithubSummary;
import ai.osvi.gate.report.GitlabDotenv;
import ai.osvi.gate.report.ReportFiles;
import ai.osvi.gate.report.VerdictReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

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
     */
    public record Reports(Path directory, Path githubStepSummary, Path githubOutput, Clock clock,
            UnaryOperator<String> redactor, String simulation) {

        public Reports(Path directory, Path githubStepSummary, Clock clock) {
            this(directory, githubStepSummary, null, clock, UnaryOperator.identity(), null);
        }

        public Reports(Path directory, Path githubStepSummary, Path githubOutput, Clock clock,
                UnaryOperator<String> redactor) {
            this(directory, githubStepSummary, githubOutput, clock, redactor, null);
        }

        public Reports withRedactor(UnaryOperator<String> redactor) {
            return new Reports(directory, githubStepSummary, githubOutput, clock, redactor, simulation);
        }

        public Reports withSimulation(String scenario) {
            return new Reports(directory, githubStepSummary, githubOutput, clock, redactor, scenario);
        }
    }

    /** The results, one per campaign, in the order the campaigns were given. */
    public record Results(List<GateResult> results) {

        public Results {
            results = List.copyOf(results);
        }

        public BuildOutcome outcome() {
            return results.stream().map(GateResult::outcome).max(Comparator.comparingInt(GateRun::severity))
                    .orElse(BuildOutcome.PASS);
        }

        public Verdict verdict() {
            return results.stream().map(GateResult::verdict).max(Comparator.comparingInt(GateRun::severity))
                    .orElse(Verdict.PASS);
        }

        /** The build failure message: every campaign that did not pass, what went wrong and what to do. */
        public String failureMessage() {
            BuildOutcome worst = outcome();
            return results.stream().filter(result -> result.outcome() == worst).map(GateResult::failureMessage)
                    .collect(Collectors.joining(System.lineSeparator()));
        }

        /** "OSVI gate: FAIL 3 campaigns: 7 PASS, 8 FAIL, 9 PASS". */
        public String summaryLine() {
            return "OSVI gate: " + verdict() + " " + results.size() + " campaigns: " + results.stream()
                    .map(result -> result.campaignId() + " " + result.verdict()).collect(Collectors.joining(", "));
        }
    }

    private GateRun() {
    }

    public static Results run(List<GateConfig> campaigns, StatusSource source, TimeSource time, GateLog log,
            AbortSignal abort, DoubleSupplier random, Reports reports) {
        List<GateResult> results = new ArrayList<>();
        if (campaigns.size() == 1) {
            results.add(runOne(campaigns.get(0), source, time, log, abort, random, reports));
        } else {
            ExecutorService executor = Executors.newFixedThreadPool(campaigns.size(), runnable -> {
                Thread thread = new Thread(runnable, "osvi-gate");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<GateResult>> futures = new ArrayList<>();
                for (GateConfig campaign : campaigns) {
                    futures.add(executor.submit(() -> runOne(campaign, source, time, log, abort, random, reports)));
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
        }
        Results all = new Results(results);
        List<String> warnings = writeResultsForLaterJobs(all, reports);
        synchronized (log) {
            warnings.forEach(log::warn);
            // the verdict is always the last line, for log parsers: with one campaign it was printed with the
            // campaign's table, and is repeated only when a warning came after it
            if (results.size() > 1) {
                VerdictReport.summaryLine(log, all.outcome(), all.verdict(), all.summaryLine());
            } else if (!warnings.isEmpty()) {
                GateResult only = results.get(0);
                VerdictReport.summaryLine(log, only.outcome(), only.verdict(), only.summaryLine());
            }
        }
        abort.markReported();
        return all;
    }

    /**
     * The whole run's results for later steps and jobs, on every outcome: {@code osvi.env} (GitLab's dotenv report)
     * in the report directory, and the GitHub step outputs when {@code GITHUB_OUTPUT} is set.
     *
     * @return the warnings to log: values left out, files that could not be written
     */
    private static List<String> writeResultsForLaterJobs(Results all, Reports reports) {
        List<String> warnings = new ArrayList<>();
        if (reports.directory() != null) {
            try {
                GitlabDotenv.write(reports.directory(), GitlabDotenv.lines(all, reports.redactor(), warnings),
                        reports.redactor());
            } catch (IOException | RuntimeException e) {
                warnings.add("Could not write " + GitlabDotenv.file(reports.directory()) + ": " + e.getMessage());
            }
        }
        if (reports.githubOutput() != null) {
            try {
                Map<String, String> outputs = GithubOutputs.outputs(all, reports.directory(), reports.redactor(),
                        warnings);
                synchronized (GateRun.class) {
                    // like the step summary: modules of a parallel build append to the same file
                    GithubOutputs.append(reports.githubOutput(), outputs, reports.redactor());
                }
            } catch (IOException | RuntimeException e) {
                warnings.add("Could not append to the GitHub step outputs " + reports.githubOutput() + ": "
                        + e.getMessage());
            }
        }
        return warnings;
    }

    /**
     * For a gate that could not start (an invalid parameter, no usable token...): {@code osvi.env} and the GitHub
     * step outputs say ERROR, so that no later job reads an older run's verdict or nothing at all.
     */
    public static void reportNotStarted(Reports reports, GateLog log, String summaryLine) {
        if (reports.directory() != null) {
            try {
                GitlabDotenv.write(reports.directory(), GitlabDotenv.notStarted(), reports.redactor());
            } catch (IOException | RuntimeException e) {
                log.warn("Could not write " + GitlabDotenv.file(reports.directory()) + ": " + e.getMessage());
            }
        }
        if (reports.githubOutput() != null) {
            try {
                synchronized (GateRun.class) {
                    GithubOutputs.append(reports.githubOutput(), GithubOutputs.notStarted(summaryLine),
                            reports.redactor());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not append to the GitHub step outputs " + reports.githubOutput() + ": "
                        + e.getMessage());
            }
        }
    }

    private static GateResult runOne(GateConfig config, StatusSource source, TimeSource time, GateLog log,
            AbortSignal abort, DoubleSupplier random, Reports reports) {
        GateResult result;
        try {
            result = new Gate(config, source, time, log, abort, random).run();
        } catch (RuntimeException e) {
            result = Gate.internalError(config, new WaitResult(WaitResult.Outcome.INTERNAL_ERROR, null, null, 0, 0,
                    Duration.ZERO, e));
        }
        if (result.waitResult().outcome() == WaitResult.Outcome.INTERNAL_ERROR) {
            // a gate that broke decides nothing: the other campaigns stop too, their requests cancelled
            abort.abort();
        }
        return writeReports(result, config, log, reports);
    }

    /** The result of a campaign whose thread died of something other than an exception (an Error). */
    private static GateResult crashed(GateConfig config, Throwable cause, GateLog log, Reports reports) {
        RuntimeException fault = cause instanceof RuntimeException runtime ? runtime
                : new IllegalStateException(String.valueOf(cause), cause);
        GateResult result = Gate.internalError(config, new WaitResult(WaitResult.Outcome.INTERNAL_ERROR, null, null,
                0, 0, Duration.ZERO, fault));
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

    private static GateResult writeReports(GateResult result, GateConfig config, GateLog log, Reports reports) {
        if (reports.directory() != null) {
            try {
                ReportFiles.write(reports.directory(), result, config, reports.clock().instant(), reports.redactor(),
                        reports.simulation());
            } catch (IOException | RuntimeException e) {
                log.warn("Could not write the reports of campaign " + config.campaignId() + " to "
                        + reports.directory() + ": " + e.getMessage());
            }
        }
        if (reports.githubStepSummary() != null) {
            try {
                synchronized (GateRun.class) {
                    GithubSummary.append(reports.githubStepSummary(), result, config, reports.redactor(),
                            reports.simulation());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not append to the GitHub step summary " + reports.githubStepSummary() + ": "
                        + e.getMessage());
            }
        }
        return result;
    }

    static int severity(BuildOutcome outcome) {
        return outcome.ordinal();
    }

    static int severity(Verdict verdict) {
        return switch (verdict) {
            case PASS -> 0;
            case INCONCLUSIVE -> 1;
            case FAIL -> 2;
            case TIMEOUT -> 3;
            case STALLED -> 4;
            case ERROR -> 5;
            case ABORTED -> 6;
        };
    }
}
