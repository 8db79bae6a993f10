package ai.osvi.gate.config;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How long the CI lets the job run, as GitLab tells it ({@value #TIMEOUT_VARIABLE} in seconds, and
 * {@value #STARTED_VARIABLE}): a wait that would outlive the job is killed by the runner with no verdict and no report,
 * so it is refused before the first request. Any CI can say the same by setting the variable.
 *
 * @param limit     how long the job may run
 * @param startedAt when the job started, or {@code null} when the CI did not say (the whole limit is then left)
 */
public record JobTimeLimit(Duration limit, Instant startedAt) {

    public static final String TIMEOUT_VARIABLE = "CI_JOB_TIMEOUT";
    public static final String STARTED_VARIABLE = "CI_JOB_STARTED_AT";
    /** Kept free after the gate gives up, for its reports and the rest of the build. */
    public static final Duration MARGIN = Duration.ofMinutes(1);

    /** The job's limit from {@code environment}, or empty when {@value #TIMEOUT_VARIABLE} is not set. */
    public static Optional<JobTimeLimit> fromEnvironment(UnaryOperator<String> environment)
            throws InvalidConfigurationException {
        String seconds = environment.apply(TIMEOUT_VARIABLE);
        if (seconds == null || seconds.isEmpty()) {
            return Optional.empty();
        }
        if (!seconds.matches("[0-9]{1,12}") || Long.parseLong(seconds) == 0) {
            throw new InvalidConfigurationException(
                    TIMEOUT_VARIABLE,
                    "The environment variable " + TIMEOUT_VARIABLE
                            + " is '" + seconds
                            + "', not a number of seconds greater than 0. GitLab sets it to the job's"
                            + " timeout in seconds; set it so, or unset it.");
        }
        String started = environment.apply(STARTED_VARIABLE);
        Instant startedAt = null;
        if (started != null && !started.isEmpty()) {
            try {
                startedAt = OffsetDateTime.parse(started).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidConfigurationException(
                        STARTED_VARIABLE,
                        "The environment variable "
                                + STARTED_VARIABLE + " is '" + started + "', not a date-time with an offset"
                                + " (2026-06-01T10:00:00Z). GitLab sets it to when the job started; set it so, or unset it.");
            }
        }
        return Optional.of(new JobTimeLimit(Duration.ofSeconds(Long.parseLong(seconds)), startedAt));
    }

    /**
     * Refuses a {@code timeout} that, from {@code now}, would end after the job's limit less {@link #MARGIN}. The job
     * started no later than the Maven build did ({@code buildStart}, or {@code null} when unknown), nor than the CI
     * says, nor than now: the earliest of these counts, so that a gate bound late in a long build, or a CI clock
     * ahead of this machine's, never gets more time than the job has.
     */
    public void check(Duration timeout, Instant now, Instant buildStart) throws InvalidConfigurationException {
        Instant jobStart = now;
        String from = "now";
        if (buildStart != null && buildStart.isBefore(jobStart)) {
            jobStart = buildStart;
            from = "this Maven build's start at " + Values.clockTime(buildStart, now);
        }
        if (startedAt != null && startedAt.isBefore(jobStart)) {
            jobStart = startedAt;
            from = STARTED_VARIABLE + " " + Values.clockTime(startedAt, now);
        }
        Instant jobEnds = jobStart.plus(limit);
        Duration left = Duration.between(now, jobEnds);
        Duration usable = left.minus(MARGIN);
        if (timeout.compareTo(usable) <= 0) {
            return;
        }
        String end = left.isNegative() || left.isZero()
                ? "so it ended at " + Values.clockTime(jobEnds, now) + ", "
                        + Values.format(Duration.ofSeconds(left.negated().toSeconds())) + " ago"
                : "so it ends at " + Values.clockTime(jobEnds, now) + ", "
                        + Values.format(Duration.ofSeconds(left.toSeconds())) + " from now";
        String lower = usable.compareTo(Duration.ofMinutes(1)) >= 0
                ? "lower timeout to at most " + Values.format(roundedDown(usable)) + " (-Dosvi.timeout="
                        + Values.format(roundedDown(usable)) + ") to give up within the job, "
                : "";
        throw new InvalidConfigurationException(
                "timeout",
                "timeout " + Values.format(timeout) + " outlives the"
                        + " job: the CI stops it " + Values.format(limit) + " after it started (" + TIMEOUT_VARIABLE
                        + "="
                        + limit.toSeconds() + ", counted from " + from + "), " + end
                        + ", and would kill the gate with no"
                        + " verdict and no report. The gate keeps " + Values.format(MARGIN)
                        + " of the job for its reports."
                        + " Either " + lower
                        + "raise the job's time limit, or judge a campaign longer than the job with"
                        + " check-campaign on a schedule.");
    }

    private static Duration roundedDown(Duration duration) {
        return Duration.ofMinutes(duration.toMinutes());
    }
}
