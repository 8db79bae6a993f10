package ai.osvi.gate.verdict;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Policy.OnError;
import ai.osvi.gate.config.Policy.OnInconclusive;
import ai.osvi.gate.config.Policy.OnRunning;
import ai.osvi.gate.config.Policy.OnTimeout;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.Progress;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.polling.WaitResult.Outcome;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Evidence;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.Outlook;
import ai.osvi.gate.rules.RuleResult;
import ai.osvi.gate.rules.Standing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place a verdict is decided: a pure function of how the wait ended, the configuration and, for a one-shot
 * check, the time it was made. A PASS is the conclusion of the {@link Evidence} checklist, every item true; anything
 * unproven is ERROR, INCONCLUSIVE, TIMEOUT or RUNNING, never a PASS by default.
 */
public final class Decision {

    /** A campaign awaited to the end ({@code await-campaign}), or judged once as it is now ({@code check-campaign}). */
    public enum Mode {
        AWAIT,
        CHECK
    }

    private final GateConfig config;
    private final WaitResult wait;
    private final Mode mode;
    private final Instant now;
    private final CampaignStatus last;
    private final Evidence evidence;
    private final StatusCheck statuses;

    private Decision(WaitResult wait, GateConfig config, Mode mode, Instant now) {
        this.config = config;
        this.wait = wait;
        this.mode = mode;
        this.now = now;
        this.last = wait.lastSnapshot();
        // an advisory rule never changes the verdict, so neither does a status of its own that is spelt otherwise
        this.statuses = last == null
                ? null
                : StatusCheck.of(
                        config.rules().stream().filter(rule -> !rule.advisory()).toList(), last.calls());
        this.evidence = Checklist.of(wait, config, statuses, mode == Mode.CHECK ? now : null);
    }

    /**
     * The verdict of one campaign, with its evidence.
     *
     * @param now the wall clock when the wait ended: a check compares the campaign's {@code created_at} with it
     */
    public static CampaignResult decide(WaitResult wait, GateConfig config, Mode mode, Instant now) {
        return new Decision(wait, config, mode, now).decide();
    }

    /** ERROR for an unexpected exception inside the gate: never a verdict, always with what is known. */
    public static CampaignResult internalError(GateConfig config, WaitResult wait) {
        RuntimeException fault = wait.fault();
        String what = fault == null
                ? "unknown"
                : fault.getClass().getName() + (fault.getMessage() == null ? "" : ": " + fault.getMessage());
        return CampaignResult.unjudged(
                config.campaignId(),
                Verdict.ERROR,
                BuildOutcome.ERROR,
                "the gate failed unexpectedly (" + what + ")",
                List.of("This is a bug in osvi-maven-plugin, not a verdict on the campaign: please report it with this"
                        + " build's JSON report."),
                wait,
                Checklist.of(wait, config, null, null));
    }

    private CampaignResult decide() {
        return switch (wait.outcome()) {
            case COMPLETED, CERTAIN_BREACH, RUNNING -> judge();
            case TIMED_OUT ->
                mode == Mode.CHECK
                        ? noAnswerInTime()
                        : config.onTimeout() == OnTimeout.EVALUATE && last != null ? judge() : timedOut();
            case STALLED ->
                unjudged(
                        Verdict.STALLED,
                        BuildOutcome.ERROR,
                        "no progress for " + Values.format(config.stallTimeout()),
                        List.of(
                                "Last snapshot: " + Progress.describe(last, config.uploadId()) + ".",
                                "Nothing changed for stallTimeout (" + Values.format(config.stallTimeout())
                                        + "). Check the campaign in OSVI, or raise stallTimeout."));
            case INACTIVE ->
                error(
                        "the campaign is inactive with "
                                + (last.awaitedQueues(config.uploadId()) - last.completedQueues(config.uploadId()))
                                + " of " + last.awaitedQueues(config.uploadId()) + " queues incomplete",
                        List.of(
                                "An inactive campaign does not complete on its own. Reactivate it, or set onInactive=wait"
                                        + " (-Dosvi.onInactive=wait) to keep waiting until the timeout."));
            case REJECTED -> error(rejection(wait.error()), List.of(wait.error().getMessage()));
            case GAVE_UP ->
                gaveUp("gave up after " + config.maxConsecutiveErrors() + " consecutive failed polls ("
                        + wait.polls() + " polls in "
                        + Values.format(Duration.ofSeconds(wait.elapsed().toSeconds()))
                        + ")");
            case ABORTED ->
                unjudged(
                        Verdict.ABORTED,
                        BuildOutcome.ERROR,
                        "the gate was aborted before the campaign completed",
                        List.of());
            case INTERNAL_ERROR -> internalError(config, wait);
            case BASELINE_UNUSABLE -> error("the baseline campaign could not be used", List.of());
        };
    }

