package ai.osvi.gate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.TestConfig;
import ai.osvi.gate.rules.Operator;
import ai.osvi.gate.rules.RelativeLimit.Adjustment;
import ai.osvi.gate.rules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules relative to a baseline campaign, as users write them in a {@code <threshold>}, and what they need. */
class BaselineConfigTest {

    @Test
    void each_form_of_a_relative_limit_should_read_as_written() throws Exception {
        Rule plus = Values.rule("thresholds", "failed <= baseline + 1%");
        assertThat(plus.relative().adjustment()).isEqualTo(Adjustment.PLUS);
        assertThat(plus.relative().amount()).isEqualByComparingTo("0.01");
        assertThat(plus.describe()).isEqualTo("failed <= baseline + 1%");

        Rule minus = Values.rule("thresholds", "picked>=baseline-2% (advisory)");
        assertThat(minus.operator()).isEqualTo(Operator.AT_LEAST);
        assertThat(minus.relative().adjustment()).isEqualTo(Adjustment.MINUS);
        assertThat(minus.advisory()).isTrue();
        assertThat(minus.describe()).isEqualTo("picked >= baseline - 2% (advisory)");

        Rule times = Values.rule("thresholds", "failed+not_picked < baseline * 1.5");
        assertThat(times.relative().adjustment()).isEqualTo(Adjustment.TIMES);
        assertThat(times.describe()).isEqualTo("failed+not_picked < baseline * 1.5");

        assertThat(Values.rule("thresholds", "failed <= baseline").describe()).isEqualTo("failed <= baseline");
        assertThat(Values.rule("thresholds", "failed <= baseline + 0.01").describe())
                .isEqualTo("failed <= baseline + 1%");
    }

    @Test
    void a_relative_limit_that_cannot_be_read_should_be_refused_naming_the_rule() {
        assertThatThrownBy(() -> Values.rule("thresholds", "failed <= baseline * 0"))
                .hasMessageContaining("the factor '0' is not a positive decimal number");
        assertThatThrownBy(() -> Values.rule("thresholds", "failed <= baseline / 2"))
                .hasMessageContaining("'baseline / 2' is not a limit relative to the baseline");
        assertThatThrownBy(() -> Values.rule("thresholds", "failed <= baseline + 150%"))
                .hasMessageContaining("the value added to or taken from the baseline is above 100%");
        assertThatThrownBy(() -> Values.rule("thresholds", "failed <= baseline * 1.5%"))
                .hasMessageContaining("the factor '1.5%' is not a positive decimal number");
    }

    @Test
    void a_relative_rule_without_a_baseline_and_a_baseline_without_one_should_both_be_refused() {
        TestConfig noBaseline = new TestConfig();
        noBaseline.completionOnly = "false";
        noBaseline.thresholds = List.of("failed <= baseline + 1%");
        assertThatThrownBy(noBaseline::parse)
                .hasMessageContaining("Missing baselineCampaignId (osvi.baselineCampaignId):"
                        + " the rule 'failed <= baseline + 1%' compares with a baseline campaign");

        TestConfig unused = new TestConfig();
        unused.completionOnly = "false";
        unused.maxFailureRatio = "5%";
        unused.baselineCampaignId = "41";
        assertThatThrownBy(unused::parse)
                .hasMessageContaining("Invalid baselineCampaignId (osvi.baselineCampaignId)"
                        + " '41': no rule compares with the baseline");

        TestConfig itself = new TestConfig();
        itself.completionOnly = "false";
        itself.thresholds = List.of("failed <= baseline + 1%");
        itself.baselineCampaignId = "7";
        assertThatThrownBy(itself::parse).hasMessageContaining("it is the campaign judged");

        TestConfig badRule = new TestConfig();
        badRule.completionOnly = "false";
        badRule.thresholds = List.of("failed <= baseline ++ 1%");
        badRule.baselineCampaignId = "41";
        assertThatThrownBy(badRule::parse)
                .hasMessageContaining("is not a limit relative to the baseline")
                .message()
                .doesNotContain("no rule compares with the baseline");

        TestConfig notANumber = new TestConfig();
        notANumber.completionOnly = "false";
        notANumber.thresholds = List.of("failed <= baseline + 1%");
        notANumber.baselineCampaignId = "last";
        assertThatThrownBy(notANumber::parse)
                .hasMessageContaining("Invalid baselineCampaignId")
                .message()
                .doesNotContain("Missing baselineCampaignId");
    }

    @Test
    void a_relative_rule_should_have_no_limit_until_the_baseline_is_read() {
        TestConfig config = new TestConfig();
        config.completionOnly = "false";
        config.thresholds = List.of("failed <= baseline + 1%", "picked >= 60%");
        config.baselineCampaignId = "41";
        GateConfig parsed = config.parse();
        assertThat(parsed.needsBaseline()).isTrue();
        assertThat(parsed.baseline().campaignId()).isEqualTo(41);
        assertThat(parsed.forBaseline().campaignId()).isEqualTo(41);
        assertThat(parsed.forBaseline().rules()).isEmpty();
    }
}
