package ai.osvi.gate.rules;

import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which rules are already certain to be breached, whatever the remaining calls do. Assumes that counts only grow
 * and that the campaign makes at most {@code total_queued} calls per queue, times {@code 1 + retry_threshold} when
 * retries are enabled: so the final total is at most that bound, an upper-bound rule ends at least at
 * count / bound, and a lower-bound rule at most at (count + calls still possible) / bound. All arithmetic is exact.
 */
public final class EarlyVerdict {

    private EarlyVerdict() {
    }

    /** The most calls the campaign can make in all, or empty when the snapshot does not say enough. */
    public static Optional<BigInteger> maxPossibleCalls(CampaignStatus snapshot) {
        Optional<BigInteger> total = snapshot.totalQueued();
        if (total.isEmpty() || total.get().signum() == 0) {
            return Optional.empty();
        }
        Campaign campaign = snapshot.campaign();
        BigInteger attempts = BigInteger.ONE;
        if (!Boolean.FALSE.equals(campaign.retryEnabled())) {
            // Retries on, or not said: the bound needs to know how many there may be.
            if (campaign.retryThreshold() == null || campaign.retryThreshold() < 0) {
                return Optional.empty();
            }
            attempts = attempts.add(BigInteger.valueOf(campaign.retryThreshold()));
        }
        return Optional.of(total.get().multiply(attempts));
    }

    /** The rules certain to be breached at the end, judged on the current counts. */
    public static List<RuleResult> certainBreaches(List<Rule> rules, CallCounts calls, BigInteger maxPossibleCalls) {
        List<RuleResult> breaches = new ArrayList<>();
        BigInteger total = BigInteger.valueOf(calls.total());
        if (calls.total() <= 0 || total.compareTo(maxPossibleCalls) > 0 || calls.isInconsistent()) {
            return breaches; // nothing to judge yet, or the bound's assumption (or the data) does not hold
        }
        for (Rule rule : rules) {
            BigInteger count = calls.sum(rule.statuses());
            BigInteger best = rule.operator().isUpperBound() ? count : count.add(maxPossibleCalls.subtract(total));
            int comparison = new BigDecimal(best)
                    .compareTo(rule.limit().value().multiply(new BigDecimal(maxPossibleCalls)));
            if (!rule.operator().holds(comparison)) {
                breaches.add(RuleResult.judge(rule, calls));
            }
        }
        return breaches;
    }
}
