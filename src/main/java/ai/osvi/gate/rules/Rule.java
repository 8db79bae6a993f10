package ai.osvi.gate.rules;

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
}