    /**
     * The last snapshot judged: of a completed campaign, before completion when a breach is certain (failFast, or a
     * check), at the deadline under onTimeout=evaluate, or as it is now for a check. The checks that make data
     * unreadable come first, then the calls' number, then the rules.
     */
    /**
     * An ERROR when the last snapshot cannot be read unambiguously, before any verdict: another campaign's data, a
     * check's campaign created in the future, counts that contradict their total, a rule's status misspelt or
     * reported in a spelling that could be it; {@code null} when it can be judged.
     */
    private CampaignResult unreadable() {
        Long answeredFor = last.campaign().id();
        if (answeredFor != null && answeredFor != config.campaignId()) {
            return error(
                    "the API answered with the data of campaign " + answeredFor + " when asked for campaign "
                            + config.campaignId(),
                    List.of("data.campaign.id is " + answeredFor + ". A proxy, cache or"
                            + " gateway in between may have mixed up the requests: check baseUrl and what sits between"
                            + " this build and the API. The gate never judges one campaign on another's data."));
        }
        CreatedAt created = CreatedAt.of(last.campaign(), now);
        if (mode == Mode.CHECK && created.inTheFuture()) {
            return futureCreatedAt(created);
        }
        CallCounts calls = last.calls();
        if (calls.isInconsistent()) {
            return error(
                    "inconsistent data: data.calls.by_status adds up to " + calls.sumOfStatuses()
                            + " calls, more than data.calls.total (" + calls.total() + ")",
                    List.of("Ratios of counts that contradict their total mean nothing, so the gate does not judge"
                            + " them. Check the campaign in OSVI; report the JSON report's snapshot to OSVI if the"
                            + " API sent this."));
        }
        if (!statuses.misspelt().isEmpty()) {
            return error("a rule names a status the API did not report, probably misspelt", statuses.misspelt());
        }
        if (!statuses.lookalikes().isEmpty()) {
            return error(
                    "the API reported a status of a rule in another spelling: "
                            + String.join(
                                    ", ",
                                    statuses.lookalikes().stream()
                                            .map(StatusCheck.Lookalike::pair)
                                            .distinct()
                                            .toList()),
                    statuses.lookalikes().stream()
                            .map(StatusCheck.Lookalike::message)
                            .distinct()
                            .toList());
        }
        return null;
    }

    private CampaignResult judge() {
        CampaignResult unreadable = unreadable();
        if (unreadable != null) {
            return unreadable;
        }
        CallCounts calls = last.calls();
        long total = calls.total();
        List<String> details = new ArrayList<>();
        if (wait.outcome() == Outcome.RUNNING && total < Math.max(1, config.minCalls())) {
            return running(List.of());
        }
        if (total < config.minCalls()) {
            details.add("Only " + Counts.calls(total) + (total == 1 ? " was" : " were") + " made, fewer than minCalls ("
                    + config.minCalls() + "): too few to judge, so this is never a pass.");
            return judged(
                    Verdict.INCONCLUSIVE,
                    config.onInconclusive() == OnInconclusive.FAIL ? BuildOutcome.FAIL : BuildOutcome.WARN,
                    Counts.calls(total) + ", fewer than minCalls=" + config.minCalls() + notCompleted(),
                    details,
                    List.of());
        }
        Outlook outlook = Outlook.of(last, config.uploadId());
        List<RuleResult> results = JudgedRules.of(config, last);
        List<RuleResult> failures = results.stream()
                .filter(result -> result.fails()
                        || (!result.rule().advisory() && wait.outcome() == Outcome.TIMED_OUT && !result.passed()))
                .toList();
        if (!failures.isEmpty()) {
            return failed(results, failures, details);
        }
        if (outlook.complete()) {
            return passed(results, details);
        }
        return switch (wait.outcome()) {
            case TIMED_OUT -> heldWithoutCompleting(results, details);
            case RUNNING -> running(results);
            // CERTAIN_BREACH comes only with a rule certain to be breached, COMPLETED only with every queue completed
            default ->
                throw new IllegalStateException("no rule breached for certain on a snapshot judged before"
                        + " completion (" + wait.outcome() + ")");
        };
    }

