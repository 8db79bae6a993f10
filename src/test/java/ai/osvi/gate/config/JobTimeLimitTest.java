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

        assertThatCode(() -> job.check(Duration.ofMinutes(59), NOW, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> job.check(Duration.ofSeconds(59 * 60 + 1), NOW, null))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("timeout 59m1s outlives"
                        + " the job: the CI stops it 1h after it started (CI_JOB_TIMEOUT=3600, counted from now)");
    }

    @Test
    void the_time_the_job_already_ran_should_count_when_the_ci_says_when_it_started() throws Exception {
        // started 40 minutes ago with an hour: 20 minutes left, 19 of them usable
        JobTimeLimit job = limit(Map.of("CI_JOB_TIMEOUT", "3600", "CI_JOB_STARTED_AT", "2026-06-01T10:00:00Z"));

        assertThatCode(() -> job.check(Duration.ofMinutes(19), NOW, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> job.check(Duration.ofMinutes(30), NOW, null))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).parameter())
                        .isEqualTo("timeout"))
                .hasMessage("timeout 30m outlives the job: the CI stops it 1h after it started (CI_JOB_TIMEOUT=3600,"
                        + " counted from CI_JOB_STARTED_AT 10:00:00 UTC), so it ends at 11:00:00 UTC, 20m from now,"
                        + " and would kill the gate with no verdict and no report. The gate keeps 1m of the job for"
                        + " its reports. Either lower timeout to at most 19m (-Dosvi.timeout=19m) to give up within"
                        + " the job, raise the job's time limit, or judge a campaign longer than the job with"
                        + " check-campaign on a schedule.");
    }

    @Test
    void the_time_the_build_already_ran_should_count_when_the_ci_does_not_say_when_the_job_started() throws Exception {
        // a second gate, 70 s into the build: 58m50s left of the hour, so 59m is refused
        JobTimeLimit job = limit(Map.of("CI_JOB_TIMEOUT", "3600"));
        Instant buildStart = NOW.minusSeconds(70);

        assertThatThrownBy(() -> job.check(Duration.ofMinutes(59), NOW, buildStart))
                .hasMessageContaining("counted from this Maven build's start at 10:38:50 UTC), so it ends at"
                        + " 11:38:50 UTC, 58m50s from now");
        assertThatCode(() -> job.check(Duration.ofMinutes(57), NOW, buildStart)).doesNotThrowAnyException();
    }

    @Test
    void a_job_start_in_the_future_should_count_from_now_never_giving_more_time_than_the_job_has() throws Exception {
        JobTimeLimit job = limit(Map.of("CI_JOB_TIMEOUT", "3600", "CI_JOB_STARTED_AT", "2026-06-01T13:40:00Z"));

        assertThatThrownBy(() -> job.check(Duration.ofMinutes(90), NOW, null))
                .hasMessageContaining("(CI_JOB_TIMEOUT=3600, counted from now), so it ends at 11:40:00 UTC");
    }

    @Test
    void a_job_already_over_should_say_when_it_ended_and_suggest_no_timeout() throws Exception {
        JobTimeLimit job = limit(Map.of("CI_JOB_TIMEOUT", "3600", "CI_JOB_STARTED_AT", "2026-06-01T08:40:00Z"));

        assertThatThrownBy(() -> job.check(Duration.ofMinutes(5), NOW, null))
                .hasMessageContaining("so it ended at 09:40:00 UTC, 1h ago")
                .hasMessageContaining("Either raise the job's time limit")
                .hasMessageNotContaining("-Dosvi.timeout");
    }

    @Test
    void a_job_with_less_than_two_minutes_left_should_not_suggest_a_timeout() throws Exception {
        JobTimeLimit job = limit(Map.of("CI_JOB_TIMEOUT", "3600", "CI_JOB_STARTED_AT", "2026-06-01T09:40:30Z"));

        assertThatThrownBy(() -> job.check(Duration.ofMinutes(5), NOW, null))
                .hasMessageContaining("30s from now")
                .hasMessageContaining("Either raise the job's time limit")
                .hasMessageNotContaining("-Dosvi.timeout");
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
