package ai.osvi.gate.properties;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.rules.Percentages;
import ai.osvi.gate.rules.Rule;
import ai.osvi.gate.rules.RuleResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A limit relative to the baseline ({@code baseline + 1%}, {@code baseline - 2%}, {@code baseline * 1.5}) against an
 * oracle in whole numbers only: {@code c / t OP (cb + a × tb) / tb} is {@code c × tb × 10^s OP (cb × 10^s + A × tb)
 * × t} for {@code a = A / 10^s}; a factor likewise. No division, no rounding, so no flattering.
 */
class BaselineArithmeticPropertiesTest {

    @Property(tries = 3_000)
    void the_verdict_of_a_relative_rule_is_the_exact_comparison(
            @ForAll("operators") String operator,
            @ForAll("adjustments") String adjustment,
            @ForAll @LongRange(min = 1, max = 2_000) long baselineTotal,
            @ForAll @IntRange(min = 0, max = 100) int baselineShare,
            @ForAll @LongRange(min = 1, max = 2_000) long total,
            @ForAll @IntRange(min = 0, max = 100) int share)
            throws InvalidConfigurationException {
        long baselineFailed = baselineTotal * baselineShare / 100;
        long failed = total * share / 100;
        Rule rule = Values.rule("thresholds", "failed " + operator + " " + adjustment)
                .resolve(counts(baselineFailed, baselineTotal));
        CallCounts calls = counts(failed, total);

        RuleResult result = RuleResult.judge(rule, calls);

        assertThat(result.passed())
                .as(
                        "%s/%s against %s with baseline %s/%s",
                        failed, total, rule.describe(), baselineFailed, baselineTotal)
                .isEqualTo(oracle(operator, adjustment, failed, total, baselineFailed, baselineTotal));
        // the value shown beside the limit never reads as the other side of it
        BigDecimal shown = Percentages.consistentRatio(BigInteger.valueOf(failed), total, 3, List.of(rule));
        assertThat(rule.operator().holds(rule.limit().compareDecimal(shown))).isEqualTo(result.passed());
    }

    @Example
    void a_ratio_equal_to_a_limit_no_decimal_writes_is_held_by_at_most_and_breached_by_below()
            throws InvalidConfigurationException {
        CallCounts baseline = counts(1, 3); // 33.33…%
        assertThat(RuleResult.judge(
                                Values.rule("thresholds", "failed <= baseline").resolve(baseline), counts(2, 6))
                        .passed())
                .isTrue();
        assertThat(RuleResult.judge(
                                Values.rule("thresholds", "failed < baseline").resolve(baseline), counts(2, 6))
                        .passed())
                .isFalse();
        Rule plus = Values.rule("thresholds", "failed <= baseline + 1%").resolve(baseline);
        assertThat(plus.limitText()).isEqualTo("baseline ≈33.33% + 1% = ≈34.33%");
        // 103/300 = 1/3 + 1% exactly
        RuleResult edge = RuleResult.judge(plus, counts(103, 300));
        assertThat(edge.passed()).isTrue();
        assertThat(plus.operator().holds(plus.limit().compareDecimal(edge.actualRatio())))
                .isTrue();
        // equal to a limit no decimal writes: shown as the limit is, not as 42 digits on one side of it
        assertThat(edge.shownActual()).isEqualTo("≈34.33%");
    }

    private static boolean oracle(String operator, String adjustment, long c, long t, long cb, long tb) {
        String[] parts = adjustment.split(" ");
        BigInteger left = BigInteger.valueOf(c).multiply(BigInteger.valueOf(tb));
        BigInteger right = BigInteger.valueOf(cb).multiply(BigInteger.valueOf(t));
        if (parts.length == 3) {
            BigDecimal amount = new BigDecimal(parts[2].replace("%", ""));
            if (parts[2].endsWith("%")) {
                amount = amount.movePointLeft(2);
            }
            BigInteger scale = BigInteger.TEN.pow(Math.max(amount.scale(), 0));
            BigInteger unscaled = amount.unscaledValue().multiply(BigInteger.TEN.pow(Math.max(-amount.scale(), 0)));
            left = left.multiply(scale);
            BigInteger added = unscaled.multiply(BigInteger.valueOf(tb)).multiply(BigInteger.valueOf(t));
            right = switch (parts[1]) {
                case "+" -> right.multiply(scale).add(added);
                case "-" -> right.multiply(scale).subtract(added);
                default -> right.multiply(unscaled);
            };
        }
        int comparison = left.compareTo(right);
        return switch (operator) {
            case "<" -> comparison < 0;
            case "<=" -> comparison <= 0;
            case ">" -> comparison > 0;
            default -> comparison >= 0;
        };
    }

    private static CallCounts counts(long failed, long total) {
        return new CallCounts(
                total, failed == total ? Map.of("failed", failed) : Map.of("failed", failed, "picked", total - failed));
    }

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.of("<", "<=", ">", ">=");
    }

    @Provide
    Arbitrary<String> adjustments() {
        return Arbitraries.of(
                "baseline",
                "baseline + 1%",
                "baseline - 2%",
                "baseline + 0.5%",
                "baseline - 0.125",
                "baseline * 1.5",
                "baseline * 2",
                "baseline * 0.75",
                "baseline * 1.333",
                "baseline + 0%");
    }
}
