package ai.osvi.gate.rules;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The outcome of one rule on one snapshot.
 *
 * @param count        the exact sum of the counts of the rule's statuses
 * @param actualRatio  {@code count / total}, rounded to the fewest decimals that keep it consistent with
 *                     {@code passed} (never flattering)
 */
public record RuleResult(Rule rule, BigInteger count, long total, BigDecimal actualRatio, boolean passed) {

    /** The actual ratio as a percentage, as shown to users: "5.0001%". */
    public String shownActual() {
        return Percentages.plain(actualRatio.movePointRight(2)) + "%";
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