    private CampaignResult failed(List<RuleResult> results, List<RuleResult> failures, List<String> details) {
        long soFar = results.stream()
                .filter(result -> result.standing() == Standing.BREACHED_SO_FAR
                        && !result.rule().advisory()
                        && !failures.contains(result))
                .count();
        if (wait.outcome() != Outcome.COMPLETED && failures.stream().anyMatch(r -> r.standing() == Standing.CERTAIN)) {
            details.add("Decided before completion: "
                    + Outlook.maxPossibleCalls(last)
                            .map(most ->
                                    "with at most " + most + " calls in all (total_queued times 1 + retry_threshold), ")
                            .orElse("")
                    + "no way of completing the remaining calls brings the certain breaches back within their limits.");
        } else if (wait.outcome() == Outcome.TIMED_OUT) {
            details.add("The campaign did not complete within " + Values.format(config.timeout())
                    + "; the rules were judged on the last snapshot (onTimeout=evaluate).");
        }
        failures.forEach(breach -> details.add(breach.breachMessage()));
        results.stream()
                .filter(result -> result.standing() == Standing.BREACHED_SO_FAR
                        && !result.rule().advisory()
                        && !failures.contains(result))
                .forEach(result -> details.add(result.breachMessage()));
        addAdvisoryBreaches(results, details);
        return judged(
                Verdict.FAIL,
                config.failBuild() ? BuildOutcome.FAIL : BuildOutcome.WARN,
                failures.size() + " of " + rules(gating(results)) + " breached on "
                        + Counts.calls(last.calls().total())
                        + notCompleted() + (soFar == 0 ? "" : "; " + soFar + " more breached so far")
                        + advisorySummary(results),
                details,
                results);
    }

    /** Completed, enough calls, no rule breached: a PASS only when every item of the checklist holds. */
    private CampaignResult passed(List<RuleResult> results, List<String> details) {
        if (!evidence.allHold()) {
            Evidence.Check unproven = evidence.firstUnproven().orElseThrow();
            List<String> why = new ArrayList<>();
            if (unproven.item() == Evidence.Item.CALLS_ACCOUNTED_FOR) {
                why.add("A call in no status could be in any: a rule cannot be proven on calls it cannot see."
                        + " Check the campaign in OSVI; report the JSON report's snapshot to OSVI if the API sent"
                        + " this.");
            }
            results.stream()
                    .filter(result -> result.standing() == Standing.UNDECIDED)
                    .forEach(result -> why.add("Rule '" + result.rule().describe() + "' is " + result.shownActual()
                            + " on the calls in by_status,"
                            + " but the calls in no status could put it on either side of its limit."));
            return judged(
                    Verdict.ERROR,
                    BuildOutcome.ERROR,
                    "not proven: " + unproven.item().claim() + " (" + unproven.numbers() + ")",
                    why,
                    results);
        }
        addAdvisoryBreaches(results, details);
        if (gating(results) == 0) {
            details.add("No rule is configured, so nothing was gated: set maxFailureRatio or thresholds.");
            return judged(
                    Verdict.PASS,
                    BuildOutcome.WARN,
                    "completed with " + Counts.calls(last.calls().total()) + "; no rule configured"
                            + advisorySummary(results),
                    details,
                    results);
        }
        return judged(
                Verdict.PASS,
                BuildOutcome.SUCCESS,
                gating(results) + " of " + rules(gating(results)) + " passed on "
                        + Counts.calls(last.calls().total()) + advisorySummary(results),
                details,
                results);
    }

