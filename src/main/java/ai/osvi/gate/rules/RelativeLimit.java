package ai.osvi.gate.rules;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A limit written relative to the baseline campaign's ratio of the same statuses: {@code baseline},
 * {@code baseline + 1%}, {@code baseline - 2%} or {@code baseline * 1.5}. It becomes a number only once the baseline
 * is read, and stays exact: {@code (51 + 0.01 × 1000) / 1000}, never a rounded 6.1%.
 *
 * @param amount the ratio added or taken away (0.01 for 1%), or the factor (1.5); 0 for {@link Adjustment#NONE}
 */
public record RelativeLimit(Adjustment adjustment, BigDecimal amount) {

    /** How a rule names the baseline. */
    public static final String WORD = "baseline";

    public enum Adjustment {
        NONE(""),
        PLUS("+"),
        MINUS("-"),
        TIMES("*");

        private final String symbol;

        Adjustment(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The exact limit for a baseline whose rule statuses count {@code count} of {@code total} calls. */
    public Ratio limit(BigInteger count, long total) {
        BigDecimal calls = new BigDecimal(count);
        BigDecimal all = BigDecimal.valueOf(total);
        BigDecimal numerator = switch (adjustment) {
            case NONE -> calls;
            case PLUS -> calls.add(amount.multiply(all));
            case MINUS -> calls.subtract(amount.multiply(all));
            case TIMES -> calls.multiply(amount);
        };
        return Ratio.fraction(numerator, BigInteger.valueOf(total));
    }

    /** "+ 1%", "* 1.5", or nothing: what follows the baseline's value. */
    public String adjustmentText() {
        return switch (adjustment) {
            case NONE -> "";
            case PLUS, MINUS -> adjustment.symbol() + " " + Ratio.of(amount);
            case TIMES -> adjustment.symbol() + " " + Ratio.plain(amount);
        };
    }

    /** "baseline + 1%", as the rule is written. */
    public String describe() {
        return adjustment == Adjustment.NONE ? WORD : WORD + " " + adjustmentText();
    }

    /** "baseline 5.1% + 1% = 6.1%": the baseline's value, the adjustment and the limit they give. */
    public String describe(Ratio baseline, Ratio limit) {
        return adjustment == Adjustment.NONE
                ? WORD + " " + baseline
                : WORD + " " + baseline + " " + adjustmentText() + " = " + limit;
    }
}
