package ai.osvi.gate.rules;

import ai.osvi.gate.model.CallCounts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The outcome of one rule on one snapshot.
 *
 * @param count       the exact sum of the counts of the rule's statuses
 * @param actualRatio {@code count / total}, rounded to the fewest decimals that keep it consistent with
 *                    {@code passed} (never flattering)
 * @param passed      whether {@code count / total} is within the limit, on the counts as they are
 * @param standing    what that means once the calls still to come are taken into account
 */
public record RuleResult(
        Rule rule, BigInteger count, long total, BigDecimal actualRatio, boolean passed, Standing standing) {

    /** Judges {@code rule} on the counts of a completed campaign; requires {@code calls.total() > 0}. */
    public static RuleResult judge(Rule rule, CallCounts calls) {
        return judge(rule, calls, Outlook.completed(calls));
    }

    /**
     * Judges {@code rule} on {@code calls}, and where it stands given {@code outlook}: the final ratio lies between
     * the lowest and the highest the remaining (or unaccounted) calls allow, and a rule is decided only when it holds,
     * or is breached, at both ends. Requires {@code calls.total() > 0}.
     */
    public static RuleResult judge(Rule rule, CallCounts calls, Outlook outlook) {
        if (calls.total() <= 0) {
            throw new IllegalArgumentException("a ratio needs at least one call");
        }
        BigInteger count = calls.sum(rule.statuses());
        BigInteger total = BigInteger.valueOf(calls.total());
        boolean passed = holds(rule, count, total);
        BigDecimal actual = Percentages.consistentRatio(count, calls.total(), 3, List.of(rule));
        return new RuleResult(rule, count, calls.total(), actual, passed, standing(rule, calls, outlook, passed));
    }

    private static Standing standing(Rule rule, CallCounts calls, Outlook outlook, boolean passed) {
        BigInteger total = BigInteger.valueOf(calls.total());
        BigInteger movable = outlook.movableCalls(calls);
        BigInteger fixed = calls.sum(rule.statuses().stream()
                .filter(outlook.finalStatuses()::contains)
                .filter(calls.byStatus()::containsKey)
                .toList());
        if (movable.signum() < 0) {
            // by_status adds up to more than calls.total: nothing can be decided on data that contradicts itself
            return outlook.complete() ? Standing.UNDECIDED : passed ? Standing.HELD_SO_FAR : Standing.BREACHED_SO_FAR;
        }
        boolean lowestHolds;
        boolean highestHolds;
        if (outlook.complete()) {
            lowestHolds = holds(rule, fixed, total);
            highestHolds = holds(rule, fixed.add(movable), total);
        } else if (outlook.maxFinalTotal() == null || outlook.maxFinalTotal().compareTo(total) < 0) {
            // no bound, or more calls than the bound allows: the final ratio could be anything
            lowestHolds = holds(rule, BigInteger.ZERO, BigInteger.ONE);
            highestHolds = holds(rule, BigInteger.ONE, BigInteger.ONE);
        } else {
            BigInteger most = outlook.maxFinalTotal();
            lowestHolds = holds(rule, fixed, most);
            highestHolds = holds(rule, fixed.add(movable).add(most.subtract(total)), most);
        }
        if (lowestHolds && highestHolds) {
            return outlook.complete() ? Standing.HELD : Standing.HELD_SO_FAR;
        }
        if (!lowestHolds && !highestHolds) {
            return outlook.complete() ? Standing.BREACHED : Standing.CERTAIN;
        }
        return outlook.complete() ? Standing.UNDECIDED : passed ? Standing.HELD_SO_FAR : Standing.BREACHED_SO_FAR;
    }

    /** Exact: {@code count / total OP limit}  ⇔  {@code count OP limit * total}. */
    private static boolean holds(Rule rule, BigInteger count, BigInteger total) {
        return rule.operator().holds(rule.limit().compareFraction(count, total));
    }

    /** The actual ratio as a percentage, as shown to users: "5.0001%". */
    public String shownActual() {
        if (!rule.limit().isDecimal() && rule.limit().compareFraction(count, BigInteger.valueOf(total)) == 0) {
            return rule.limit().toString(); // equal to a limit no decimal writes: "≈33.33%" beside it, not 42 digits
        }
        return Ratio.plain(actualRatio.movePointRight(2)) + "%";
    }

    /** "failed ratio is 7.5%, but the maximum is 5%". */
    public String breachMessage() {
        return rule.subject() + " ratio is " + shownActual() + ", but "
                + rule.operator().limitPhrase() + " "
                + rule.limitText()
                + (standing == Standing.BREACHED_SO_FAR
                        ? " (so far: the remaining calls could still" + " bring it back)"
                        : standing == Standing.CERTAIN
                                ? " (certain: no way of completing the" + " remaining calls brings it back)"
                                : "");
    }

    /** This result, undecided: its statuses cannot be read unambiguously. */
    public RuleResult undecided() {
        return new RuleResult(rule, count, total, actualRatio, passed, Standing.UNDECIDED);
    }

    /** Whether it is an advisory rule beyond its limit: reported, never failing the verdict. */
    public boolean breachedAdvisory() {
        return rule.advisory() && !passed && standing != Standing.UNDECIDED;
    }

    /** Whether it fails the verdict: a breach that stands, of a rule that is not advisory. */
    public boolean fails() {
        return !rule.advisory() && standing.isFailure();
    }

    /** "breached, certain", or "advisory, breached": how every output names where it stands. */
    public String words() {
        return (rule.advisory() ? "advisory, " : "") + standing.words();
    }

    /** {@code "<= 5%"}, or {@code "<= baseline 5.1% + 1% = 6.1%"}. */
    public String shownLimit() {
        return rule.operator().symbol() + " " + rule.limitText();
    }
}