    /**
     * onTimeout=evaluate, and no rule breached on the last snapshot: TIMEOUT, never PASS (later jobs read PASS as
     * "completed and within the rules"), the rules judged attached; the build goes on with a warning, as chosen.
     */
    private CampaignResult heldWithoutCompleting(List<RuleResult> results, List<String> details) {
        int judged = gating(results);
        addAdvisoryBreaches(results, details);
        String calls = Counts.calls(last.calls().total());
        details.add("The campaign did not complete within " + Values.format(config.timeout())
                + "; the rules were judged on the last snapshot (onTimeout=evaluate).");
        if (judged == 0) {
            details.add("No rule is configured, so nothing was gated: set maxFailureRatio or thresholds.");
        }
        details.add((judged == 0 ? "The campaign" : "The rules held on the last snapshot, but the campaign")
                + " did not complete, so this is not a PASS: the build goes on with a warning because"
                + " onTimeout=evaluate. Raise timeout (-Dosvi.timeout) to judge the completed campaign.");
        return judged(
                Verdict.TIMEOUT,
                BuildOutcome.WARN,
                "did not complete within " + Values.format(config.timeout()) + "; "
                        + (judged == 0
                                ? calls + " on the last snapshot, no rule configured"
                                : judged + " of " + rules(judged) + " held on the last snapshot (" + calls + ")")
                        + advisorySummary(results),
                details,
                results);
    }

    /**
     * A one-shot check of a campaign not complete: RUNNING with the progress so far; TIMEOUT when older than
     * maxCampaignAge; ERROR when its {@code created_at} cannot be read where the age is needed, or lies in the future.
     */
    private CampaignResult running(List<RuleResult> results) {
        CreatedAt created = CreatedAt.of(last.campaign(), now);
        if (config.maxCampaignAge() != null && created.age() == null) {
            return error(
                    "the campaign's age is unknown",
                    List.of("maxCampaignAge needs data.campaign.created_at, a"
                            + " date-time with an offset, "
                            + (created.text() == null
                                    ? "which the API did not send"
                                    : "but the API sent '" + created.text() + "', " + created.problem())
                            + ". Check the campaign in OSVI, or leave maxCampaignAge unset."));
        }
        if (config.maxCampaignAge() != null && created.age().compareTo(config.maxCampaignAge()) > 0) {
            return unjudged(
                    Verdict.TIMEOUT,
                    BuildOutcome.ERROR,
                    "not complete "
                            + Values.format(Duration.ofSeconds(created.age().toSeconds()))
                            + " after it was created, more than maxCampaignAge "
                            + Values.format(config.maxCampaignAge()),
                    List.of(
                            "Last snapshot: " + Progress.describe(last, config.uploadId()) + ".",
                            "Created at " + created.text() + ". Check the campaign in OSVI, or raise"
                                    + " maxCampaignAge."));
        }
        List<String> details = runningDetails(created, results);
        String queued = last.totalQueued().map(totalQueued -> "/" + totalQueued).orElse("");
        return judged(
                Verdict.RUNNING,
                config.onRunning() == OnRunning.FAIL ? BuildOutcome.FAIL : BuildOutcome.SUCCESS,
                "still running: queues " + last.completedQueues(config.uploadId()) + "/"
                        + last.awaitedQueues(config.uploadId()) + " completed, "
                        + last.calls().total() + queued
                        + " calls",
                details,
                results);
    }

