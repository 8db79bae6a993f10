package ai.osvi.gate.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A ratio kept exact, as {@code numerator / denominator}: a limit users write (5%, 0.05) has denominator 1; one
 * computed from a baseline campaign ({@code 51/1000 + 1%}) keeps the baseline's total as denominator, so that no
 * comparison ever rounds. {@link #toString()} shows it as a percentage, the way users write limits.
 */
public final class Ratio implements Comparable<Ratio> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The decimals of {@link #value()} for a ratio no decimal writes exactly: beyond what any count can tell. */
    private static final int APPROXIMATION_SCALE = 42;
    /** The decimals of a percentage shown for a ratio no short decimal writes exactly: "≈6.13%". */
    private static final int SHOWN_PERCENT_DECIMALS = 2;

    private final BigDecimal numerator;
    private final BigInteger denominator;

    private Ratio(BigDecimal numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** @throws IllegalArgumentException when {@code value} is outside [0, 1] */
    public static Ratio of(BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ratio " + value.toPlainString() + " is outside [0, 1]");
        }
        return new Ratio(value, BigInteger.ONE);
    }

    /**
     * {@code numerator / denominator}, exact, of any sign or size: a limit computed from a baseline can lie outside
     * [0, 1] (a baseline of 99.5% plus 1%), and then holds or fails for every campaign, as its arithmetic says.
     *
     * @throws IllegalArgumentException when {@code denominator} is not positive
     */
    public static Ratio fraction(BigDecimal numerator, BigInteger denominator) {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("a ratio's denominator must be positive, not " + denominator);
        }
        return new Ratio(numerator, denominator);
    }

    /** The ratio as a decimal: exact when one is, else to 42 decimals (for charts, and JSON beside the exact parts). */
    public BigDecimal value() {
        return denominator.equals(BigInteger.ONE)
                ? numerator
                : exactDecimal() != null
                        ? exactDecimal()
                        : numerator.divide(new BigDecimal(denominator), APPROXIMATION_SCALE, RoundingMode.HALF_EVEN);
    }

    public BigDecimal percent() {
        return value().multiply(HUNDRED);
    }

    /** Whether {@link #value()} is exact: the ratio has a finite decimal form. */
    public boolean isDecimal() {
        return denominator.equals(BigInteger.ONE) || exactDecimal() != null;
    }

    /** The exact numerator (a decimal), over {@link #denominator()}. */
    public BigDecimal numerator() {
        return numerator;
    }

    public BigInteger denominator() {
        return denominator;
    }

    /** Whether the ratio lies within [0, 1], as every limit users write does. */
    public boolean isWithinZeroAndOne() {
        return numerator.signum() >= 0 && numerator.compareTo(new BigDecimal(denominator)) <= 0;
    }

    /** The exact sign of {@code count / total - this}; requires {@code total > 0}. */
    public int compareFraction(BigInteger count, BigInteger total) {
        return new BigDecimal(count.multiply(denominator)).compareTo(numerator.multiply(new BigDecimal(total)));
    }

    /** The exact sign of {@code value - this}. */
    public int compareDecimal(BigDecimal value) {
        return value.multiply(new BigDecimal(denominator)).compareTo(numerator);
    }

    @Override
    public int compareTo(Ratio other) {
        return numerator
                .multiply(new BigDecimal(other.denominator))
                .compareTo(other.numerator.multiply(new BigDecimal(denominator)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ratio other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(value().stripTrailingZeros());
    }

    /** "5%", "6.1%", "4.98046875%", or "≈34.33%" for a ratio no decimal writes exactly (1/3 + 1%). */
    @Override
    public String toString() {
        BigDecimal exact = isDecimal() ? value().multiply(HUNDRED).stripTrailingZeros() : null;
        if (exact != null) {
            return plain(exact) + "%";
        }
        return "≈" + plain(value().multiply(HUNDRED).setScale(SHOWN_PERCENT_DECIMALS, RoundingMode.HALF_EVEN)) + "%";
    }

    private BigDecimal exactDecimal() {
        try {
            return numerator.divide(new BigDecimal(denominator), MathContext.UNLIMITED);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** {@code 7.50} as "7.5", {@code 1E+2} as "100". */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        return stripped.toPlainString();
    }
}
