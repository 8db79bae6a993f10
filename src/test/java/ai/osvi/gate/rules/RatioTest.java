package ai.osvi.gate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.config.Values;
import org.junit.jupiter.api.Test;

/** A limit is a number, however it was written. */
class RatioTest {

    @Test
    void limits_should_be_equal_when_written_as_a_percentage_or_a_fraction_of_the_same_value() throws Exception {
        Ratio percent = Values.ratio("maxFailureRatio", "5%");
        Ratio fraction = Values.ratio("maxFailureRatio", "0.050");

        assertThat(percent).isEqualTo(fraction).hasSameHashCodeAs(fraction);
        assertThat(percent.compareTo(fraction)).isZero();
        assertThat(fraction).hasToString("5%");
    }

    @Test
    void limits_should_differ_and_order_by_value_when_their_values_differ() throws Exception {
        Ratio five = Values.ratio("maxFailureRatio", "5%");
        Ratio six = Values.ratio("maxFailureRatio", "0.06");

        assertThat(five).isNotEqualTo(six).isNotEqualTo("5%");
        assertThat(five.compareTo(six)).isNegative();
        assertThat(six.compareTo(five)).isPositive();
    }
}