    /** What a RUNNING check says: the progress, the rules so far, the time left, and what the build does. */
    private List<String> runningDetails(CreatedAt created, List<RuleResult> results) {
        List<String> details = new ArrayList<>();
        details.add("Progress: " + Progress.describe(last, config.uploadId()) + ".");
        if (!results.isEmpty()) {
            details.add("So far: "
                    + String.join(
                            ", ",
                            results.stream()
                                    .map(judged -> judged.rule().subject() + " "
                                            + judged.shownActual() + " (limit " + judged.shownLimit() + ", "
                                            + judged.words()
                                            + ")")
                                    .toList())
                    + "; no breach is certain yet.");
        }
        if (created.text() != null && created.age() == null) {
            details.add("The campaign's created_at '" + created.text() + "' could not be read (" + created.problem()
                    + "), so its age is unknown.");
        }
        created.timeLeft(last)
                .ifPresent(left ->
                        details.add("About " + left + " left, from the progress since the" + " campaign was created."));
        details.add("Not complete yet: check again later. "
                + (config.onRunning() == OnRunning.FAIL
                        ? "The build fails because onRunning=fail."
                        : "The build passes (onRunning=pass), with nothing"
                                + " released: only PASS means complete and within the rules."));
        return details;
    }

    /**
     * A check reads a campaign's age from its {@code created_at}: one that has not come yet means the data, or this
     * machine's clock, is wrong, and a schedule of checks would otherwise say RUNNING until then.
     */
    private CampaignResult futureCreatedAt(CreatedAt created) {
        return error(
                "the campaign's data.campaign.created_at " + created.text() + " is in the future",
                List.of("The API says the campaign was created at " + created.text() + ", "
                        + Values.format(
                                Duration.ofSeconds(created.age().negated().toSeconds()))
                        + " after this check's clock (" + now + "). A campaign cannot be judged by its age from a"
                        + " date that has not come: check the campaign in OSVI, and this machine's clock."));
    }

    private CampaignResult timedOut() {
        List<String> details = new ArrayList<>();
        if (last == null) {
            details.add("No snapshot was received"
                    + (wait.error() == null
                            ? "."
                            : "; last error: " + wait.error().getMessage()));
            if (neverAnswered()) {
                details.add(neverAnsweredDetail());
            }
        } else {
            details.add("Last snapshot: " + Progress.describe(last, config.uploadId()) + ".");
        }
        details.add("Raise timeout (-Dosvi.timeout), or set onTimeout=evaluate to judge the rules on the last"
                + " snapshot.");
        return unjudged(
                Verdict.TIMEOUT,
                BuildOutcome.ERROR,
                "did not complete within " + Values.format(config.timeout())
                        + (neverAnswered() ? neverAnsweredSummary() : ""),
                details);
    }

    /**
     * A check that got no usable answer within requestTimeout: the API's fault or the network's, never the
     * campaign's, so ERROR under onError, not TIMEOUT (which a check keeps for maxCampaignAge).
     */
    private CampaignResult noAnswerInTime() {
        return gaveUp("no answer from the API within requestTimeout " + Values.format(config.requestTimeout()) + " ("
                + wait.polls() + (wait.polls() == 1 ? " request" : " requests") + ")");
    }

    private CampaignResult gaveUp(String summary) {
        List<String> details = new ArrayList<>();
        details.add(
                wait.error() == null
                        ? "No answer came in time."
                        : "Last error: " + wait.error().getMessage());
        if (neverAnswered()) {
            summary += neverAnsweredSummary();
            details.add(neverAnsweredDetail());
        }
        if (config.onError() == OnError.WARN) {
            details.add("The gate could not decide, and the build goes on without a verdict because onError=warn.");
            return unjudged(Verdict.ERROR, BuildOutcome.WARN, summary, details);
        }
        return error(summary, details);
    }

    /** Whether polls were made and none brought a snapshot: the API was never reached, or never answered usably. */
    private boolean neverAnswered() {
        return last == null && wait.polls() > 0 && wait.error() != null;
    }

    /** "; no poll ever succeeded: check baseUrl http://... (and the proxy ...)". */
    private String neverAnsweredSummary() {
        return "; no poll ever succeeded: check baseUrl " + config.baseUrl()
                + proxy().map(p -> " and the proxy " + p).orElse("");
    }

