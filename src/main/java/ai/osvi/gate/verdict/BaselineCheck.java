package ai.osvi.gate.verdict;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.Ratio;
import ai.osvi.gate.rules.Rule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether a snapshot of the baseline campaign can give the rules relative to it their limits: the same evidence a PASS
 * needs of the campaign judged (its own data, complete, enough calls, every call in a status, each status matched
 * exactly), since a limit drawn from unproven data is an unproven limit.
 */
public final class BaselineCheck {

    private BaselineCheck() {}

    /** What makes {@code snapshot} unusable as the baseline of {@code config}'s rules, or empty when it can serve. */
    public static Optional<String> problem(CampaignStatus snapshot, GateConfig config) {
        long baseline = config.baseline().campaignId();
        Long id = snapshot.campaign().id();
        if (id != null && id != baseline) {
            return Optional.of(
                    "the API answered with the data of campaign " + id + " when asked for campaign " + baseline);
        }
        if (!snapshot.isComplete(OptionalLong.empty())) {
            return Optional.of("it is not complete (" + snapshot.completedQueues(OptionalLong.empty()) + "/"
                    + snapshot.awaitedQueues(OptionalLong.empty()) + " queues completed): a baseline must be a"
                    + " finished campaign, such as the last release's");
        }
        CallCounts calls = snapshot.calls();
        if (calls.total() < config.minCalls()) {
            return Optional.of("it has " + Counts.calls(calls.total()) + ", fewer than minCalls " + config.minCalls()
                    + ": too few to compare with");
        }
        BigInteger sum = calls.sumOfStatuses();
        if (sum.compareTo(BigInteger.valueOf(calls.total())) != 0) {
            return Optional.of("its by_status accounts for " + sum + " of its " + Counts.calls(calls.total())
                    + ", so its ratios are not known");
        }
        List<Rule> relative = config.rules().stream().filter(Rule::isRelative).toList();
        StatusCheck statuses = StatusCheck.of(relative, calls);
        if (!statuses.lookalikes().isEmpty()) {
            return Optional.of(
                    "in its by_status, " + statuses.lookalikes().get(0).message());
        }
        if (!statuses.misspelt().isEmpty()) {
            return Optional.of("in its by_status, " + statuses.misspelt().get(0));
        }
        for (Rule rule : relative) {
            // 0 % from a baseline that reports none of the statuses makes a lower bound hold for any campaign
            if (!rule.operator().isUpperBound() && rule.statuses().stream().noneMatch(calls.byStatus()::containsKey)) {
                return Optional.of("it reports none of the statuses of rule '" + rule.describe() + "' (its by_status"
                        + " has " + String.join(", ", calls.byStatus().keySet()) + "), so that rule would hold for"
                        + " any campaign: check how OSVI names the status, or write the rule with a fixed limit");
            }
        }
        return Optional.empty();
    }

    /** "completed, 1000 calls; failed 5.1%, picked 80%": the baseline's values the rules compare with. */
    public static String describe(CampaignStatus snapshot, GateConfig config) {
        CallCounts calls = snapshot.calls();
        List<String> values = config.rules().stream()
                .filter(Rule::isRelative)
                .map(Rule::subject)
                .distinct()
                .map(subject -> subject + " "
                        + Ratio.fraction(
                                new BigDecimal(calls.sum(List.of(subject.split("\\+")))),
                                BigInteger.valueOf(calls.total())))
                .toList();
        return "completed, " + Counts.calls(calls.total()) + "; " + String.join(", ", values);
    }

    /**
     * ERROR for a campaign whose baseline could not be read or cannot serve: its rules have no limit, so it is not
     * awaited, and the message names the baseline campaign and what is missing.
     *
     * @param problem "it is not complete (2/3 queues completed)...", or why it could not be read
     * @param read    how the reading of the baseline ended: its polls, its error
     */
    public static CampaignResult unusable(GateConfig config, String problem, WaitResult read) {
        long baseline = config.baseline().campaignId();
        WaitResult notAwaited =
                new WaitResult(WaitResult.Outcome.BASELINE_UNUSABLE, null, read.error(), 0, 0, Duration.ZERO);
        return CampaignResult.unjudged(
                config.campaignId(),
                Verdict.ERROR,
                BuildOutcome.ERROR,
                "the baseline campaign " + baseline + " cannot be used: " + problem,
                List.of(
                        "The rules "
                                + String.join(
                                        ", ",
                                        config.rules().stream()
                                                .filter(Rule::isRelative)
                                                .map(Rule::describe)
                                                .toList())
                                + " compare with baseline campaign " + baseline
                                + " (baselineCampaignId), so campaign " + config.campaignId() + " was not awaited.",
                        "Name a completed campaign with at least minCalls calls (" + config.minCalls()
                                + "), such as the last release's, in baselineCampaignId (-Dosvi.baselineCampaignId),"
                                + " or write these rules with fixed limits."),
                notAwaited,
                Checklist.of(notAwaited, config, null, null));
    }
}
