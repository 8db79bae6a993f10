package ai.osvi.gate;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Policy.OnError;
import ai.osvi.gate.config.Policy.OnInconclusive;
import ai.osvi.gate.config.Policy.OnRunning;
import ai.osvi.gate.config.Policy.OnTimeout;
import ai.osvi.gate.config.Spelling;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.CampaignWaiter;
import ai.osvi.gate.polling.Progress;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.report.VerdictReport;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.EarlyVerdict;
import ai.osvi.gate.rules.Rule;
import ai.osvi.gate.rules.RuleResult;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/** The release gate: waits for the campaign, judges the rules, reports, and says what that means for the build. */
public final class Gate {

    private final GateConfig config;
    private final StatusSource source;
    private final TimeSource time;
    private final GateLog log;
    private final AbortSignal abort;
    private final DoubleSupplier random;
    private Clock clock = Clock.systemUTC();

    public Gate(GateConfig config, StatusSource source, TimeSource time, GateLog log) {
        this(config, source, time, log, new AbortSignal(), Math::random);
    }

    /**
     * @param abort  stops the wait from another thread
     * @param random uniform values in [0, 1) for the jitter of the backoff after errors
     */
    public Gate(GateConfig config, StatusSource source, TimeSource time, GateLog log, AbortSignal abort,
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
        VerdictReport.write(result, config, log, List.of());
        return result;
    }

