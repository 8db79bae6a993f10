package ai.osvi.gate;

import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Policy.PollStrategy;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.CampaignWaiter;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.report.console.VerdictBlock;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.rules.Rule;
import ai.osvi.gate.verdict.Decision;
import java.time.Clock;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/** The release gate for one campaign: waits for it, then has {@link Decision} decide on how the wait ended. */
public final class Gate {

    private final GateConfig config;
    private final StatusSource source;
    private final TimeSource time;
    private final GateLog log;
    private final AbortSignal abort;
    private final DoubleSupplier random;

    public Gate(GateConfig config, StatusSource source, TimeSource time, GateLog log) {
        this(config, source, time, log, new AbortSignal(), Math::random);
    }

    /**
     * @param abort  stops the wait from another thread
     * @param random uniform values in [0, 1) for the jitter of the backoff after errors
     */
    public Gate(
            GateConfig config,
            StatusSource source,
            TimeSource time,
            GateLog log,
            AbortSignal abort,
            DoubleSupplier random) {
        this.config = config;
        this.source = source;
        this.time = time;
        this.log = log;
        this.abort = abort;
        this.random = random;
    }

    /** Awaits the campaign, decides, and logs the verdict block. */
    public CampaignResult run() {
        CampaignResult result = awaitAndDecide();
        VerdictBlock.write(result, config, log, List.of());
        return result;
    }

    /** Awaits the campaign and decides, leaving the verdict block to the caller (which adds where the reports are). */
    public CampaignResult awaitAndDecide() {
        return waitAndDecide(
                waiter -> waiter.await(givesUpAt -> {
                    log.info("Awaiting OSVI campaign " + config.campaignId()
                            + config.uploadId().stream()
                                    .mapToObj(id -> " (upload " + id + ")")
                                    .findFirst()
                                    .orElse("") + " at " + config.baseUrl() + ": "
                            + polling() + ", timeout " + Values.format(config.timeout()) + " (gives up at " + givesUpAt
                            + "), rules: " + describeRules());
                    warnOfUploadIdWithRules();
                }),
                Decision.Mode.AWAIT,
                Clock.systemUTC());
    }

    /**
     * One judgement of the campaign as it is now ({@code check-campaign}): the verdict {@code await-campaign} would
     * give when it is complete, FAIL when a breach is already certain, TIMEOUT when it is older than
     * {@code maxCampaignAge}, RUNNING otherwise. The verdict block is left to the caller, as by
     * {@link #awaitAndDecide}.
     *
     * @param clock the wall clock, for the campaign's age from its {@code created_at}
     */
    public CampaignResult check(Clock clock) {
        log.info("Checking OSVI campaign " + config.campaignId()
                + config.uploadId().stream()
                        .mapToObj(id -> " (upload " + id + ")")
                        .findFirst()
                        .orElse("")
                + " at " + config.baseUrl() + " once"
                + (config.maxCampaignAge() == null ? "" : ", maxCampaignAge " + Values.format(config.maxCampaignAge()))
                + ", rules: " + describeRules());
        warnOfUploadIdWithRules();
        return waitAndDecide(CampaignWaiter::checkOnce, Decision.Mode.CHECK, clock);
    }

    private CampaignResult waitAndDecide(Function<CampaignWaiter, WaitResult> how, Decision.Mode mode, Clock clock) {
        Thread waiting = Thread.currentThread();
        Runnable unregister = abort.onAbort(() -> {
            source.abort();
            waiting.interrupt();
        });
        WaitResult wait;
        try {
            wait = how.apply(new CampaignWaiter(config, source, time, log, abort, random));
        } finally {
            unregister.run();
            if (abort.isAborted()) {
                Thread.interrupted();
            }
        }
        try {
            return Decision.decide(wait, config, mode, clock.instant());
        } catch (RuntimeException e) {
            return Decision.internalError(
                    config,
                    new WaitResult(
                            WaitResult.Outcome.INTERNAL_ERROR,
                            wait.lastSnapshot(),
                            wait.error(),
                            wait.polls(),
                            wait.errors(),
                            wait.elapsed(),
                            e,
                            wait.timeline()));
        }
    }

    private void warnOfUploadIdWithRules() {
        if (config.uploadId().isPresent() && !config.rules().isEmpty()) {
            log.warn(GateConfig.UPLOAD_ID_NOTE);
        }
    }

    private String describeRules() {
        if (config.rules().isEmpty()) {
            return "none";
        }
        return String.join(", ", config.rules().stream().map(Rule::describe).toList());
    }

    /** "polling every 15s", or under adaptive polling "polling adaptively every 15s to 2m". */
    private String polling() {
        String every = "every " + Values.format(config.pollInterval());
        return config.pollStrategy() == PollStrategy.ADAPTIVE
                        && config.maxPollInterval().compareTo(config.pollInterval()) > 0
                ? "polling adaptively " + every + " to " + Values.format(config.maxPollInterval())
                : "polling " + every;
    }
}
