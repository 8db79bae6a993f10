package ai.osvi.gate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.rules.Operator;
import ai.osvi.gate.rules.Rule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest
    @CsvSource({
        "90s, PT1M30S",
        "15m, PT15M",
        "1h, PT1H",
        "1h30m, PT1H30M",
        "500ms, PT0.5S",
        "PT30M, PT30M",
        "pt45s, PT45S",
        "' 2s ', PT2S",
    })
    void duration_should_accept_short_and_iso_forms(String text, String expected) throws Exception {
        assertThat(Values.duration("timeout", text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "30|a number needs a unit",
                "abc|not a duration",
                "-5s|not a duration",
                "0s|must be greater than zero",
                "PT-5S|must be greater than zero",
                "PTXS|not a valid ISO-8601 duration",
                "''|it is empty",
                "15 m|not a duration",
            },
            delimiter = '|')
    void duration_should_name_parameter_value_and_forms_when_invalid(String text, String problem) {
        assertThatThrownBy(() -> Values.duration("timeout", text))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid timeout (osvi.timeout) '" + text + "': " + problem + ". Accepted: "
                        + Values.DURATION_FORMS + ".");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "200000d",
                "366d",
                "365d1ms",
                "PT8760H0.001S",
                "P106752D",
                "PT2562047788015216H",
                "PT9223372036854775807S",
                "99999999999999999999d",
                "106751d23h47m16s855ms"
            })
    void durations_beyond_a_year_should_be_refused_naming_the_longest_accepted(String text) {
        assertThatThrownBy(() -> Values.duration("timeout", text))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid timeout (osvi.timeout) '" + text + "': too large, the longest accepted is 365d."
                        + " Accepted: a duration of at most 365d, written as " + Values.DURATION_FORMS + ".");
    }

    @Test
    void the_longest_duration_accepted_should_be_a_year_in_every_form() throws Exception {
        for (String text : List.of("365d", "364d24h", "8760h", "PT8760H", "P365D")) {
            assertThat(Values.duration("timeout", text)).as(text).isEqualTo(Duration.ofDays(365));
        }
        assertThat(Values.durationAtLeast("pollInterval", "365d", Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofDays(365));
        assertThatThrownBy(() -> Values.durationAtLeast("pollInterval", "PT2562047788015216H", Duration.ofSeconds(1)))
                .hasMessage("Invalid pollInterval (osvi.pollInterval) 'PT2562047788015216H': too large, the longest"
                        + " accepted is 365d. Accepted: a duration from 1s to 365d, written as a number with a unit"
                        + " (1s, 90s, 15m, 1h, 1h30m) or ISO-8601 (PT30M).");
    }

    @Test
    void durationAtLeast_should_reject_values_below_the_minimum() {
        assertThatThrownBy(() -> Values.durationAtLeast("pollInterval", "500ms", Duration.ofSeconds(1)))
                .hasMessageStartingWith("Invalid pollInterval (osvi.pollInterval) '500ms': must be at least 1s.");
    }

    @ParameterizedTest
    @CsvSource({
        "PT0S, 0s",
        "PT0.8S, 800ms",
        "PT0.9994S, 999ms",
        "PT1.995S, 2s",
        "PT1.25S, 1.3s",
        "PT9.94S, 9.9s",
        "PT9.95S, 10s",
        "PT16.845S, 17s",
        "PT1M7.423S, 1m7s",
        "PT59M59.6S, 1h",
        "PT30M, 30m",
    })
    void durations_shown_to_people_should_be_rounded(String duration, String shown) {
        assertThat(Values.formatRounded(Duration.parse(duration))).isEqualTo(shown);
    }

    @Test
    void a_duration_with_a_minimum_should_list_as_accepted_only_forms_that_reach_it() {
        assertThatThrownBy(() -> Values.durationAtLeast("pollInterval", "500ms", Duration.ofSeconds(1)))
                .hasMessage("Invalid pollInterval (osvi.pollInterval) '500ms': must be at least 1s. Accepted: a"
                        + " duration of at least 1s, written as a number with a unit (1s, 90s, 15m, 1h, 1h30m) or"
                        + " ISO-8601 (PT30M).");
        assertThatThrownBy(() -> Values.durationAtLeast("pollInterval", "0s", Duration.ofSeconds(1)))
                .hasMessage("Invalid pollInterval (osvi.pollInterval) '0s': must be greater than zero. Accepted: a"
                        + " duration of at least 1s, written as a number with a unit (1s, 90s, 15m, 1h, 1h30m) or"
                        + " ISO-8601 (PT30M).");
        // stallTimeout's minimum is pollInterval
        assertThatThrownBy(() -> Values.durationAtLeast("stallTimeout", "20m", Duration.ofMinutes(45)))
                .hasMessage("Invalid stallTimeout (osvi.stallTimeout) '20m': must be at least 45m. Accepted: a"
                        + " duration of at least 45m, written as a number with a unit (45m, 1h, 1h30m) or ISO-8601"
                        + " (PT45M).");
        assertThat(Values.durationForms(Duration.ofSeconds(90)))
                .isEqualTo("a number with a unit (1m30s, 15m, 1h," + " 1h30m) or ISO-8601 (PT30M)");
    }

    @ParameterizedTest
    @CsvSource({"0.05, 0.05", "5%, 0.05", "5 %, 0.05", "0, 0", "100%, 1", "1, 1", "12.5%, 0.125", ".3, 0.3"})
    void ratio_should_accept_fractions_and_percentages(String text, String expected) throws Exception {
        assertThat(Values.ratio("maxFailureRatio", text).value()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "5|is above 1 (write 5% or 0.05 for five percent)",
                "101%|is above 100%",
                "-0.1|must not be negative",
                "five|is not a number",
                "''|it is empty",
            },
            delimiter = '|')
    void ratio_should_explain_invalid_values(String text, String problem) {
        assertThatThrownBy(() -> Values.ratio("maxFailureRatio", text))
                .hasMessage("Invalid maxFailureRatio (osvi.maxFailureRatio) '" + text + "': " + problem + ". Accepted: "
                        + Values.RATIO_FORMS + ".");
    }

    @Test
    void rule_should_parse_single_and_summed_statuses() throws Exception {
        Rule picked = Values.rule("thresholds", "picked >= 60%");
        assertThat(picked.statuses()).containsExactly("picked");
        assertThat(picked.operator()).isEqualTo(Operator.AT_LEAST);
        assertThat(picked.limit().value()).isEqualByComparingTo("0.6");

        Rule sum = Values.rule("thresholds", "failed+not_picked<0.35");
        assertThat(sum.statuses()).containsExactly("failed", "not_picked");
        assertThat(sum.operator()).isEqualTo(Operator.LESS_THAN);
        assertThat(sum.describe()).isEqualTo("failed+not_picked < 35%");

        assertThat(Values.rule("thresholds", "failed + voicemail > 1%").statuses())
                .containsExactly("failed", "voicemail");
        assertThat(Values.rule("thresholds", "busy <= 0.1").operator()).isEqualTo(Operator.AT_MOST);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "picked",
                "picked >= ",
                ">= 60%",
                "picked => 60%",
                "picked == 5%",
                "picked >= 160%",
                "picked >= lots",
                "failed++x < 5%",
                "failed+failed < 5%",
                "picked>=60%>=5%"
            })
    void rule_should_reject_malformed_rules_naming_the_parameter(String text) {
        assertThatThrownBy(() -> Values.rule("thresholds", text))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid thresholds (osvi.thresholds) '" + text + "': ")
                .hasMessageEndingWith("Accepted: " + Values.RULE_FORMS + ".");
    }

    @Test
    void commaSeparated_should_split_command_line_lists_and_drop_blanks() {
        assertThat(Values.commaSeparated(List.of("picked>=60%,failed<5%", " ", "busy<1% , ")))
                .containsExactly("picked>=60%", "failed<5%", "busy<1%");
        assertThat(Values.commaSeparated(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "0|must be greater than zero",
                "-7|must be greater than zero",
                "seven|not a whole number",
                "7.5|not a whole number",
                "''|it is empty"
            },
            delimiter = '|')
    void positiveLong_should_reject_non_positive_and_non_numeric(String text, String problem) {
        assertThatThrownBy(() -> Values.positiveLong("minCalls", text, "the fewest calls"))
                .hasMessage("Invalid minCalls (osvi.minCalls) '" + text + "': " + problem
                        + ". Accepted: a positive whole number (the fewest calls).");
    }

    @Test
    void whole_numbers_beyond_what_the_gate_holds_should_be_refused_naming_the_largest_accepted() throws Exception {
        assertThatThrownBy(() -> Values.positiveLong("minCalls", "99999999999999999999", "the fewest calls"))
                .hasMessage("Invalid minCalls (osvi.minCalls) '99999999999999999999': too large, the largest accepted"
                        + " is 9223372036854775807. Accepted: a positive whole number of at most 9223372036854775807"
                        + " (the fewest calls).");
        assertThat(Values.positiveLong("minCalls", "9223372036854775807", "the fewest calls"))
                .isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Values.positiveLong("minCalls", "-99999999999999999999", "the fewest calls"))
                .hasMessageStartingWith(
                        "Invalid minCalls (osvi.minCalls) '-99999999999999999999': must be greater" + " than zero.");
    }

    @Test
    void choice_should_accept_any_case_and_list_the_choices() throws Exception {
        assertThat(Values.choice("onTimeout", "EVALUATE", Policy.OnTimeout.class))
                .isEqualTo(Policy.OnTimeout.EVALUATE);
        assertThatThrownBy(() -> Values.choice("onTimeout", "ignore", Policy.OnTimeout.class))
                .hasMessage("Invalid onTimeout (osvi.onTimeout) 'ignore': unknown choice. Accepted: one of fail,"
                        + " evaluate.");
    }

    @Test
    void format_should_round_trip_through_duration() throws Exception {
        for (String text : List.of("90s", "15m", "1h", "1h30m", "1s500ms", "2h0m5s")) {
            Duration duration = Values.duration("timeout", text);
            assertThat(Values.duration("timeout", Values.format(duration))).isEqualTo(duration);
        }
        assertThat(Values.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Values.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void bool_should_read_true_and_false_only_and_refuse_what_maven_would_read_as_false() throws Exception {
        assertThat(Values.bool("failBuild", "true", false)).isTrue();
        assertThat(Values.bool("failBuild", " TRUE ", false)).isTrue();
        assertThat(Values.bool("failBuild", "False", true)).isFalse();
        assertThat(Values.bool("failBuild", null, true)).isTrue();
        for (String value : List.of("yes", "1", "on", "y", "0", "no", "off", "ture")) {
            assertThatThrownBy(() -> Values.bool("failBuild", value, true))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessage("Invalid failBuild (osvi.failBuild) '" + value + "': not a boolean, and Maven would"
                            + " read it as false without a word. Accepted: true or false.");
        }
        assertThatThrownBy(() -> Values.bool("skip", "", false))
                .hasMessage("Invalid skip (osvi.skip) '': it is empty. Accepted: true or false.");
    }
}
