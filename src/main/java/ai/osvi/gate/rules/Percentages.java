package ai.osvi.gate.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/** Formats ratios and percentages so that a shown value never contradicts the verdict it sits beside. */
public final class Percentages {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /**
     * Enough decimals to tell any ratio of two {@code long} counts from any limit written with up to 20 decimals:
     * beyond it, rounding goes towards the side the exact value is on.
     */
    private static final int MAX_SCALE = 42;

    private Percentages() {}

    /** {@code count / total} as a percentage with one decimal, e.g. {@code 7.5%}; {@code n/a} when total is 0. */
    public static String of(long count, long total) {
        if (total == 0) {
            return "n/a";
        }
        return Ratio.plain(BigDecimal.valueOf(count)
                        .multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP))
                + "%";
    }

    /**
     * A status's share, as the status tables show it beside the rules: one decimal, and as many more as it takes for
     * a rule on that status alone never to read as passing beside a breach (5.000001% against a 5% limit, not 5%).
     */
    public static String of(String status, long count, long total, List<Rule> rules) {
        List<Rule> onThisStatus = rules.stream()
                .filter(rule -> rule.statuses().equals(List.of(status)))
                .toList();
        if (total == 0 || onThisStatus.isEmpty()) {
            return of(count, total);
        }
        BigDecimal oneDecimal = new BigDecimal(of(count, total).replace("%", ""));
        BigDecimal consistent = consistentRatio(BigInteger.valueOf(count), total, 3, onThisStatus)
                .movePointRight(2);
        return Ratio.plain(consistent.scale() > oneDecimal.scale() ? consistent : oneDecimal) + "%";
    }

    /**
     * {@code count / total} as a ratio with the fewest decimals (at least {@code minScale}) at which comparing it with
     * the limit of each of {@code rules} gives the same outcome as the exact comparison: a value to publish beside a
     * verdict (JSON report, result properties) that never reads as passing next to a FAIL.
     */
    public static BigDecimal consistentRatio(BigInteger count, long total, int minScale, List<Rule> rules) {
        return consistentRatio(count, BigInteger.valueOf(total), minScale, rules);
    }

    /** As above, for a total that may be a sum of totals beyond a {@code long}. */
    public static BigDecimal consistentRatio(BigInteger count, BigInteger total, int minScale, List<Rule> rules) {
        BigDecimal exact = new BigDecimal(count).divide(new BigDecimal(total), MAX_SCALE + 20, RoundingMode.HALF_EVEN);
        for (int scale = minScale; scale <= MAX_SCALE; scale++) {
            BigDecimal shown = exact.setScale(scale, RoundingMode.HALF_UP);
            if (agrees(shown, count, total, rules)) {
                return shown.stripTrailingZeros();
            }
        }
        // a ratio equal to a limit no decimal writes (1/3 against baseline 1/3): rounded towards the side it is on
        for (RoundingMode direction : List.of(RoundingMode.FLOOR, RoundingMode.CEILING)) {
            BigDecimal shown = exact.setScale(MAX_SCALE, direction);
            if (agrees(shown, count, total, rules)) {
                return shown.stripTrailingZeros();
            }
        }
        return exact.setScale(MAX_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static boolean agrees(BigDecimal shown, BigInteger count, BigInteger total, List<Rule> rules) {
        for (Rule rule : rules) {
            if (rule.operator().holds(rule.limit().compareDecimal(shown))
                    != rule.operator().holds(rule.limit().compareFraction(count, total))) {
                return false;
            }
        }
        return true;
    }
}