    /** What was tried, and what to check: when no poll ever succeeded, the configuration is the likely cause. */
    private String neverAnsweredDetail() {
        return "No poll ever succeeded: " + wait.polls() + (wait.polls() == 1 ? " request" : " requests") + " to GET "
                + config.baseUrl() + "v1/campaigns/" + config.campaignId() + "/status in "
                + Values.format(Duration.ofSeconds(wait.elapsed().toSeconds())) + ", "
                + wait.error().route().orElse("directly") + ", got no snapshot. That is more often the configuration"
                + " than an outage: check baseUrl (osvi.baseUrl) " + config.baseUrl() + " (host, port, http or"
                + " https)"
                + proxy().map(p -> ", the proxy " + p + " (settings.xml <proxies>)")
                        .orElse("")
                + ", and that this machine reaches it (curl " + config.baseUrl() + ").";
    }

    /** The proxy the requests went through, when the source said so. */
    private Optional<String> proxy() {
        return wait.error() == null
                ? Optional.empty()
                : wait.error()
                        .route()
                        .filter(route -> route.startsWith("through the proxy "))
                        .map(route -> route.substring("through the proxy ".length()));
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

    private CampaignResult error(String summary, List<String> details) {
        return unjudged(Verdict.ERROR, BuildOutcome.ERROR, summary, details);
    }

    private CampaignResult unjudged(Verdict verdict, BuildOutcome outcome, String summary, List<String> details) {
        return CampaignResult.unjudged(config.campaignId(), verdict, outcome, summary, details, wait, evidence);
    }

    private CampaignResult judged(
            Verdict verdict, BuildOutcome outcome, String summary, List<String> details, List<RuleResult> results) {
        return new CampaignResult(
                config.campaignId(), verdict, outcome, summary, details, true, results, wait, evidence);
    }

    private String notCompleted() {
        return switch (wait.outcome()) {
            case COMPLETED -> "";
            case CERTAIN_BREACH -> " (certain before completion)";
            case RUNNING -> " (not completed)";
            default -> " (last snapshot, not completed)";
        };
    }

    /** "1 rule", "2 rules". */
    private static String rules(int count) {
        return count + (count == 1 ? " rule" : " rules");
    }

    /** How many of {@code results} decide the verdict. */
    private static int gating(List<RuleResult> results) {
        return (int)
                results.stream().filter(result -> !result.rule().advisory()).count();
    }

    /** "; advisory: 1 of 2 breached", "...breached so far", or nothing when no advisory rule is beyond its limit. */
    private static String advisorySummary(List<RuleResult> results) {
        List<RuleResult> advisory =
                results.stream().filter(result -> result.rule().advisory()).toList();
        long breached = advisory.stream().filter(RuleResult::breachedAdvisory).count();
        long soFar = advisory.stream()
                .filter(result -> result.breachedAdvisory() && result.standing() == Standing.BREACHED_SO_FAR)
                .count();
        return breached == 0
                ? ""
                : "; advisory: " + breached + " of " + advisory.size() + " breached"
                        + (soFar == breached ? " so far" : soFar > 0 ? " (" + soFar + " so far)" : "");
    }

    /**
     * One line for each advisory rule beyond its limit, or undecided, which reports it without changing the verdict.
     */
    private void addAdvisoryBreaches(List<RuleResult> results, List<String> details) {
        results.stream()
                .filter(RuleResult::breachedAdvisory)
                .forEach(result -> details.add("Advisory, " + result.standing().words() + ": " + result.breachMessage()
                        + "; it does not change the verdict."));
        results.stream()
                .filter(result -> result.rule().advisory() && result.standing() == Standing.UNDECIDED)
                .forEach(result -> details.add(
                        "Advisory, undecided: " + undecidedBecause(result) + "; it does not change the verdict."));
    }

    private String undecidedBecause(RuleResult result) {
        StatusCheck check = StatusCheck.of(List.of(result.rule()), last.calls());
        return check.lookalikes().isEmpty()
                ? String.join(" ", check.misspelt())
                : check.lookalikes().get(0).message();
    }
}