    /** Awaits the campaign and decides, leaving the verdict block to the caller (which adds where the reports are). */
    public CampaignResult awaitAndDecide() {
        log.info("Awaiting OSVI campaign " + config.campaignId()
                + config.uploadId().stream().mapToObj(id -> " (upload " + id + ")").findFirst().orElse("")
                + " at " + config.baseUrl() + ": " + polling()
                + ", timeout " + Values.format(config.timeout()) + ", rules: " + describeRules());
        return waitAndDecide(CampaignWaiter::await);
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
                + config.uploadId().stream().mapToObj(id -> " (upload " + id + ")").findFirst().orElse("")
                + " at " + config.baseUrl() + " once" + (config.maxCampaignAge() == null ? ""
                        : ", maxCampaignAge " + Values.format(config.maxCampaignAge()))
                + ", rules: " + describeRules());
        this.clock = clock;
        return waitAndDecide(CampaignWaiter::checkOnce);
    }

    private CampaignResult waitAndDecide(Function<CampaignWaiter, WaitResult> how) {
        if (config.uploadId().isPresent() && !config.rules().isEmpty()) {
            log.warn(GateConfig.UPLOAD_ID_NOTE);
        }
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
        CampaignResult result;
        try {
            result = decide(wait);
        } catch (RuntimeException e) {
            result = internalError(config, new WaitResult(WaitResult.Outcome.INTERNAL_ERROR, wait.lastSnapshot(),
                    wait.error(), wait.polls(), wait.errors(), wait.elapsed(), e, wait.timeline()));
        }
        return result;
    }

    /** ERROR for an unexpected exception inside the gate: never a verdict, always with what is known. */
    public static CampaignResult internalError(GateConfig config, WaitResult wait) {
        RuntimeException fault = wait.fault();
        String what = fault == null ? "unknown" : fault.getClass().getName()
                + (fault.getMessage() == null ? "" : ": " + fault.getMessage());
        return CampaignResult.unjudged(config.campaignId(), Verdict.ERROR, BuildOutcome.ERROR,
                "the gate failed unexpectedly (" + what + ")",
                List.of("This is a bug in osvi-maven-plugin, not a verdict on the campaign: please report it with this"
                        + " build's JSON report."), wait);
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
        return config.pollStrategy() == ai.osvi.gate.config.Policy.PollStrategy.ADAPTIVE
                && config.maxPollInterval().compareTo(config.pollInterval()) > 0
                ? "polling adaptively " + every + " to " + Values.format(config.maxPollInterval())
                : "polling " + every;
    }

    CampaignResult decide(WaitResult wait) {
        CampaignStatus last = wait.lastSnapshot();
        return switch (wait.outcome()) {
            case COMPLETED, CERTAIN_BREACH -> judge(wait);
            case STALLED -> CampaignResult.unjudged(config.campaignId(), Verdict.STALLED, BuildOutcome.ERROR,
                    "no progress for " + Values.format(config.stallTimeout()),
                    List.of("Last snapshot: " + Progress.describe(last, config.uploadId()) + ".",
                            "Nothing changed for stallTimeout (" + Values.format(config.stallTimeout())
                                    + "). Check the campaign in OSVI, or raise stallTimeout."),
                    wait);
            case TIMED_OUT -> config.onTimeout() == OnTimeout.EVALUATE && last != null
                    ? judge(wait)
                    : timedOut(wait);
            case INACTIVE -> error(wait, "the campaign is inactive with "
                    + (last.awaitedQueues(config.uploadId()) - last.completedQueues(config.uploadId()))
                    + " of " + last.awaitedQueues(config.uploadId()) + " queues incomplete",
                    List.of("An inactive campaign does not complete on its own. Reactivate it, or set onInactive=wait"
                            + " (-Dosvi.onInactive=wait) to keep waiting until the timeout."));
            case REJECTED -> error(wait, rejection(wait.error()), List.of(wait.error().getMessage()));
            case GAVE_UP -> gaveUp(wait);
            case ABORTED -> CampaignResult.unjudged(config.campaignId(), Verdict.ABORTED, BuildOutcome.ERROR,
                    "the gate was aborted before the campaign completed", List.of(), wait);
            case INTERNAL_ERROR -> internalError(config, wait);
            case RUNNING -> running(wait);
        };
    }

    /**
     * The rules judged on the last snapshot: of a completed campaign, or before completion when a breach is certain
     * (failFast) or the deadline passed (onTimeout=evaluate). Only a completed campaign can PASS; the rules holding on
     * an incomplete one is a TIMEOUT, with the rules judged attached.
     */
    private CampaignResult judge(WaitResult wait) {
        CampaignStatus snapshot = wait.lastSnapshot();
        long total = snapshot.calls().total();
        boolean completed = wait.outcome() == WaitResult.Outcome.COMPLETED;
        List<String> details = new ArrayList<>();
        if (wait.outcome() == WaitResult.Outcome.CERTAIN_BREACH) {
            details.add("Decided before completion (failFast): with at most "
                    + EarlyVerdict.maxPossibleCalls(snapshot).orElseThrow() + " calls in all (total_queued times"
                    + " 1 + retry_threshold), the remaining calls cannot bring the breached rules back within"
                    + " their limits.");
        } else if (!completed) {
            details.add("The campaign did not complete within " + Values.format(config.timeout())
                    + "; the rules were judged on the last snapshot (onTimeout=evaluate).");
        }
        if (snapshot.calls().isInconsistent()) {
            return error(wait, "inconsistent data: data.calls.by_status adds up to "
                    + snapshot.calls().sumOfStatuses() + " calls, more than data.calls.total (" + total + ")",
                    List.of("Ratios of counts that contradict their total mean nothing, so the gate does not judge"
                            + " them. Check the campaign in OSVI; report the JSON report's snapshot to OSVI if the"
                            + " API sent this."));
        }
        List<Respelling> respelt = respeltStatuses(snapshot.calls());
        if (!respelt.isEmpty()) {
            return error(wait, "the API reported a status of a rule in another spelling: " + String.join(", ",
                    respelt.stream().map(Respelling::pairs).flatMap(List::stream).distinct().toList()),
                    respelt.stream().map(r -> r.message(snapshot.calls())).toList());
        }
        List<String> misspelt = misspeltStatuses(snapshot);
        if (!misspelt.isEmpty()) {
            return error(wait, "a rule names a status the API did not report, probably misspelt", misspelt);
        }
        if (total < config.minCalls()) {
            details.add("Only " + calls(total) + (total == 1 ? " was" : " were") + " made, fewer than minCalls ("
                    + config.minCalls() + "): too few to judge, so this is never a pass.");
            BuildOutcome outcome = config.onInconclusive() == OnInconclusive.FAIL ? BuildOutcome.FAIL : BuildOutcome.WARN;
            return new CampaignResult(config.campaignId(), Verdict.INCONCLUSIVE, outcome,
                    calls(total) + ", fewer than minCalls=" + config.minCalls() + notCompleted(wait), details,
                    true, List.of(), wait);
        }
        List<RuleResult> results = config.rules().stream()
                .map(rule -> RuleResult.judge(rule, snapshot.calls())).toList();
        List<RuleResult> breaches = results.stream().filter(result -> !result.passed()).toList();
        if (!breaches.isEmpty()) {
            breaches.forEach(breach -> details.add(breach.breachMessage()));
            return new CampaignResult(config.campaignId(), Verdict.FAIL,
                    config.failBuild() ? BuildOutcome.FAIL : BuildOutcome.WARN,
                    breaches.size() + " of " + rules(results.size()) + " breached on " + calls(total)
                            + notCompleted(wait),
                    details, true, results, wait);
        }
        if (wait.outcome() == WaitResult.Outcome.TIMED_OUT) {
            return heldWithoutCompleting(wait, results, details);
        }
        if (!completed) {
            // CERTAIN_BREACH is returned only with a rule certain to be breached, and such a rule is breached now
            throw new IllegalStateException("no rule breached on a snapshot judged before completion ("
                    + wait.outcome() + ")");
        }
        if (results.isEmpty()) {
            details.add("No rule is configured, so nothing was gated: set maxFailureRatio or thresholds.");
            return new CampaignResult(config.campaignId(), Verdict.PASS, BuildOutcome.WARN,
                    "completed with " + calls(total) + "; no rule configured", details, true, results, wait);
        }
        return new CampaignResult(config.campaignId(), Verdict.PASS, BuildOutcome.PASS,
                results.size() + " of " + rules(results.size()) + " passed on " + calls(total), details,
                true, results, wait);
    }

    /**
     * onTimeout=evaluate, and no rule breached on the last snapshot: TIMEOUT, never PASS (later jobs read PASS as
     * "completed and within the rules"), the rules judged attached; the build goes on with a warning, as chosen.
     */
    private CampaignResult heldWithoutCompleting(WaitResult wait, List<RuleResult> results, List<String> details) {
        int judged = results.size();
        String calls = calls(wait.lastSnapshot().calls().total());
        if (judged == 0) {
            details.add("No rule is configured, so nothing was gated: set maxFailureRatio or thresholds.");
        }
        details.add((judged == 0 ? "The campaign" : "The rules held on the last snapshot, but the campaign")
                + " did not complete, so this is not a PASS: the build goes on with a warning because"
                + " onTimeout=evaluate. Raise timeout (-Dosvi.timeout) to judge the completed campaign.");
        return new CampaignResult(config.campaignId(), Verdict.TIMEOUT, BuildOutcome.WARN,
                "did not complete within " + Values.format(config.timeout()) + "; " + (judged == 0
                        ? calls + " on the last snapshot, no rule configured"
                        : judged + " of " + rules(judged) + " held on the last snapshot (" + calls + ")"),
                details, true, results, wait);
    }

    /** Statuses the API documents; others appear in {@code by_status} as campaigns use them. */
    static final List<String> DOCUMENTED_STATUSES = List.of("picked", "not_picked", "failed");

    /**
     * A status of a rule that {@code by_status} reports in another spelling: the same once case is folded and
     * {@code _}, {@code -} and spaces are removed ({@code Failed}, {@code NOT-PICKED} for {@code failed},
     * {@code not_picked}).
     *
     * @param reported those other spellings, in the API's order; none of them is a status of the rule
     * @param fix      how to write the rule so that it counts every spelling, or where to look when it cannot
     */
    private record Respelling(Rule rule, String status, List<String> reported, String fix) {

        /** {@code 'Failed' for 'failed'}. */
        List<String> pairs() {
            return reported.stream().map(spelling -> "'" + spelling + "' for '" + status + "'").toList();
        }

        String message(CallCounts calls) {
            String spellings = String.join(" and ", reported.stream()
                    .map(spelling -> "'" + spelling + "' (" + calls(calls.count(spelling)) + ")").toList());
            return "Rule '" + rule.describe() + "' (" + rule.origin() + ") names the status '" + status
                    + "'; the API reported " + spellings
                    + (calls.byStatus().containsKey(status) ? " beside '" + status + "'" : "")
                    + ", the same status but for case, '_', '-' or spaces. A rule counts only the spellings it"
                    + " names, so these calls would count as 0. " + fix + " Statuses reported: "
                    + String.join(", ", calls.byStatus().keySet()) + ".";
        }
    }

    /**
     * Each status of a rule that {@code by_status} also reports, or only reports, in another spelling: whatever the
     * status (the default {@code failed} included), the calls of that spelling would count as 0 for the rule.
     */
    private List<Respelling> respeltStatuses(CallCounts calls) {
        List<Respelling> respelt = new ArrayList<>();
        for (Rule rule : config.rules()) {
            Set<String> attributed = new LinkedHashSet<>(rule.statuses());
            Map<String, List<String>> found = new LinkedHashMap<>();
            for (String status : rule.statuses()) {
                for (String key : calls.byStatus().keySet()) {
                    if (!attributed.contains(key) && spelling(key).equals(spelling(status))) {
                        found.computeIfAbsent(status, s -> new ArrayList<>()).add(key);
                        attributed.add(key);
                    }
                }
            }
            if (!found.isEmpty()) {
                String fix = fix(rule, found, calls);
                found.forEach((status, reported) -> respelt.add(new Respelling(rule, status, reported, fix)));
            }
        }
        return respelt;
    }

    /** The rule written with the API's spellings (and each exact one it also reports), when a rule can name them. */
    private static String fix(Rule rule, Map<String, List<String>> found, CallCounts calls) {
        List<String> statuses = new ArrayList<>();
        for (String named : rule.statuses()) {
            if (!found.containsKey(named) || calls.byStatus().containsKey(named)) {
                statuses.add(named);
            }
            statuses.addAll(found.getOrDefault(named, List.of()));
        }
        if (!statuses.stream().allMatch(Values::isStatusKey)) {
            return "A rule can only name statuses of letters, digits, '_', '.' and '-': check the campaign in OSVI.";
        }
        return "Name the status as the API does: " + (rule.origin().equals("maxFailureRatio")
                ? "failureStatuses=" + String.join(",", statuses)
                : rule.origin() + " '" + String.join("+", statuses) + " " + rule.operator().symbol() + " "
                        + rule.limit() + "'") + ".";
    }

    /** A status as spellings are compared: each character's case folded, without {@code _}, {@code -} and spaces. */
    static String spelling(String status) {
        StringBuilder folded = new StringBuilder();
        status.codePoints()
                .filter(c -> c != '_' && c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .map(c -> Character.toLowerCase(Character.toUpperCase(c)))
                .forEach(folded::appendCodePoint);
        return folded.toString();
    }

    /**
     * A message for each status of a rule that {@code by_status} lacks and that is a small edit away from a status it
     * has or a documented one: a typo would otherwise count as 0 calls and pass an upper-bound rule. A status far
     * from every known one is a status with no calls yet (the API omits those): it counts as 0, with a warning.
     */
    private List<String> misspeltStatuses(CampaignStatus snapshot) {
        Set<String> known = new LinkedHashSet<>(snapshot.calls().byStatus().keySet());
        known.addAll(DOCUMENTED_STATUSES);
        List<String> messages = new ArrayList<>();
        for (Rule rule : config.rules()) {
            for (String status : rule.statuses()) {
                if (!snapshot.calls().byStatus().containsKey(status)) {
                    Spelling.closeTo(status, known).ifPresent(meant -> messages.add("Rule '" + rule.describe()
                            + "' (" + rule.origin() + ") names the status '" + status + "', which the API did not"
                            + " report: did you mean " + meant + "? Statuses reported: " + (snapshot.calls().byStatus()
                                    .isEmpty() ? "none" : String.join(", ", snapshot.calls().byStatus().keySet()))
                            + "."));
                }
            }
        }
        return messages;
    }

    /** "1 rule", "2 rules". */
    private static String rules(int count) {
        return count + (count == 1 ? " rule" : " rules");
    }

    private static String calls(long total) {
        return total + (total == 1 ? " call" : " calls");
    }

    private static String notCompleted(WaitResult wait) {
        return switch (wait.outcome()) {
            case COMPLETED -> "";
            case CERTAIN_BREACH -> " (certain before completion)";
            default -> " (last snapshot, not completed)";
        };
    }

    /** A one-shot check of a campaign not complete: RUNNING with the progress so far, or TIMEOUT when too old. */
    private CampaignResult running(WaitResult wait) {
        CampaignStatus last = wait.lastSnapshot();
        OffsetDateTime created = last.campaign().createdAt();
        if (config.maxCampaignAge() != null && created == null) {
            return error(wait, "the campaign's age is unknown", List.of("maxCampaignAge needs data.campaign.created_at,"
                    + " a date-time with an offset, which the API did not send. Check the campaign in OSVI, or leave"
                    + " maxCampaignAge unset."));
        }
        Duration age = created == null ? null : Duration.between(created.toInstant(), clock.instant());
        if (config.maxCampaignAge() != null && age.compareTo(config.maxCampaignAge()) > 0) {
            return CampaignResult.unjudged(config.campaignId(), Verdict.TIMEOUT, BuildOutcome.ERROR,
                    "not complete " + Values.format(Duration.ofSeconds(age.toSeconds())) + " after it was created,"
                            + " more than maxCampaignAge " + Values.format(config.maxCampaignAge()),
                    List.of("Last snapshot: " + Progress.describe(last, config.uploadId()) + ".",
                            "Created at " + created + ". Check the campaign in OSVI, or raise maxCampaignAge."),
                    wait);
        }
        List<String> details = new ArrayList<>();
        details.add("Progress: " + Progress.describe(last, config.uploadId()) + ".");
        List<String> ratios = last.calls().total() == 0 ? List.of() : config.rules().stream()
                .map(rule -> RuleResult.judge(rule, last.calls()))
                .map(judged -> judged.rule().subject() + " " + judged.shownActual() + " (limit "
                        + judged.shownLimit() + ")").toList();
        if (!ratios.isEmpty()) {
            details.add("So far: " + String.join(", ", ratios) + "; no breach is certain yet.");
        }
        timeLeft(last, age).ifPresent(left -> details.add("About " + left + " left, from the progress since the"
                + " campaign was created."));
        details.add("Not complete yet: check again later. " + (config.onRunning() == OnRunning.FAIL
                ? "The build fails because onRunning=fail." : "The build passes (onRunning=pass), with nothing"
                        + " released: only PASS means complete and within the rules."));
        String queued = last.totalQueued().map(total -> "/" + total).orElse("");
        return CampaignResult.unjudged(config.campaignId(), Verdict.RUNNING,
                config.onRunning() == OnRunning.FAIL ? BuildOutcome.FAIL : BuildOutcome.PASS,
                "still running: queues " + last.completedQueues(config.uploadId()) + "/"
                        + last.awaitedQueues(config.uploadId()) + " completed, " + last.calls().total() + queued
                        + " calls", details, wait);
    }

    /** "12 min" left at the rate since the campaign was created, or empty when the data supports no estimate. */
    private static java.util.Optional<String> timeLeft(CampaignStatus snapshot, Duration age) {
        Optional<BigInteger> queued = snapshot.totalQueued();
        long made = snapshot.calls().total();
        if (age == null || age.isNegative() || age.isZero() || queued.isEmpty() || made <= 0
                || queued.get().compareTo(BigInteger.valueOf(made)) <= 0 || queued.get().bitLength() > 62) {
            return Optional.empty();
        }
        double left = age.toSeconds() * ((queued.get().doubleValue() - made) / made);
        return Optional.of(Values.formatRounded(Duration.ofSeconds(Math.max(60, Math.round(left / 60) * 60))));
    }

    private CampaignResult timedOut(WaitResult wait) {
        CampaignStatus last = wait.lastSnapshot();
        List<String> details = new ArrayList<>();
        if (last == null) {
            details.add("No snapshot was received" + (wait.error() == null ? "." : "; last error: "
                    + wait.error().getMessage()));
        } else {
            details.add("Last snapshot: " + Progress.describe(last, config.uploadId()) + ".");
        }
        details.add("Raise timeout (-Dosvi.timeout), or set onTimeout=evaluate to judge the rules on the last"
                + " snapshot.");
        return CampaignResult.unjudged(config.campaignId(), Verdict.TIMEOUT, BuildOutcome.ERROR,
                "did not complete within " + Values.format(config.timeout()), details, wait);
    }

    private static String rejection(ApiException error) {
        return switch (error.kind()) {
            case TOKEN_REJECTED -> "the API token was rejected (HTTP 401)";
            case NOT_FOUND -> "the campaign was not found (HTTP 404)";
            case PROXY_AUTHENTICATION -> "the proxy refused the request (HTTP 407)";
            case REDIRECT -> "the API answered with a redirect (HTTP " + error.status() + "), which is never followed";
            case REFUSED -> "the API refused the request (HTTP " + error.status() + ")";
            case TRANSIENT -> error.getMessage();
        };
    }

    private CampaignResult gaveUp(WaitResult wait) {
        String summary = "gave up after " + config.maxConsecutiveErrors() + " consecutive failed polls ("
                + wait.polls() + " polls in " + Values.format(roundedElapsed(wait)) + ")";
        List<String> details = new ArrayList<>();
        details.add("Last error: " + wait.error().getMessage());
        if (config.onError() == OnError.WARN) {
            details.add("The gate could not decide, and the build goes on without a verdict because onError=warn.");
            return CampaignResult.unjudged(config.campaignId(), Verdict.ERROR, BuildOutcome.WARN, summary, details,
                    wait);
        }
        return error(wait, summary, details);
    }

    private CampaignResult error(WaitResult wait, String summary, List<String> details) {
        return CampaignResult.unjudged(config.campaignId(), Verdict.ERROR, BuildOutcome.ERROR, summary, details, wait);
    }

    private static Duration roundedElapsed(WaitResult wait) {
        return Duration.ofSeconds(wait.elapsed().toSeconds());
    }
}
