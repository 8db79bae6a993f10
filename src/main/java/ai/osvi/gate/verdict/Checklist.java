package ai.osvi.gate.verdict;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.polling.WaitResult.Outcome;
import ai.osvi.gate.result.Evidence;
import ai.osvi.gate.result.Evidence.Check;
import ai.osvi.gate.result.Evidence.Item;
import ai.osvi.gate.rules.Rule;
import ai.osvi.gate.rules.RuleResult;
import ai.osvi.gate.rules.Standing;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Each item of the {@link Evidence} a PASS needs, checked on how the wait ended, with its numbers. */
final class Checklist {

    private Checklist() {}

    /**
     * @param statuses the check of the rules' statuses on the last snapshot, {@code null} when there is none
     * @param checkedAt the clock of a one-shot check, which the campaign's created_at must not pass; {@code null} for
     *                  a wait
     */
    static Evidence of(WaitResult wait, GateConfig config, StatusCheck statuses, Instant checkedAt) {
        CampaignStatus last = wait.lastSnapshot();
        List<Check> checks = new ArrayList<>();
        checks.add(campaignMatched(last, config, checkedAt));
        checks.add(queuesCompleted(last, config));
        checks.add(snapshotInTime(wait, config));
        checks.add(callsAccountedFor(last));
        checks.add(statusesMatched(last, config, statuses));
        checks.add(enoughCalls(last, config));
        checks.add(configurationStrict(config));
        checks.add(rulesHeld(last, config, statuses));
        return new Evidence(checks);
    }

    private static Check campaignMatched(CampaignStatus last, GateConfig config, Instant checkedAt) {
        if (last == null) {
            return new Check(Item.CAMPAIGN_MATCHED, false, "no snapshot received");
        }
        Long id = last.campaign().id();
        if (id != null && id != config.campaignId()) {
            return new Check(
                    Item.CAMPAIGN_MATCHED, false, "data.campaign.id " + id + ", asked for " + config.campaignId());
        }
        if (checkedAt != null && CreatedAt.of(last.campaign(), checkedAt).inTheFuture()) {
            return new Check(
                    Item.CAMPAIGN_MATCHED,
                    false,
                    "created_at " + last.campaign().createdAtText() + " is after this check's clock " + checkedAt);
        }
        return new Check(
                Item.CAMPAIGN_MATCHED,
                true,
                "campaign " + (id == null ? config.campaignId() + " (the API" + " sent no data.campaign.id)" : id));
    }

    private static Check queuesCompleted(CampaignStatus last, GateConfig config) {
        if (last == null) {
            return new Check(Item.QUEUES_COMPLETED, false, "no snapshot received");
        }
        List<Long> withoutQueues = last.uploadsWithoutQueue(config.uploadId());
        int awaited = last.awaitedQueues(config.uploadId());
        String numbers = last.completedQueues(config.uploadId()) + "/" + awaited + " queues completed"
                + (withoutQueues.isEmpty() ? "" : ", uploads without queues: " + withoutQueues)
                + (config.uploadId().isPresent()
                                && !last.hasUpload(config.uploadId().getAsLong())
                        ? ", no upload " + config.uploadId().getAsLong()
                        : "");
        return new Check(Item.QUEUES_COMPLETED, last.isComplete(config.uploadId()), numbers);
    }

    /** The waiter ends COMPLETED only on an answer received before the deadline; later answers are never used. */
    private static Check snapshotInTime(WaitResult wait, GateConfig config) {
        if (wait.lastSnapshot() == null) {
            return new Check(Item.SNAPSHOT_IN_TIME, false, "no snapshot received");
        }
        Duration receivedAfter = wait.timeline().points().isEmpty()
                ? wait.elapsed()
                : wait.timeline()
                        .points()
                        .get(wait.timeline().points().size() - 1)
                        .elapsed();
        // the waiter ends COMPLETED only on an answer it accepted before the deadline
        boolean inTime = wait.outcome() == Outcome.COMPLETED && receivedAfter.compareTo(config.timeout()) <= 0;
        return new Check(
                Item.SNAPSHOT_IN_TIME,
                inTime,
                "received after " + Values.format(Duration.ofSeconds(receivedAfter.toSeconds())) + ", timeout "
                        + Values.format(config.timeout())
                        + (wait.outcome() == Outcome.TIMED_OUT ? ", the deadline passed before completion" : ""));
    }

