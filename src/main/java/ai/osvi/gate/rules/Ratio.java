package ai.osvi.gate.rules;

import java.math.BigDecimal;
import java.util.Objects;

/** A ratio in [0, 1], kept exact. {@link #toString()} shows it as a percentage, the way users write limits. */
public final class Ratio implements Comparable<Ratio> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal value;

    private Ratio(BigDecimal value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException when {@code value} is outside [0, 1] */
    public static Ratio of(BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ratio " + value.toPlainString() + " is outside [0, 1]");
        }
        return new Ratio(value);
    }

    public BigDecimal value() {
        return value;
    }

    public BigDecimal percent() {
        return value.multiply(HUNDRED);
    }

    @Override
    public int compareTo(Ratio other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ratio other && value.compareTo(other.value) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(value.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return plain(percent()) + "%";
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
