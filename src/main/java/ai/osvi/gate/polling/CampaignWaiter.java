package ai.osvi.gate.polling;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Policy.OnInactive;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.WaitResult.Outcome;
import ai.osvi.gate.rules.Outlook;
import ai.osvi.gate.rules.RuleResult;
import ai.osvi.gate.rules.Standing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * Polls until every awaited queue has completed, the campaign goes inactive, the API refuses, errors pile up or the
 * deadline passes. The deadline counts request time: each request gets at most the time left before it, and an
 * answer that arrives after it is not used.
 */
public final class CampaignWaiter {

    static final Duration HEARTBEAT = Duration.ofSeconds(60);
    /** How long before the deadline the last poll comes, at most (less when requestTimeout is shorter). */
    static final Duration FINAL_POLL_LEAD = Duration.ofSeconds(5);
    /** The least time a scheduled request gets before the deadline (less only when requestTimeout is shorter). */
    static final Duration MIN_REQUEST_TIME = Duration.ofSeconds(1);

    private final GateConfig config;
    private final StatusSource source;
    private final TimeSource time;
    private final GateLog log;
    private final AbortSignal abort;
    private final DoubleSupplier random;
    private final String prefix;
    private final Timeline.Recorder timeline;

    /** @param random uniform values in [0, 1), for the jitter of the backoff after errors */
    public CampaignWaiter(
            GateConfig config,
            StatusSource source,
            TimeSource time,
            GateLog log,
            AbortSignal abort,
            DoubleSupplier random) {
        this.config = config;
        this.source = source;
        this.time = time;
        this.log = log;
        this.abort = abort;
        this.random = random;
        this.prefix = "campaign " + config.campaignId() + ": ";
        this.timeline = new Timeline.Recorder(config.uploadId());
    }

    private CampaignStatus last;
    private long answeredAt;
    private final Forecast forecast = new Forecast();
    private final List<String> warnings = new ArrayList<>();
    private int polls;
    private int errors;
    private boolean once;

    private long start;
    private Instant startedAt;
    private long deadline;
    /** When the last poll before the deadline comes, at the latest: the snapshot judged at a timeout is this fresh. */
    private long lastCall;

    private long nextPollAt;
    private long lastLineAt;
    private ApiException lastError;
    private int consecutiveErrors;
    private boolean missingUploadReported;
    private boolean inactiveReported;
    private boolean retryWindowChecked;
    private boolean deadlineWarned;
    private PollSchedule schedule;
    private String lastState;
    private long lastChangeAt;

    /**
     * One judgement of the current snapshot instead of a wait: the first good answer ends it (RUNNING when the
     * campaign is not complete and no breach is certain yet); transient errors are retried as usual, all within
     * {@code requestTimeout}.
     */
    public WaitResult checkOnce() {
        once = true;
        return await();
    }

    /** Waits; an unexpected exception ends the wait as {@link Outcome#INTERNAL_ERROR}, never thrown. */
    public WaitResult await() {
        return await(givesUpAt -> {});
    }

    /**
     * As {@link #await()}, telling {@code onStart} when the wait gives up ("10:52:07 UTC"), once its clock has started
     * and before the first request: the same words as every later line that names the deadline.
     */
    public WaitResult await(Consumer<String> onStart) {
        start = time.nanoTime();
        startedAt = time.wallClock();
        deadline = start + (once ? min(config.requestTimeout(), config.timeout()) : config.timeout()).toNanos();
        lastCall = deadline - min(config.requestTimeout(), FINAL_POLL_LEAD).toNanos();
        lastLineAt = start;
        lastChangeAt = start;
        schedule = PollSchedule.of(config);
        onStart.accept(clockTime(deadline));
        try {
            return poll();
        } catch (RuntimeException e) {
            return new WaitResult(
                    Outcome.INTERNAL_ERROR, last, null, polls, errors, since(start), e, timeline.timeline(), warnings);
        }
    }

