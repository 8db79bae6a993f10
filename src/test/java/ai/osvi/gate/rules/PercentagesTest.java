package ai.osvi.gate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CallCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ratios within a hair of their limit: what the table and the breach message show must agree with the verdict. */
class PercentagesTest {

    private static RuleResult judge(String rule, long failed, long total) throws Exception {
        return RuleResult.judge(Values.rule("thresholds", rule), new CallCounts(total, Map.of("failed", failed)));
    }

    @Test
    void actual_should_show_twelve_decimals_when_eleven_would_round_onto_the_limit() throws Exception {
        // 4.9999999999987%: eleven decimals read 5.00000000000%, which "< 5%" refuses
        RuleResult result = judge("failed < 5%", 49_999_999_999_987L, 1_000_000_000_000_000L);
        assertThat(result.passed()).isTrue();
        assertThat(result.shownActual()).isEqualTo("4.999999999999%");
    }

    @Test
    void actual_should_show_as_many_decimals_as_tell_a_breach_from_the_limit() throws Exception {
        // 5.00000000000001%: twelve decimals read 5%, which "<= 5%" allows
        RuleResult result = judge("failed <= 5%", 500_000_000_000_001L, 10_000_000_000_000_000L);
        assertThat(result.passed()).isFalse();
        assertThat(result.breachMessage()).isEqualTo("failed ratio is 5.00000000000001%, but the maximum is 5%");
    }

    @Test
    void actual_should_show_as_many_decimals_as_tell_a_pass_from_the_limit() throws Exception {
        // 4.99999999999999%: twelve decimals read 5%, which "< 5%" refuses
        RuleResult result = judge("failed < 5%", 499_999_999_999_999L, 10_000_000_000_000_000L);
        assertThat(result.passed()).isTrue();
        assertThat(result.shownActual()).isEqualTo("4.99999999999999%");
    }

    @Test
    void rule_should_refuse_to_judge_when_no_call_was_made() throws Exception {
        Rule rule = Values.rule("thresholds", "failed <= 5%");
        assertThatThrownBy(() -> RuleResult.judge(rule, new CallCounts(0, Map.of("failed", 0L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a ratio needs at least one call");
        assertThat(RuleResult.judge(rule, new CallCounts(1, Map.of("failed", 0L)))
                        .shownActual())
                .isEqualTo("0%");
    }

    @Test
    void a_status_share_should_show_the_decimals_its_own_rule_needs_and_no_more_for_other_statuses() throws Exception {
        List<Rule> rules = List.of(Values.rule("thresholds", "failed <= 5%"));

        // 5.0000001%: one decimal would read as the limit it breaches
        assertThat(Percentages.of("failed", 50_000_001, 1_000_000_000, rules)).isEqualTo("5.0000001%");
        assertThat(Percentages.of("picked", 50_000_001, 1_000_000_000, rules)).isEqualTo("5%");
        assertThat(Percentages.of("failed", 75, 1000, rules)).isEqualTo("7.5%");
        assertThat(Percentages.of("failed", 0, 0, rules)).isEqualTo("n/a");
    }

    @Test
    void each_operator_should_know_whether_its_limit_is_a_ceiling() {
        assertThat(Operator.LESS_THAN.isUpperBound()).isTrue();
        assertThat(Operator.AT_MOST.isUpperBound()).isTrue();
        assertThat(Operator.GREATER_THAN.isUpperBound()).isFalse();
        assertThat(Operator.AT_LEAST.isUpperBound()).isFalse();
    }
}
