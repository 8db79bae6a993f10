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
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * Polls until every awaited queue has completed, the campaign goes inactive, the API refuses, errors pile up or the
 * deadline passes. The deadline counts request time: each request gets at most the time left before it, and an
 * answer that arrives after it is not used.
 */
public final class CampaignWaiter {

    static final Duration HEARTBEAT = Duration.ofSeconds(60);

    private final GateConfig config;
    private final StatusSource source;
    private final TimeSource time;
    private final GateLog log;
    private final AbortSignal abort;
    private final DoubleSupplier random;
    private final String prefix;
    private final Timeline.Recorder timeline;

    /** @param random uniform values in [0, 1), for the jitter of the backoff after errors */
    public CampaignWaiter(GateConfig config, StatusSource source, TimeSource time, GateLog log, AbortSignal abort,
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
    private int polls;
    private int errors;
    private boolean once;

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
        long start = time.nanoTime();
        try {
            return poll(start).withTimeline(timeline.timeline());
        } catch (RuntimeException e) {
            return new WaitResult(Outcome.INTERNAL_ERROR, last, null, polls, errors, since(start), e,
                    timeline.timeline());
        }
    }

    private WaitResult poll(long start) {
        long deadline = start + (once ? min(config.requestTimeout(), config.timeout()) : config.timeout()).toNanos();
        OptionalLong uploadId = config.uploadId();
        ApiException lastError = null;
        int consecutiveErrors = 0;
        long lastLineAt = start;
        boolean missingUploadReported = false;
        boolean inactiveReported = false;
        boolean retryWindowChecked = false;
        PollSchedule schedule = PollSchedule.of(config);
        String lastState = null;
        long lastChangeAt = start;

        while (true) {
            if (abort.isAborted()) {
                return new WaitResult(Outcome.ABORTED, last, lastError, polls, errors, since(start));
            }
            if (polls > 0 && time.nanoTime() - deadline >= 0) {
                // no time left for another request
                return new WaitResult(Outcome.TIMED_OUT, last, lastError, polls, errors, since(start));
            }
            polls++;
            Duration pause = config.pollInterval();
            try {
                CampaignStatus snapshot = source.fetch(config.campaignId(),
                        Duration.ofNanos(Math.max(0, deadline - time.nanoTime())));
                long now = time.nanoTime();
                if (now - deadline > 0) {
                    // an answer from after the deadline is not used, however it reads
                    return new WaitResult(Outcome.TIMED_OUT, last, lastError, polls, errors, since(start));
                }
                timeline.add(now - start, snapshot);
                consecutiveErrors = 0;
                last = snapshot;
                answeredAt = now;
                forecast.add(snapshot, now);
                // the progress line holds every count, the number of completed queues and the campaign's state
                String progress = Progress.describe(snapshot, uploadId);
                boolean changed = !progress.equals(lastState);
                if (changed) {
                    lastState = progress;
                    lastChangeAt = now;
                }
                Outcome end = snapshot.isComplete(uploadId) ? Outcome.COMPLETED
                        : isCertainBreach(snapshot) ? Outcome.CERTAIN_BREACH
                        : !changed && config.stallTimeout() != null
                                && now - lastChangeAt >= config.stallTimeout().toNanos() ? Outcome.STALLED
                        : snapshot.campaign().isInactive() && config.onInactive() == OnInactive.FAIL
                                ? Outcome.INACTIVE : null;
                long nextPollAt = now;
                if (end == null) {
                    pause = schedule.next(snapshot, now);
                    nextPollAt = now + Math.min(pause.toNanos(), deadline - now);
                }
                // unchanged, a line still comes when the next poll's would otherwise be more than a minute away
                if (changed || nextPollAt - lastLineAt > HEARTBEAT.toNanos()
                        || now - lastLineAt >= HEARTBEAT.toNanos()) {
                    log.info(prefix + (changed ? "" : "still waiting, ") + Progress.line(snapshot, uploadId)
                            + ", elapsed " + elapsed(now - start)
                            + (end == null && !once ? timeLeft(now) + nextPoll(now, now + pause.toNanos(), deadline)
                                    : ""));
                    lastLineAt = now;
                }
                if (end == Outcome.COMPLETED) {
                    return new WaitResult(Outcome.COMPLETED, snapshot, null, polls, errors, since(start));
                }
                if (!retryWindowChecked && !once) {
                    warnIfTimeoutShorterThanRetryWindow(snapshot);
                    retryWindowChecked = true;
                }
                if (end == Outcome.CERTAIN_BREACH) {
                    return new WaitResult(Outcome.CERTAIN_BREACH, snapshot, null, polls, errors, since(start));
                }
                if (end == Outcome.STALLED) {
                    return new WaitResult(Outcome.STALLED, snapshot, null, polls, errors, since(start));
                }
                if (!missingUploadReported && uploadId.isPresent() && !snapshot.hasUpload(uploadId.getAsLong())) {
                    log.warn(prefix + "no upload " + uploadId.getAsLong() + " (yet); uploads seen: "
                            + uploadsSeen(snapshot) + ". Waiting for it to appear.");
                    missingUploadReported = true;
                } else if (!missingUploadReported && snapshot.awaitedQueues(uploadId) == 0) {
                    log.warn(prefix + "no calling queue to await yet (uploads seen: " + uploadsSeen(snapshot)
                            + "). The campaign completes only once every upload has queues and all of them have"
                            + " completed.");
                    missingUploadReported = true;
                }
                if (end == Outcome.INACTIVE) {
                    return new WaitResult(Outcome.INACTIVE, snapshot, null, polls, errors, since(start));
                }
                if (snapshot.campaign().isInactive() && !inactiveReported) {
                    log.warn(prefix + "the campaign is inactive; waiting anyway (onInactive=wait)");
                    inactiveReported = true;
                }
                if (once) {
                    return new WaitResult(Outcome.RUNNING, snapshot, null, polls, errors, since(start));
                }
            } catch (ApiException e) {
                lastError = e;
                if (!e.isTransient()) {
                    return new WaitResult(Outcome.REJECTED, last, e, polls, errors, since(start));
                }
                if (abort.isAborted()) {
                    return new WaitResult(Outcome.ABORTED, last, lastError, polls, errors, since(start));
                }
                errors++;
                consecutiveErrors++;
                if (consecutiveErrors >= config.maxConsecutiveErrors()) {
                    return new WaitResult(Outcome.GAVE_UP, last, e, polls, errors, since(start));
                }
                pause = backoff(consecutiveErrors);
                if (e.retryAfter().isPresent()
                        && e.retryAfter().get().compareTo(pause) > 0) {
                    // a Retry-After date may be centuries away, beyond the clock's nanoseconds: the deadline comes
                    // first anyway
                    pause = min(e.retryAfter().get(), config.timeout());
                }
                long remaining = deadline - time.nanoTime();
                log.warn(prefix + "poll failed (" + consecutiveErrors + " in a row, the wait ends at "
                        + config.maxConsecutiveErrors() + "): " + e.getMessage() + "; next poll in "
                        + Values.formatRounded(Duration.ofNanos(Math.max(0,
                                Math.min(pause.toNanos(), remaining)))));
                lastLineAt = time.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new WaitResult(Outcome.ABORTED, last, lastError, polls, errors, since(start));
            }

            long now = time.nanoTime();
            try {
                long wakeAt = now + Math.max(0, Math.min(pause.toNanos(), deadline - now));
                lastLineAt = sleepUntil(wakeAt, lastLineAt, deadline, start, consecutiveErrors);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new WaitResult(Outcome.ABORTED, last, lastError, polls, errors, since(start));
            }
        }
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
     * {@link #HEARTBEAT} apart (so that none comes just before the poll's own line). Returns when the last line was.
     * A poll prints its line whenever the next poll comes more than {@link #HEARTBEAT} after the last line, so the
     * lines spread here start from the poll's own and never fall in the past.
     */
    private long sleepUntil(long wakeAt, long lastLineAt, long deadline, long start, int failedInARow)
            throws InterruptedException {
        String counts = null;
        while (true) {
            long now = time.nanoTime();
            if (now - wakeAt >= 0) {
                return lastLineAt;
            }
            long span = wakeAt - lastLineAt;
            if (span <= HEARTBEAT.toNanos()) {
                // the poll comes first, and prints a line if one is due
                time.sleep(Duration.ofNanos(wakeAt - now));
                return lastLineAt;
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
                    + (failedInARow > 0 ? ", last poll failed"
                            : ", last poll " + elapsed(now - answeredAt) + " ago" + timeLeft(now))
                    + nextPoll(now, wakeAt, deadline));
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

    /** ", next poll in 45s", or ", timeout in 5s" when the deadline comes first. */
    private static String nextPoll(long now, long pollAt, long deadline) {
        return pollAt - deadline >= 0
                ? ", timeout in " + Values.formatRounded(Duration.ofNanos(Math.max(0, deadline - now)))
                : ", next poll in " + Values.formatRounded(Duration.ofNanos(pollAt - now));
    }

    private boolean isCertainBreach(CampaignStatus snapshot) {
        if (!(config.failFast() || once) || snapshot.calls().total() < config.minCalls()) {
            return false;
        }
        Outlook outlook = Outlook.of(snapshot, config.uploadId());
        return snapshot.calls().total() > 0 && !snapshot.calls().isInconsistent() && config.rules().stream()
                .anyMatch(rule -> RuleResult.judge(rule, snapshot.calls(), outlook).standing() == Standing.CERTAIN);
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
