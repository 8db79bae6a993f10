package ai.osvi.gate.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats percentages so that a shown value never contradicts the verdict it sits beside. */
public final class Percentages {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_SCALE = 12;

    private Percentages() {
    }

    /** {@code count / total} as a percentage with one decimal, e.g. {@code 7.5%}; {@code n/a} when total is 0. */
    public static String of(long count, long total) {
        if (total == 0) {
            return "n/a";
        }
        return plain(exactPercent(count, total).setScale(1, RoundingMode.HALF_UP)) + "%";
    }

    /**
     * Shows {@code count / total} with the fewest decimals (at least one) at which comparing the shown value with
     * {@code limit} gives the same outcome as the exact comparison. A breach of "at most 5%" by 5.0001% reads
     * "5.0001%", never "5%".
     */
    public static String consistentWith(long count, long total, Operator operator, Ratio limit) {
        BigDecimal exact = exactPercent(count, total);
        BigDecimal limitPercent = limit.percent();
        boolean passes = operator.holds(exact.compareTo(limitPercent));
        for (int scale = 1; scale <= MAX_SCALE; scale++) {
            BigDecimal shown = exact.setScale(scale, RoundingMode.HALF_UP);
            if (operator.holds(shown.compareTo(limitPercent)) == passes) {
                return plain(shown) + "%";
            }
        }
        // Round towards the side the exact value is on: always consistent, at worst slightly exaggerated.
        RoundingMode towardsOutcome = passes == operator.isUpperBound() ? RoundingMode.FLOOR : RoundingMode.CEILING;
        return plain(exact.setScale(MAX_SCALE, towardsOutcome)) + "%";
    }

    static BigDecimal exactPercent(long count, long total) {
        return BigDecimal.valueOf(count).multiply(HUNDRED).divide(BigDecimal.valueOf(total), 30, RoundingMode.HALF_EVEN);
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        return stripped.toPlainString();
    }
}
