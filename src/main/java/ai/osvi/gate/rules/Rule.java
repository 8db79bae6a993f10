package ai.osvi.gate.rules;

import ai.osvi.gate.model.CallCounts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A threshold on the share of calls in some statuses: {@code (sum of counts of statuses) / calls.total OP limit}.
 *
 * @param statuses the {@code by_status} keys whose counts are summed
 * @param origin   where the rule was configured, e.g. {@code maxFailureRatio} or {@code thresholds}
 */
public record Rule(List<String> statuses, Operator operator, Ratio limit, String origin) {

    public Rule {
        statuses = List.copyOf(statuses);
    }

    /** "failed" or "failed+not_picked". */
    public String subject() {
        return String.join("+", statuses);
    }

    /** {@code "failed <= 5%"}. */
    public String describe() {
        return subject() + " " + operator.symbol() + " " + limit;
    }

    /** Judges the rule on {@code calls}; requires {@code calls.total() > 0}. */
    public RuleResult evaluate(CallCounts calls) {
        if (calls.total() <= 0) {
            throw new IllegalArgumentException("a ratio needs at least one call");
        }
        BigInteger count = calls.sum(statuses);
        // Exact: count / total OP limit  <=>  count OP limit * total
        int comparison = new BigDecimal(count).compareTo(limit.value().multiply(BigDecimal.valueOf(calls.total())));
        boolean passed = operator.holds(comparison);
        BigDecimal actual = Percentages.consistentRatio(count, calls.total(), 3, List.of(this));
        return new RuleResult(this, count, calls.total(), actual, passed);
    }
}
