package ai.osvi.gate.rules;

import ai.osvi.gate.model.CallCounts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A threshold on the share of calls in some statuses: {@code (sum of counts of statuses) / calls.total OP limit}.
 *
 * @param statuses the {@code by_status} keys whose counts are summed
 * @param limit    the limit, exact; {@code null} for a limit relative to a baseline not read yet
 * @param origin   where the rule was configured, e.g. {@code maxFailureRatio} or {@code thresholds}
 * @param advisory whether it is judged and reported only, never changing the verdict or the build
 * @param relative the limit as written relative to the baseline campaign, or {@code null} for a fixed limit
 * @param baseline the baseline campaign's ratio of the same statuses once read, or {@code null}
 */
public record Rule(
        List<String> statuses,
        Operator operator,
        Ratio limit,
        String origin,
        boolean advisory,
        RelativeLimit relative,
        Ratio baseline) {

    /** How a rule is marked advisory, after its limit: {@code failed <= 2% (advisory)}. */
    public static final String ADVISORY = "(advisory)";

    public Rule {
        statuses = List.copyOf(statuses);
    }

    /** A rule with a fixed limit. */
    public Rule(List<String> statuses, Operator operator, Ratio limit, String origin, boolean advisory) {
        this(statuses, operator, limit, origin, advisory, null, null);
    }

    /** A rule with a fixed limit that decides the verdict. */
    public Rule(List<String> statuses, Operator operator, Ratio limit, String origin) {
        this(statuses, operator, limit, origin, false);
    }

    /** A rule whose limit is relative to the baseline campaign, to be {@link #resolve resolved} once it is read. */
    public static Rule relativeToBaseline(
            List<String> statuses, Operator operator, RelativeLimit relative, String origin, boolean advisory) {
        return new Rule(statuses, operator, null, origin, advisory, relative, null);
    }

    /** Whether its limit is written relative to the baseline campaign. */
    public boolean isRelative() {
        return relative != null;
    }

    /** This rule with its limit computed, exactly, from the baseline campaign's counts; a fixed rule as it is. */
    public Rule resolve(CallCounts baselineCalls) {
        if (relative == null) {
            return this;
        }
        return new Rule(
                statuses,
                operator,
                relative.limit(baselineCalls.sum(statuses), baselineCalls.total()),
                origin,
                advisory,
                relative,
                Ratio.fraction(new BigDecimal(baselineCalls.sum(statuses)), BigInteger.valueOf(baselineCalls.total())));
    }

    /** "failed" or "failed+not_picked". */
    public String subject() {
        return String.join("+", statuses);
    }

    /** {@code "failed <= 5%"}, {@code "failed <= baseline + 1%"}, or {@code "failed <= 2% (advisory)"}: as written. */
    public String describe() {
        return subject() + " " + operator.symbol() + " " + writtenLimit() + (advisory ? " " + ADVISORY : "");
    }

    /** "5%" or "baseline + 1%": the limit as written. */
    public String writtenLimit() {
        return relative == null ? String.valueOf(limit) : relative.describe();
    }

    /** "5%", or for a baseline rule once read "baseline 5.1% + 1% = 6.1%" (before, "baseline + 1%"). */
    public String limitText() {
        if (relative == null) {
            return String.valueOf(limit);
        }
        return limit == null ? relative.describe() : relative.describe(baseline, limit);
    }
}
