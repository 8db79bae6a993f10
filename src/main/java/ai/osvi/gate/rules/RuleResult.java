package ai.osvi.gate.rules;

import ai.osvi.gate.model.CallCounts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The outcome of one rule on one snapshot.
 *
 * @param count        the exact sum of the counts of the rule's statuses
 * @param actualRatio  {@code count / total}, rounded to the fewest decimals that keep it consistent with
 *                     {@code passed} (never flattering)
 */
public record RuleResult(Rule rule, BigInteger count, long total, BigDecimal actualRatio, boolean passed) {

    /** Judges {@code rule} on {@code calls}; requires {@code calls.total() > 0}. */
    public static RuleResult judge(Rule rule, CallCounts calls) {
        if (calls.total() <= 0) {
            throw new IllegalArgumentException("a ratio needs at least one call");
        }
        BigInteger count = calls.sum(rule.statuses());
        // Exact: count / total OP limit  <=>  count OP limit * total
        int comparison = new BigDecimal(count).compareTo(rule.limit().value()
                .multiply(BigDecimal.valueOf(calls.total())));
        boolean passed = rule.operator().holds(comparison);
        BigDecimal actual = Percentages.consistentRatio(count, calls.total(), 3, List.of(rule));
        return new RuleResult(rule, count, calls.total(), actual, passed);
    }

    /** The actual ratio as a percentage, as shown to users: "5.0001%". */
    public String shownActual() {
        return Ratio.plain(actualRatio.movePointRight(2)) + "%";
    }

    /** "failed ratio is 7.5%, but the maximum is 5%". */
    public String breachMessage() {
        return rule.subject() + " ratio is " + shownActual() + ", but " + rule.operator().limitPhrase() + " "
                + rule.limit();
    }

    /** {@code "<= 5%"}. */
    public String shownLimit() {
        return rule.operator().symbol() + " " + rule.limit();
    }
}