    private static Check callsAccountedFor(CampaignStatus last) {
        if (last == null) {
            return new Check(Item.CALLS_ACCOUNTED_FOR, false, "no snapshot received");
        }
        CallCounts calls = last.calls();
        BigInteger sum = calls.sumOfStatuses();
        int comparison = sum.compareTo(BigInteger.valueOf(calls.total()));
        return new Check(
                Item.CALLS_ACCOUNTED_FOR,
                comparison == 0,
                comparison == 0
                        ? "by_status sums to " + calls.total() + " = calls.total"
                        : "by_status sums to " + sum + ", calls.total is " + calls.total()
                                + (comparison < 0
                                        ? ": "
                                                + BigInteger.valueOf(calls.total())
                                                        .subtract(sum) + " calls in no status"
                                        : ": more calls by status than in all"));
    }

    private static Check statusesMatched(CampaignStatus last, GateConfig config, StatusCheck statuses) {
        if (last == null) {
            return new Check(Item.STATUSES_MATCHED, false, "no snapshot received");
        }
        if (!statuses.misspelt().isEmpty()) {
            return new Check(
                    Item.STATUSES_MATCHED,
                    false,
                    statuses.misspelt().size() + " status"
                            + (statuses.misspelt().size() == 1 ? "" : "es") + " of a rule probably misspelt");
        }
        if (!statuses.lookalikes().isEmpty()) {
            return new Check(
                    Item.STATUSES_MATCHED,
                    false,
                    "reported "
                            + String.join(
                                    ", ",
                                    statuses.lookalikes().stream()
                                            .map(StatusCheck.Lookalike::pair)
                                            .toList()));
        }
        List<String> each = new ArrayList<>();
        for (Rule rule :
                config.rules().stream().filter(rule -> !rule.advisory()).toList()) {
            for (String status : rule.statuses()) {
                String shown = last.calls().byStatus().containsKey(status)
                        ? status + " " + Counts.calls(last.calls().count(status))
                        : status + " not reported, nothing reported could be it";
                if (!each.contains(shown)) {
                    each.add(shown);
                }
            }
        }
        return new Check(Item.STATUSES_MATCHED, true, each.isEmpty() ? "no rule" : String.join("; ", each));
    }

    private static Check enoughCalls(CampaignStatus last, GateConfig config) {
        long total = last == null ? 0 : last.calls().total();
        return new Check(
                Item.ENOUGH_CALLS,
                last != null && total >= config.minCalls(),
                (last == null ? "no snapshot received" : Counts.calls(total)) + ", minCalls " + config.minCalls());
    }

    /**
     * Every value was parsed strictly before the first request, or the gate would not have started; checked again
     * here on what decides: each rule a plain status key and a limit within 0 to 100 %.
     */
    private static Check configurationStrict(GateConfig config) {
        boolean strict = config.rules().stream()
                .allMatch(rule -> !rule.statuses().isEmpty()
                        && rule.statuses().stream().allMatch(Values::isStatusKey)
                        && (rule.isRelative()
                                ? rule.limit() != null
                                : rule.limit().isWithinZeroAndOne()));
        return new Check(
                Item.CONFIGURATION_STRICT,
                strict,
                config.rules().isEmpty()
                        ? "no rule (completionOnly), minCalls " + config.minCalls()
                        : config.rules().size() + (config.rules().size() == 1 ? " rule: " : " rules: ")
                                + String.join(
                                        ", ",
                                        config.rules().stream()
                                                .map(rule -> rule.describe() + " (" + rule.origin() + ")")
                                                .toList())
                                + "; minCalls " + config.minCalls() + ", failBuild " + config.failBuild());
    }

    private static Check rulesHeld(CampaignStatus last, GateConfig config, StatusCheck statuses) {
        if (last == null || last.calls().total() <= 0 || last.calls().total() < config.minCalls()) {
            return new Check(
                    Item.RULES_HELD,
                    false,
                    last == null
                            ? "no snapshot received"
                            : "not judged on " + Counts.calls(last.calls().total()));
        }
        if (config.rules().isEmpty()) {
            return new Check(Item.RULES_HELD, true, "no rule configured");
        }
        if (!statuses.matched()) {
            return new Check(Item.RULES_HELD, false, "not judged: a status of a rule was not matched exactly");
        }
        List<RuleResult> results = JudgedRules.of(config, last);
        return new Check(
                Item.RULES_HELD,
                results.stream().filter(r -> !r.rule().advisory()).allMatch(r -> r.standing() == Standing.HELD),
                String.join(
                        ", ",
                        results.stream()
                                .map(r -> r.rule().subject() + " " + r.shownActual() + " " + r.shownLimit() + " "
                                        + r.words())
                                .toList()));
    }
}
