package ai.osvi.gate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wait that would outlive its CI job is refused at start; one that fits, with a minute to spare, is not. */
class JobTimeLimitTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:40:00Z");

    private static JobTimeLimit limit(Map<String, String> environment) throws InvalidConfigurationException {
        return JobTimeLimit.fromEnvironment(environment::get).orElseThrow();
    }

    @Test
    void without_the_variable_there_should_be_no_limit() throws Exception {
        assertThat(JobTimeLimit.fromEnvironment(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void a_timeout_that_ends_a_minute_before_the_job_should_be_accepted_and_a_second_more_refused() throws Exception {
        JobTimeLimit job = limit(Map.of("CI_JOB_TIMEOUT", "3600"));

        assertThatCode(() -> job.check(Duration.ofMinutes(59), NOW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> job.check(Duration.ofSeconds(59 * 60 + 1), NOW))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("timeout 59m1s outlives"
                        + " the job: the CI stops it after CI_JOB_TIMEOUT=3600 (1h)");
    }

    @Test
    void the_time_the_job_already_ran_should_count_when_the_ci_says_when_it_started() throws Exception {
        // started 40 minutes ago with an hour: 20 minutes left, 19 of them usable
        JobTimeLimit job = limit(Map.of("CI_JOB_TIMEOUT", "3600", "CI_JOB_STARTED_AT", "2026-06-01T10:00:00Z"));

        assertThatCode(() -> job.check(Duration.ofMinutes(19), NOW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> job.check(Duration.ofMinutes(30), NOW))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).parameter()).isEqualTo("timeout"))
                .hasMessage("timeout 30m outlives the job: the CI stops it after CI_JOB_TIMEOUT=3600 (1h), started"
                        + " at 10:00:00 UTC, so it ends at 11:00:00 UTC, 20m from now, and would kill the gate with no"
                        + " verdict and no report. The gate keeps 1m of the job for its reports. Either lower timeout"
                        + " to at most 19m (-Dosvi.timeout=19m) to give up within the job, raise the job's time limit,"
                        + " or judge a campaign longer than the job with check-campaign on a schedule.");
    }

    @Test
    void a_job_with_less_than_two_minutes_left_should_not_suggest_a_timeout() throws Exception {
        JobTimeLimit job = limit(Map.of("CI_JOB_TIMEOUT", "3600", "CI_JOB_STARTED_AT", "2026-06-01T09:40:30Z"));

        assertThatThrownBy(() -> job.check(Duration.ofMinutes(5), NOW)).hasMessageContaining("30s from now")
                .hasMessageContaining("Either raise the job's time limit").hasMessageNotContaining("-Dosvi.timeout");
    }

    @Test
    void values_the_ci_would_never_send_should_be_refused_naming_the_variable() {
        assertThatThrownBy(() -> limit(Map.of("CI_JOB_TIMEOUT", "1h")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("The environment variable CI_JOB_TIMEOUT is '1h', not a number of seconds greater than 0."
                        + " GitLab sets it to the job's timeout in seconds; set it so, or unset it.");
        assertThatThrownBy(() -> limit(Map.of("CI_JOB_TIMEOUT", "0"))).hasMessageContaining("'0'");
        assertThatThrownBy(() -> limit(Map.of("CI_JOB_TIMEOUT", "60", "CI_JOB_STARTED_AT", "yesterday")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("The environment variable CI_JOB_STARTED_AT is 'yesterday'");
    }
}
