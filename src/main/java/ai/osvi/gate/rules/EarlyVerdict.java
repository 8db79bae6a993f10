package ai.osvi.gate.rules;

import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Which rules are already certain to be breached, whatever the remaining calls do. Assumes that counts only grow
 * and that the campaign makes at most {@code total_queued} calls per queue, times {@code 1 + retry_threshold} when
 * retries are enabled: so the final total is at most that bound, an upper-bound rule ends at least at
 * count / bound, and a lower-bound rule at most at (count + calls still possible) / bound.
 */
public final class EarlyVerdict {

    private EarlyVerdict() {
    }

    /** The most calls the campaign can make in all, or empty when the snapshot does not say enough. */
    public static OptionalLong maxPossibleCalls(CampaignStatus snapshot) {
        OptionalLong total = snapshot.totalQueued();
        if (total.isEmpty()) {
            return OptionalLong.empty();
        }
        long queued = total.getAsLong();
        Campaign campaign = snapshot.campaign();
        long attempts = 1;
        if (!Boolean.FALSE.equals(campaign.retryEnabled())) {
            // Retries on, or not said: the bound needs to know how many there may be.
            if (campaign.retryThreshold() == null || campaign.retryThreshold() < 0) {
                return OptionalLong.empty();
            }
            attempts += campaign.retryThreshold();
        }
        return queued == 0 ? OptionalLong.empty() : OptionalLong.of(Math.multiplyExact(queued, attempts));
    }

    /** The rules certain to be breached at the end, judged on the current counts. */
    public static List<RuleResult> certainBreaches(List<Rule> rules, CallCounts calls, long maxPossibleCalls) {
        List<RuleResult> breaches = new ArrayList<>();
        if (calls.total() <= 0 || calls.total() > maxPossibleCalls) {
            return breaches; // nothing to judge yet, or the bound's assumption does not hold
        }
        for (Rule rule : rules) {
            long count = rule.statuses().stream().mapToLong(calls::count).sum();
            long best = rule.operator().isUpperBound() ? count : count + (maxPossibleCalls - calls.total());
            int comparison = BigDecimal.valueOf(best)
                    .compareTo(rule.limit().value().multiply(BigDecimal.valueOf(maxPossibleCalls)));
            if (!rule.operator().holds(comparison)) {
                breaches.add(rule.evaluate(calls));
            }
        }
        return breaches;
    }
}
