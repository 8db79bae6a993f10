package ai.osvi.gate.polling;

import ai.osvi.gate.GateLog;
import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.client.TransientApiException;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Policy.OnInactive;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.WaitResult.Outcome;
import ai.osvi.gate.rules.EarlyVerdict;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
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
    private int polls;
    private int errors;

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
        long deadline = start + config.timeout().toNanos();
        OptionalLong uploadId = config.uploadId();
        ApiException lastError = null;
        int consecutiveErrors = 0;
        String lastProgress = null;
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
                String progress = Progress.describe(snapshot, uploadId);
                if (!progress.equals(lastProgress)) {
                    log.info(prefix + progress + ", elapsed " + elapsed(now - start));
                    lastProgress = progress;
                    lastLineAt = now;
                } else if (now - lastLineAt >= HEARTBEAT.toNanos()) {
                    log.info(prefix + "still waiting, " + progress + ", elapsed " + elapsed(now - start));
                    lastLineAt = now;
                }
                if (snapshot.isComplete(uploadId)) {
                    return new WaitResult(Outcome.COMPLETED, snapshot, null, polls, errors, since(start));
                }
                if (!retryWindowChecked) {
                    warnIfTimeoutShorterThanRetryWindow(snapshot);
                    retryWindowChecked = true;
                }
                if (config.failFast() && snapshot.calls().total() >= config.minCalls()) {
                    Optional<BigInteger> bound = EarlyVerdict.maxPossibleCalls(snapshot);
                    if (bound.isPresent() && !EarlyVerdict.certainBreaches(config.rules(), snapshot.calls(),
                            bound.get()).isEmpty()) {
                        return new WaitResult(Outcome.CERTAIN_BREACH, snapshot, null, polls, errors, since(start));
                    }
                }
                // the progress line holds every count, the number of completed queues and the campaign's state
                if (!progress.equals(lastState)) {
                    lastState = progress;
                    lastChangeAt = now;
                } else if (config.stallTimeout() != null && now - lastChangeAt >= config.stallTimeout().toNanos()) {
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
                if (snapshot.campaign().isInactive()) {
                    if (config.onInactive() == OnInactive.FAIL) {
                        return new WaitResult(Outcome.INACTIVE, snapshot, null, polls, errors, since(start));
                    }
                    if (!inactiveReported) {
                        log.warn(prefix + "the campaign is inactive; waiting anyway (onInactive=wait)");
                        inactiveReported = true;
                    }
                }
                pause = schedule.next(snapshot, now);
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
                if (e instanceof TransientApiException transientError && transientError.retryAfter().isPresent()
                        && transientError.retryAfter().get().compareTo(pause) > 0) {
                    // a Retry-After date may be centuries away, beyond the clock's nanoseconds: the deadline comes
                    // first anyway
                    pause = min(transientError.retryAfter().get(), config.timeout());
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
                time.sleep(Duration.ofNanos(Math.max(0, Math.min(pause.toNanos(), deadline - now))));
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
