package ai.osvi.gate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.model.CallCounts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ratios kept exact as fractions: what a limit drawn from a baseline shows and compares as. */
class RatioTest {

    private static Ratio fraction(long numerator, long denominator) {
        return Ratio.fraction(BigDecimal.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    @Test
    void a_fraction_should_show_exactly_when_a_decimal_writes_it_and_approximately_otherwise() {
        assertThat(fraction(1, 8)).hasToString("12.5%");
        assertThat(fraction(1, 8).isDecimal()).isTrue();
        assertThat(fraction(1, 8).value()).isEqualByComparingTo("0.125");
        assertThat(fraction(1, 3)).hasToString("≈33.33%");
        assertThat(fraction(1, 3).isDecimal()).isFalse();
        assertThat(fraction(1, 3).percent())
                .isGreaterThan(new BigDecimal("33.33"))
                .isLessThan(new BigDecimal("33.34"));
        assertThat(Ratio.of(new BigDecimal("0.05000001"))).hasToString("5.000001%");
    }

    @Test
    void equal_fractions_should_be_equal_whatever_their_terms() {
        assertThat(fraction(2, 4)).isEqualTo(fraction(1, 2)).isEqualTo(Ratio.of(new BigDecimal("0.5")));
        assertThat(fraction(2, 4))
                .hasSameHashCodeAs(fraction(1, 2))
                .hasSameHashCodeAs(Ratio.of(new BigDecimal("0.50")));
        assertThat(fraction(1, 3)).hasSameHashCodeAs(fraction(2, 6)).isNotEqualTo(fraction(1, 2));
        assertThat(fraction(1, 3).hashCode()).isNotEqualTo(fraction(1, 2).hashCode());
    }

    @Test
    void a_limit_from_a_baseline_may_lie_outside_zero_and_one_but_a_denominator_must_be_positive() {
        assertThat(fraction(-1, 100).isWithinZeroAndOne()).isFalse();
        assertThat(fraction(101, 100).isWithinZeroAndOne()).isFalse();
        assertThat(fraction(100, 100).isWithinZeroAndOne()).isTrue();
        assertThat(fraction(0, 100).isWithinZeroAndOne()).isTrue();
        assertThat(fraction(1, 1).value()).isEqualByComparingTo("1");
        assertThatThrownBy(() -> fraction(1, 0)).hasMessageContaining("denominator must be positive");
        assertThatThrownBy(() -> fraction(1, -3)).hasMessageContaining("denominator must be positive");
    }

    @Test
    void a_ratio_equal_to_a_limit_no_decimal_writes_should_show_as_that_limit() {
        Rule atBaseline = Rule.relativeToBaseline(
                        List.of("failed"),
                        Operator.AT_MOST,
                        new RelativeLimit(RelativeLimit.Adjustment.NONE, BigDecimal.ZERO),
                        "thresholds",
                        false)
                .resolve(new CallCounts(3, Map.of("failed", 1L, "picked", 2L)));
        RuleResult equal = RuleResult.judge(atBaseline, new CallCounts(6, Map.of("failed", 2L, "picked", 4L)));
        assertThat(equal.passed()).isTrue();
        assertThat(equal.shownActual()).isEqualTo("≈33.33%");
        RuleResult above = RuleResult.judge(atBaseline, new CallCounts(6, Map.of("failed", 3L, "picked", 3L)));
        assertThat(above.shownActual()).isEqualTo("50%");
        assertThat(above.shownLimit()).isEqualTo("<= baseline ≈33.33%");
    }
}