    private WaitResult poll() {
        while (true) {
            if (abort.isAborted()) {
                return end(Outcome.ABORTED, lastError);
            }
            if (polls > 0 && time.nanoTime() - deadline >= 0) {
                return end(Outcome.TIMED_OUT, lastError); // no time left for another request
            }
            polls++;
            WaitResult ended;
            try {
                CampaignStatus snapshot =
                        source.fetch(config.campaignId(), Duration.ofNanos(Math.max(0, deadline - time.nanoTime())));
                long now = time.nanoTime();
                if (now - deadline > 0) {
                    // an answer from after the deadline is not used, however it reads
                    return end(Outcome.TIMED_OUT, lastError);
                }
                ended = afterAnswer(snapshot, now);
            } catch (ApiException e) {
                ended = afterError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return end(Outcome.ABORTED, lastError);
            }
            if (ended != null) {
                return ended;
            }
            try {
                sleepUntil(nextPollAt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return end(Outcome.ABORTED, lastError);
            }
        }
    }

    /** How the wait ends: the last snapshot received, the counts, the time taken, the timeline and the warnings. */
    private WaitResult end(Outcome outcome, ApiException error) {
        return new WaitResult(outcome, last, error, polls, errors, since(start), null, timeline.timeline(), warnings);
    }

    /** After a good answer at {@code now}: the end of the wait, or {@code null} with the next poll set. */
    private WaitResult afterAnswer(CampaignStatus snapshot, long now) {
        timeline.add(now - start, snapshot);
        consecutiveErrors = 0;
        last = snapshot;
        answeredAt = now;
        forecast.add(snapshot, now);
        // the progress line holds every count, the number of completed queues and the campaign's state
        String progress = Progress.describe(snapshot, config.uploadId());
        boolean changed = !progress.equals(lastState);
        if (changed) {
            lastState = progress;
            lastChangeAt = now;
        }
        Outcome end = endOf(snapshot, changed, now);
        nextPollAt = end == null ? nextPollAt(now, schedule.next(snapshot, now)) : now;
        progressLine(snapshot, changed, end == null && !once, now);
        if (end == Outcome.COMPLETED) {
            return end(end, null);
        }
        if (!retryWindowChecked && !once) {
            warnIfTimeoutShorterThanRetryWindow(snapshot);
            retryWindowChecked = true;
        }
        if (end == Outcome.CERTAIN_BREACH || end == Outcome.STALLED) {
            return end(end, null);
        }
        warnIfNothingToAwait(snapshot);
        if (end == Outcome.INACTIVE) {
            return end(end, null);
        }
        if (snapshot.campaign().isInactive() && !inactiveReported) {
            log.warn(prefix + "the campaign is inactive; waiting anyway (onInactive=wait)");
            inactiveReported = true;
        }
        if (once) {
            return end(Outcome.RUNNING, null);
        }
        warnIfDeadlineMissed(now);
        return null;
    }

    /** How this answer ends the wait, or {@code null} when it goes on. */
    private Outcome endOf(CampaignStatus snapshot, boolean changed, long now) {
        if (snapshot.isComplete(config.uploadId())) {
            return Outcome.COMPLETED;
        }
        if (isCertainBreach(snapshot)) {
            return Outcome.CERTAIN_BREACH;
        }
        if (!changed
                && config.stallTimeout() != null
                && now - lastChangeAt >= config.stallTimeout().toNanos()) {
            return Outcome.STALLED;
        }
        return snapshot.campaign().isInactive() && config.onInactive() == OnInactive.FAIL ? Outcome.INACTIVE : null;
    }

    /** The answer's line: when it changed, or when the next line would otherwise be more than a minute away. */
    private void progressLine(CampaignStatus snapshot, boolean changed, boolean goesOn, long now) {
        if (changed || nextPollAt - lastLineAt > HEARTBEAT.toNanos() || now - lastLineAt >= HEARTBEAT.toNanos()) {
            log.info(prefix + (changed ? "" : "still waiting, ") + Progress.line(snapshot, config.uploadId())
                    + ", elapsed " + elapsed(now - start) + (goesOn ? timeLeft(now) + nextPoll(now, nextPollAt) : ""));
            lastLineAt = now;
        }
    }

    private void warnIfNothingToAwait(CampaignStatus snapshot) {
        OptionalLong uploadId = config.uploadId();
        if (missingUploadReported) {
            return;
        }
        if (uploadId.isPresent() && !snapshot.hasUpload(uploadId.getAsLong())) {
            log.warn(prefix + "no upload " + uploadId.getAsLong() + " (yet); uploads seen: " + uploadsSeen(snapshot)
                    + ". Waiting for it to appear.");
            missingUploadReported = true;
        } else if (snapshot.awaitedQueues(uploadId) == 0) {
            log.warn(prefix + "no calling queue to await yet (uploads seen: " + uploadsSeen(snapshot)
                    + "). The campaign completes only once every upload has queues and all of them have"
                    + " completed.");
            missingUploadReported = true;
        }
    }

    /** After a failed poll: the end of the wait, or {@code null} with the retry set. */
    private WaitResult afterError(ApiException e) {
        lastError = e;
        timeline.failed(time.nanoTime() - start);
        if (!e.isTransient()) {
            return end(Outcome.REJECTED, e);
        }
        if (abort.isAborted()) {
            return end(Outcome.ABORTED, lastError);
        }
        errors++;
        consecutiveErrors++;
        if (consecutiveErrors >= config.maxConsecutiveErrors()) {
            return end(Outcome.GAVE_UP, e);
        }
        long now = time.nanoTime();
        Duration pause = backoff(consecutiveErrors);
        if (e.retryAfter().isPresent() && e.retryAfter().get().compareTo(pause) > 0) {
            // the server asked: its pause is kept even near the deadline. A Retry-After date may be centuries away,
            // beyond the clock's nanoseconds: the deadline comes first anyway.
            pause = min(e.retryAfter().get(), config.timeout());
            nextPollAt = now + Math.min(pause.toNanos(), Math.max(0, deadline - now));
        } else {
            nextPollAt = nextPollAt(now, pause);
        }
        log.warn(prefix + "poll failed (" + consecutiveErrors + " in a row, the wait ends at "
                + config.maxConsecutiveErrors() + "): " + e.getMessage() + ";"
                + nextPoll(now, nextPollAt).substring(1));
        lastLineAt = time.nanoTime();
        return null;
    }

    /**
     * When the next poll comes: after {@code pause}; but one that would pass {@link #lastCall}, still ahead, comes at
     * {@code lastCall} instead, never sooner than {@code pollInterval} after this one, so that the last snapshot before
     * the deadline is at most a few seconds old; the deadline itself when no poll fits before it with at least
     * {@link #MIN_REQUEST_TIME} to be answered in. Nanosecond readings
     * may wrap, so they are compared by their differences.
     */
    private long nextPollAt(long now, Duration pause) {
        long at = now + Math.min(pause.toNanos(), Math.max(0, deadline - now));
        if (at - lastCall > 0 && lastCall - now > 0) {
            long soonest = now + config.pollInterval().toNanos();
            at = lastCall - soonest > 0 ? lastCall : soonest;
        }
        // a request that could not even be answered before the deadline is not started
        return at - deadline >= 0
                        || deadline - at
                                < min(config.requestTimeout(), MIN_REQUEST_TIME).toNanos()
                ? deadline
                : at;
    }

    /**
     * Once, when the campaign's steady pace says it ends after the deadline: a warning with both clock times and the
     * ways out, kept for the reports.
     */
    private void warnIfDeadlineMissed(long now) {
        OptionalLong left = forecast.expected();
        if (deadlineWarned || left.isEmpty() || now + left.getAsLong() - deadline <= 0) {
            return;
        }
        deadlineWarned = true;
        String warning = "at its pace the campaign ends about " + clockTime(now + left.getAsLong())
                + ", after the gate gives up at " + clockTime(deadline) + " (timeout "
                + Values.format(config.timeout()) + "): raise timeout (-Dosvi.timeout), or judge a campaign longer"
                + " than the job with check-campaign on a schedule.";
        warnings.add(warning);
        log.warn(prefix + warning);
    }

    /** The wall-clock time of a nanosecond reading, as "10:52:07 UTC". */
    private String clockTime(long nanos) {
        return Values.clockTime(startedAt.plusNanos(nanos - start), startedAt);
    }

    /**
     * The pause after the {@code n}-th error in a row: uniform between {@code pollInterval} and
     * {@code pollInterval * 2^(n-1)}, the upper end capped at {@link GateConfig#MAX_BACKOFF} (or pollInterval when
     * that is longer). The first retry comes at the usual interval; never faster than pollInterval.
     */
    Duration backoff(int n) {
        long base = config.pollInterval().toNanos();
        long cap = Math.max(base, GateConfig.MAX_BACKOFF.toNanos());
        long ceiling = n - 1 >= 62 || base > (cap >> Math.min(62, n - 1)) ? cap : Math.min(cap, base << (n - 1));
        return Duration.ofNanos(base + (long) (random.getAsDouble() * (ceiling - base)));
    }

    /**
     * Sleeps until {@code wakeAt}, in chunks through the injected sleeper: when the next poll is more than
     * {@link #HEARTBEAT} after the last line, "still waiting" lines spread evenly in between, at most
     * {@link #HEARTBEAT} apart (so that none comes just before the poll's own line). A poll prints its line whenever
     * the next poll comes more than {@link #HEARTBEAT} after the last line, so the lines spread here start from the
     * poll's own and never fall in the past.
     */
    private void sleepUntil(long wakeAt) throws InterruptedException {
        String counts = null;
        while (true) {
            long now = time.nanoTime();
            if (now - wakeAt >= 0) {
                return;
            }
            long span = wakeAt - lastLineAt;
            if (span <= HEARTBEAT.toNanos()) {
                // the poll comes first, and prints a line if one is due
                time.sleep(Duration.ofNanos(wakeAt - now));
                return;
            }
            long lines = (span + HEARTBEAT.toNanos() - 1) / HEARTBEAT.toNanos();
            long lineAt = lastLineAt + span / lines;
            if (lineAt - now > 0) {
                time.sleep(Duration.ofNanos(lineAt - now));
                continue;
            }
            if (counts == null) {
                counts = last == null ? "no answer yet" : Progress.line(last, config.uploadId());
            }
            log.info(prefix + "still waiting, " + counts + ", elapsed " + elapsed(now - start)
                    + (consecutiveErrors > 0
                            ? ", last poll failed"
                            : ", last poll " + elapsed(now - answeredAt) + " ago" + timeLeft(now))
                    + nextPoll(now, wakeAt));
            lastLineAt = now;
        }
    }

    /** ", about 2 min left", from the last answer's progress, or nothing when it cannot tell. */
    private String timeLeft(long now) {
        OptionalLong left = forecast.expected();
        if (left.isEmpty() || left.getAsLong() - (now - answeredAt) <= 0) {
            return "";
        }
        return ", " + Progress.timeLeft(Duration.ofNanos(left.getAsLong() - (now - answeredAt)));
    }

    /** ", next poll in 45s", or ", timeout in 5s" when no poll comes before the deadline. */
    private String nextPoll(long now, long pollAt) {
        return pollAt - deadline >= 0
                ? ", timeout in " + Values.formatRounded(Duration.ofNanos(Math.max(0, deadline - now)))
                : ", next poll in " + Values.formatRounded(Duration.ofNanos(pollAt - now));
    }

    private boolean isCertainBreach(CampaignStatus snapshot) {
        if (!(config.failFast() || once) || snapshot.calls().total() < config.minCalls()) {
            return false;
        }
        Outlook outlook = Outlook.of(snapshot, config.uploadId());
        return snapshot.calls().total() > 0
                && !snapshot.calls().isInconsistent()
                && config.rules().stream()
                        .filter(rule -> !rule.advisory())
                        .anyMatch(rule -> RuleResult.judge(rule, snapshot.calls(), outlook)
                                        .standing()
                                == Standing.CERTAIN);
    }

    private void warnIfTimeoutShorterThanRetryWindow(CampaignStatus snapshot) {
        Integer retries = snapshot.campaign().retryThreshold();
        Integer delay = snapshot.campaign().retryDelaySeconds();
        if (Boolean.TRUE.equals(snapshot.campaign().retryEnabled()) && retries != null && delay != null) {
            Duration window = Duration.ofSeconds((long) retries * delay);
            if (config.timeout().compareTo(window) < 0) {
                log.warn(prefix + "timeout " + Values.format(config.timeout()) + " is shorter than the campaign's"
                        + " retry window (" + retries + " retries " + Values.format(Duration.ofSeconds(delay))
                        + " apart = " + Values.format(window) + "): the campaign may still be retrying calls when"
                        + " the gate gives up.");
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Duration since(long start) {
        return Duration.ofNanos(time.nanoTime() - start);
    }

    private static String uploadsSeen(CampaignStatus snapshot) {
        String ids = snapshot.uploads().stream()
                .map(upload -> Long.toString(upload.campaignUploadId()))
                .collect(Collectors.joining(", "));
        return ids.isEmpty() ? "none" : ids;
    }

    static String elapsed(long nanos) {
        return Values.format(Duration.ofSeconds(Duration.ofNanos(nanos).toSeconds()));
    }
}
