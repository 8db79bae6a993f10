package ai.osvi.gate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.osvi.gate.TestConfig;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GateConfigTest {

    private static RawGateConfig rawAt(String baseUrl) {
        RawGateConfig raw = raw("7");
        raw.baseUrl = baseUrl;
        return raw;
    }

    private static RawGateConfig raw(String campaignId) {
        RawGateConfig raw = new RawGateConfig();
        raw.campaignId = campaignId;
        raw.completionOnly = "true"; // tests of rules set them; the others check one value each
        return raw;
    }

    @Test
    void defaults_should_parse_to_the_documented_values() throws Exception {
        GateConfig config = GateConfig.parse(raw("7"));
        assertThat(config.campaignId()).isEqualTo(7);
        assertThat(config.baseUrl()).hasToString("https://api.osvi.ai/");
        assertThat(config.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.rules()).isEmpty();
        assertThat(config.minCalls()).isEqualTo(1);
        assertThat(config.uploadId()).isEmpty();
        assertThat(config.failBuild()).isTrue();
        assertThat(config.maxConsecutiveErrors()).isEqualTo(5);
    }

    @Test
    void missing_campaignId_should_say_how_to_set_it() {
        assertThatThrownBy(() -> GateConfig.parse(raw(null)))
                .hasMessage("Missing campaignId (osvi.campaignId): say which campaign to await, e.g."
                        + " -Dosvi.campaignId=7 on the command line, where each run names its own (a <campaignId> in"
                        + " the pom would win over -D in every later run).");
        assertThatThrownBy(() -> GateConfig.parse(raw("-3"))).hasMessageContaining("campaignId (osvi.campaignId) '-3'");
    }

    @Test
    void maxFailureRatio_should_become_an_at_most_rule_over_the_failure_statuses() throws Exception {
        TestConfig raw = new TestConfig();
        raw.maxFailureRatio = "5%";
        raw.failureStatuses = "failed, not_picked";
        raw.thresholds = List.of("picked >= 60%");
        GateConfig config = GateConfig.parse(raw.raw());
        assertThat(config.rules())
                .extracting(rule -> rule.describe())
                .containsExactly("failed+not_picked <= 5%", "picked >= 60%");
        assertThat(config.rules().get(0).origin()).isEqualTo("maxFailureRatio");
    }

    @Test
    void timeout_shorter_than_pollInterval_should_be_refused() {
        TestConfig raw = new TestConfig();
        raw.timeout = "10s";
        assertThatThrownBy(() -> GateConfig.parse(raw.raw()))
                .hasMessageStartingWith("Invalid timeout (osvi.timeout) '10s': it is shorter than pollInterval"
                        + " (osvi.pollInterval) '15s'");
    }

    @Test
    void baseUrl_should_be_normalised_and_checked() throws Exception {
        assertThat(GateConfig.parse(rawAt("http://127.0.0.1:8080")).baseUrl()).hasToString("http://127.0.0.1:8080/");
        assertThat(GateConfig.parse(rawAt("https://proxy.example/osvi/")).baseUrl())
                .hasToString("https://proxy.example/osvi/");
        assertThatThrownBy(() -> GateConfig.parse(rawAt("ftp://api.osvi.ai")))
                .hasMessageContaining("the scheme must be http or https");
        assertThatThrownBy(() -> GateConfig.parse(rawAt("https://api.osvi.ai/?x=1")))
                .hasMessageContaining("it has a query or fragment");
        // a query may hold a credential: never echoed
        assertThatThrownBy(() -> GateConfig.parse(rawAt("https://api.osvi.ai/?api_token=tok_SECRET1")))
                .hasMessageContaining("'https://api.osvi.ai/?...': it has a query or fragment")
                .hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> GateConfig.parse(rawAt("https://me:s3cr3t@api.osvi.ai")))
                .hasMessageContaining("it contains user-info")
                .message()
                .doesNotContain("s3cr3t");
    }

    @Test
    void empty_failureStatuses_with_a_maxFailureRatio_should_be_refused() {
        TestConfig raw = new TestConfig();
        raw.maxFailureRatio = "5%";
        raw.failureStatuses = " , ";
        assertThatThrownBy(() -> GateConfig.parse(raw.raw()))
                .hasMessage("Invalid failureStatuses (osvi.failureStatuses) ' , ': it is empty. Accepted:"
                        + " comma-separated by_status keys, e.g. failed or failed,not_picked.");
    }

    @Test
    void plain_http_to_a_remote_host_should_be_refused_unless_allowed() throws Exception {
        TestConfig raw = new TestConfig();
        raw.baseUrl = "http://api.osvi.ai";
        assertThatThrownBy(() -> GateConfig.parse(raw.raw()))
                .hasMessageStartingWith("Refusing to send the API token over plain http:// to api.osvi.ai"
                        + " (baseUrl (osvi.baseUrl) 'http://api.osvi.ai')")
                .hasMessageContaining("-Dosvi.allowInsecureHttp=true");
        raw.allowInsecureHttp = "true";
        assertThat(GateConfig.parse(raw.raw()).baseUrl()).hasToString("http://api.osvi.ai/");

        raw.allowInsecureHttp = "false";
        for (String loopback :
                List.of("http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:8080", "http://127.10.0.3")) {
            raw.baseUrl = loopback;
            assertThat(GateConfig.parse(raw.raw()).baseUrl().getScheme()).isEqualTo("http");
        }
        raw.baseUrl = "http://127.0.0.1.evil.example";
        assertThatThrownBy(() -> GateConfig.parse(raw.raw())).hasMessageStartingWith("Refusing");
    }

    @Test
    void error_budget_and_policy_should_be_validated() {
        TestConfig raw = new TestConfig();
        raw.maxConsecutiveErrors = "0";
        assertThatThrownBy(() -> GateConfig.parse(raw.raw()))
                .hasMessageStartingWith("Invalid maxConsecutiveErrors (osvi.maxConsecutiveErrors) '0': must be"
                        + " greater than zero.");
        raw.maxConsecutiveErrors = "5";
        raw.onError = "ignore";
        assertThatThrownBy(() -> GateConfig.parse(raw.raw()))
                .hasMessage("Invalid onError (osvi.onError) 'ignore': unknown choice. Accepted: one of fail, warn.");
    }

    @Test
    void durations_and_counts_beyond_what_the_gate_can_compute_should_be_refused_naming_the_largest_accepted() {
        TestConfig raw = new TestConfig();
        raw.timeout = "200000d";
        assertThatThrownBy(() -> GateConfig.parse(raw.raw()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid timeout (osvi.timeout) '200000d': too large, the longest accepted is 365d."
                        + " Accepted: a duration of at most 365d, written as a number with a unit (500ms, 90s, 15m,"
                        + " 1h, 1h30m) or ISO-8601 (PT30M).");

        raw.timeout = "30m";
        raw.requestTimeout = "PT2562047788015216H";
        raw.maxPollInterval = "400d";
        raw.stallTimeout = "P1000000D";
        raw.maxConsecutiveErrors = "3000000000";
        InvalidConfigurationException e =
                catchThrowableOfType(InvalidConfigurationException.class, () -> GateConfig.parse(raw.raw()));
        assertThat(e.parameter()).isEqualTo("requestTimeout, maxConsecutiveErrors, maxPollInterval, stallTimeout");
        assertThat(e.getMessage())
                .contains(
                        "Invalid requestTimeout (osvi.requestTimeout) 'PT2562047788015216H': too large, the longest accepted"
                                + " is 365d.",
                        "Invalid maxPollInterval (osvi.maxPollInterval) '400d': too large, the longest accepted is 365d.",
                        "Invalid stallTimeout (osvi.stallTimeout) 'P1000000D': too large, the longest accepted is 365d."
                                + " Accepted: a duration from 15s to 365d, written as",
                        "Invalid maxConsecutiveErrors (osvi.maxConsecutiveErrors) '3000000000': too large, the largest"
                                + " accepted is 2147483647. Accepted: a positive whole number of at most 2147483647 (failed"
                                + " polls in a row that end the wait).");

        raw.timeout = "365d";
        raw.pollInterval = "365d";
        raw.requestTimeout = "365d";
        raw.maxPollInterval = "365d";
        raw.stallTimeout = "365d";
        raw.maxConsecutiveErrors = "2147483647";
        raw.minCalls = "9223372036854775807";
        GateConfig largest = raw.parse();
        assertThat(List.of(
                        largest.timeout(),
                        largest.pollInterval(),
                        largest.requestTimeout(),
                        largest.maxPollInterval(),
                        largest.stallTimeout()))
                .containsOnly(Duration.ofDays(365));
        assertThat(largest.maxConsecutiveErrors()).isEqualTo(Integer.MAX_VALUE);
        assertThat(largest.minCalls()).isEqualTo(Long.MAX_VALUE);
    }

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                Arguments.of("campaignId", "0"),
                Arguments.of("campaignId", "-7"),
                Arguments.of("campaignId", "seven"),
                Arguments.of("campaignId", "7,7"),
                Arguments.of("baseUrl", "api.osvi.ai"),
                Arguments.of("baseUrl", ""),
                Arguments.of("timeout", "0s"),
                Arguments.of("timeout", "-1m"),
                Arguments.of("timeout", "30"),
                Arguments.of("timeout", "5s"),
                Arguments.of("pollInterval", "500ms"),
                Arguments.of("pollInterval", "often"),
                Arguments.of("maxPollInterval", "0s"),
                Arguments.of("pollStrategy", "smart"),
                Arguments.of("requestTimeout", ""),
                Arguments.of("requestTimeout", "0ms"),
                Arguments.of("maxFailureRatio", "101%"),
                Arguments.of("maxFailureRatio", "1.5"),
                Arguments.of("maxFailureRatio", "-5%"),
                Arguments.of("maxFailureRatio", "lots"),
                Arguments.of("failureStatuses", "failed,failed"),
                Arguments.of("failureStatuses", "fail ed"),
                Arguments.of("thresholds", "picked => 60%"),
                Arguments.of("thresholds", "picked >= 160%"),
                Arguments.of("minCalls", "0"),
                Arguments.of("minCalls", "many"),
                Arguments.of("onInconclusive", "ignore"),
                Arguments.of("uploadId", "-19"),
                Arguments.of("onTimeout", "pass"),
                Arguments.of("onInactive", ""),
                Arguments.of("maxConsecutiveErrors", "0"),
                Arguments.of("onError", "retry"),
                Arguments.of("stallTimeout", "1s"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("wrongValues")
    void every_wrong_value_should_be_refused_naming_the_parameter_the_value_and_the_accepted_forms(
            String parameter, String value) throws Exception {
        TestConfig raw = new TestConfig();
        if (!parameter.equals("maxFailureRatio")) {
            raw.maxFailureRatio = "5%";
        }
        Field field = RawGateConfig.class.getField(parameter);
        field.set(raw, parameter.equals("thresholds") ? List.of(value) : value);

        assertThatThrownBy(() -> GateConfig.parseAll(raw))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(parameter + " (osvi." + parameter + ")")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("Accepted: ");
    }

    @Test
    void no_rule_should_be_an_error_naming_both_ways_and_the_execution_pitfall() {
        RawGateConfig raw = raw("7");
        raw.completionOnly = "false";
        assertThatThrownBy(() -> GateConfig.parse(raw))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(GateConfig.NO_RULE)
                .hasMessageContaining("maxFailureRatio")
                .hasMessageContaining("thresholds")
                .hasMessageContaining("osvi:await-campaign@<execution id>");
        raw.completionOnly = "true";
        assertThatCode(() -> GateConfig.parse(raw)).doesNotThrowAnyException();
        raw.completionOnly = "false";
        raw.thresholds = List.of("picked >= 60%");
        assertThatCode(() -> GateConfig.parse(raw)).doesNotThrowAnyException();
    }

    @Test
    void every_invalid_value_should_be_reported_at_once_with_its_accepted_forms() {
        RawGateConfig raw = raw("x");
        raw.pollInterval = "500ms";
        raw.maxFailureRatio = "150%";
        raw.onTimeout = "later";
        InvalidConfigurationException e =
                catchThrowableOfType(InvalidConfigurationException.class, () -> GateConfig.parse(raw));
        assertThat(e.parameter()).isEqualTo("campaignId, pollInterval, maxFailureRatio, onTimeout");
        assertThat(e.getMessage().lines()).hasSize(5).first().isEqualTo("4 invalid parameters:");
        assertThat(e.getMessage().lines().skip(1))
                .allSatisfy(line -> assertThat(line).startsWith("  - Invalid ").contains("Accepted: "));
        assertThat(e.getMessage())
                .contains(
                        "Invalid campaignId (osvi.campaignId) 'x'",
                        "Invalid pollInterval (osvi.pollInterval) '500ms'",
                        "Invalid maxFailureRatio (osvi.maxFailureRatio)" + " '150%'",
                        "Invalid onTimeout (osvi.onTimeout) 'later'");
    }

    @Test
    void a_boolean_maven_would_read_as_false_should_be_refused_naming_the_parameter_and_the_value() {
        for (String parameter : List.of("failBuild", "failFast", "allowInsecureHttp", "completionOnly")) {
            RawGateConfig raw = raw("7");
            raw.maxFailureRatio = "5%";
            switch (parameter) {
                case "failBuild" -> raw.failBuild = "yes";
                case "failFast" -> raw.failFast = "1";
                case "allowInsecureHttp" -> raw.allowInsecureHttp = "on";
                default -> raw.completionOnly = "y";
            }
            InvalidConfigurationException e =
                    catchThrowableOfType(InvalidConfigurationException.class, () -> GateConfig.parse(raw));
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e)
                    .hasMessageStartingWith("Invalid " + parameter + " (osvi." + parameter + ") '")
                    .hasMessageEndingWith("': not a boolean, and Maven would read it as false without a word."
                            + " Accepted: true or false.");
        }
    }

    @Test
    void an_unreadable_allowInsecureHttp_or_completionOnly_should_allow_nothing() {
        RawGateConfig raw = raw("7");
        raw.baseUrl = "http://api.osvi.ai";
        raw.allowInsecureHttp = "yes";
        raw.completionOnly = "yes";
        InvalidConfigurationException e =
                catchThrowableOfType(InvalidConfigurationException.class, () -> GateConfig.parse(raw));
        assertThat(e.parameter()).isEqualTo("allowInsecureHttp, completionOnly");
        assertThat(e).hasMessageNotContaining("No rule is configured").hasMessageNotContaining("Refusing to send");
    }

    @Test
    void true_and_false_in_any_case_should_be_read() throws Exception {
        RawGateConfig raw = raw("7");
        raw.failBuild = "FALSE";
        raw.failFast = " True ";
        GateConfig config = GateConfig.parse(raw);
        assertThat(config.failBuild()).isFalse();
        assertThat(config.failFast()).isTrue();
    }

    @Test
    void a_status_a_typo_away_from_a_documented_one_should_be_refused_before_the_wait_with_the_suggestion() {
        TestConfig raw = new TestConfig();
        raw.thresholds = List.of("faild<=5%");

        assertThatThrownBy(() -> GateConfig.parse(raw.raw()))
                .hasMessage("Invalid thresholds (osvi.thresholds)"
                        + " 'faild <= 5%': the status 'faild' is a small edit away from 'failed', a status the API documents:"
                        + " did you mean failed? A status the API does not report counts as 0 calls, so the typo would"
                        + " otherwise show only once the campaign completed. Statuses the API documents: picked, not_picked,"
                        + " failed.");
    }

    @Test
    void a_failureStatuses_typo_should_be_refused_naming_failureStatuses() {
        TestConfig raw = new TestConfig();
        raw.maxFailureRatio = "5%";
        raw.failureStatuses = "failed,not_pickd";

        InvalidConfigurationException problem =
                catchThrowableOfType(InvalidConfigurationException.class, () -> GateConfig.parse(raw.raw()));
        assertThat(problem.parameter()).isEqualTo("failureStatuses");
        assertThat(problem)
                .hasMessageStartingWith("Invalid failureStatuses (osvi.failureStatuses)"
                        + " 'failed,not_pickd': the status 'not_pickd' is a small edit away from 'not_picked'");
    }

    @Test
    void two_rules_naming_statuses_a_typo_apart_should_be_refused_once() {
        TestConfig raw = new TestConfig();
        raw.thresholds = List.of("voicemail<=5%", "voicemial<=10%");

        assertThatThrownBy(() -> GateConfig.parse(raw.raw()))
                .hasMessageStartingWith("Invalid thresholds"
                        + " (osvi.thresholds) 'voicemail <= 5%': the status 'voicemail' is a small edit away from"
                        + " 'voicemial', which rule 'voicemial <= 10%' (thresholds) names: did you mean the same status in"
                        + " both?")
                .hasMessageNotContaining("invalid parameters");
    }

    @Test
    void documented_statuses_and_statuses_far_from_every_known_one_should_be_accepted() throws Exception {
        TestConfig raw = new TestConfig();
        raw.maxFailureRatio = "5%";
        raw.failureStatuses = "failed,not_picked";
        raw.thresholds = List.of("picked>=60%", "voicemail<=10%", "failed+busy<=20%", "failed<=6%");

        assertThat(GateConfig.parse(raw.raw()).rules()).hasSize(5);
    }
}
