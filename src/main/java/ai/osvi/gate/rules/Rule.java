package ai.osvi.gate.rules;

import java.util.List;

/**
 * A threshold on the share of calls in some statuses: {@code (sum of counts of statuses) / calls.total OP limit}.
 *
 * @param statuses the {@code by_status} keys whose counts are summed
 * @param origin   where the rule was configured, e.g. {@code maxFailureRatio} or {@code thresholds}
 * @param advisory whether it is judged and reported only, never changing the verdict or the build
 */
public record Rule(List<String> statuses, Operator operator, Ratio limit, String origin, boolean advisory) {

    /** How a rule is marked advisory, after its limit: {@code failed <= 2% (advisory)}. */
    public static final String ADVISORY = "(advisory)";

    public Rule {
        statuses = List.copyOf(statuses);
    }

    /** A rule that decides the verdict. */
    public Rule(List<String> statuses, Operator operator, Ratio limit, String origin) {
        this(statuses, operator, limit, origin, false);
    }

    /** "failed" or "failed+not_picked". */
    public String subject() {
        return String.join("+", statuses);
    }

    /** {@code "failed <= 5%"}, or {@code "failed <= 2% (advisory)"}. */
    public String describe() {
        return subject() + " " + operator.symbol() + " " + limit + (advisory ? " " + ADVISORY : "");
    }
}
