package ai.osvi.gate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CallCounts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleTest {

    private static CallCounts calls(long total, Object... statusAndCount) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (int i = 0; i < statusAndCount.length; i += 2) {
            byStatus.put((String) statusAndCount[i], ((Number) statusAndCount[i + 1]).longValue());
        }
        return new CallCounts(total, byStatus);
    }

    @Test
    void breach_message_should_read_like_the_documented_example() throws Exception {
        RuleResult result = RuleResult.judge(Values.rule("maxFailureRatio", "failed <= 5%"), calls(120, "failed", 9));
        assertThat(result.passed()).isFalse();
        assertThat(result.breachMessage()).isEqualTo("failed ratio is 7.5%, but the maximum is 5%");
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                // rule | total | count | passed | message or shown value
                "failed <= 5%|100|5|true|5%",
                "failed <= 5%|100|6|false|failed ratio is 6%, but the maximum is 5%",
                "failed < 5%|100|5|false|failed ratio is 5%, but it must be below 5%",
                "picked >= 60%|100|59|false|picked ratio is 59%, but the minimum is 60%",
                "picked > 60%|100|60|false|picked ratio is 60%, but it must be above 60%",
                "picked >= 60%|3|2|true|66.7%",
                // 5.0001%: one decimal would read 5.0%, as if it passed
                "failed <= 5%|1000000|50001|false|failed ratio is 5.0001%, but the maximum is 5%",
                // 4.96% against < 5% passes but one decimal would read 5.0%
                "failed < 5%|10000|496|true|4.96%",
                // 59.96% against >= 60% fails but one decimal would read 60.0%
                "picked >= 60%|10000|5996|false|picked ratio is 59.96%, but the minimum is 60%",
                "failed+not_picked < 0.35|200|70|false|failed+not_picked ratio is 35%, but it must be below 35%",
                "failed <= 33.33%|3|1|false|failed ratio is 33.333%, but the maximum is 33.33%",
            },
            delimiter = '|')
    void shown_actual_should_never_contradict_the_verdict(
            String rule, long total, long count, boolean passed, String expected) throws Exception {
        Rule parsed = Values.rule("thresholds", rule);
        CallCounts calls = parsed.statuses().size() == 1
                ? calls(total, parsed.statuses().get(0), count)
                : calls(
                        total,
                        parsed.statuses().get(0),
                        count - count / 2,
                        parsed.statuses().get(1),
                        count / 2);
        RuleResult result = RuleResult.judge(parsed, calls);
        assertThat(result.passed()).isEqualTo(passed);
        assertThat(passed ? result.shownActual() : result.breachMessage()).isEqualTo(expected);
    }

    @Test
    void unknown_and_missing_statuses_should_count_as_zero_and_not_leak_into_other_rules() throws Exception {
        CallCounts counts = calls(100, "picked", 90, "voicemail", 10);
        assertThat(RuleResult.judge(Values.rule("thresholds", "failed <= 0%"), counts)
                        .passed())
                .isTrue();
        assertThat(RuleResult.judge(Values.rule("thresholds", "voicemail <= 5%"), counts)
                        .breachMessage())
                .isEqualTo("voicemail ratio is 10%, but the maximum is 5%");
    }

    @Test
    void comparison_should_be_exact_at_the_limit() throws Exception {
        // 7 / 140 = 5% exactly: a floating-point ratio could land a hair above
        Rule rule = Values.rule("thresholds", "failed <= 0.05");
        assertThat(RuleResult.judge(rule, calls(140, "failed", 7)).passed()).isTrue();
        assertThat(RuleResult.judge(rule, calls(140, "failed", 8)).passed()).isFalse();
    }

    @Test
    void limits_should_show_as_percentages() throws Exception {
        assertThat(Values.ratio("maxFailureRatio", "0.055").toString()).isEqualTo("5.5%");
        assertThat(Values.ratio("maxFailureRatio", "1").toString()).isEqualTo("100%");
        assertThat(Values.ratio("maxFailureRatio", "0%").toString()).isEqualTo("0%");
        assertThat(Percentages.of(1, 3)).isEqualTo("33.3%");
        assertThat(Percentages.of(0, 0)).isEqualTo("n/a");
    }
}
