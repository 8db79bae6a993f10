package ai.osvi.gate.polling;

import ai.osvi.gate.GateLog;
import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Policy.OnInactive;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.WaitResult.Outcome;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Polls until every awaited queue has completed, the campaign goes inactive, the API refuses, errors pile up or the
 * deadline passes. The deadline counts request time; the last poll happens at the deadline, never after it.
 */
public final class CampaignWaiter {

    static final Duration HEARTBEAT = Duration.ofSeconds(60);

    private final GateConfig config;
    private final StatusSource source;
    private final TimeSource time;
    private final GateLog log;
    private final String prefix;

    public CampaignWaiter(GateConfig config, StatusSource source, TimeSource time, GateLog log) {
        this.config = config;
        this.source = source;
        this.time = time;
        this.log = log;
        this.prefix = "campaign " + config.campaignId() + ": ";
    }

    public WaitResult await() {
        long start = time.nanoTime();
        long deadline = start + config.timeout().toNanos();
        OptionalLong uploadId = config.uploadId();
        CampaignStatus last = null;
        ApiException lastError = null;
        int polls = 0;
        int errors = 0;
        int consecutiveErrors = 0;
        String lastProgress = null;
        long lastLineAt = start;
        boolean missingUploadReported = false;
        boolean inactiveReported = false;

        while (true) {
            polls++;
            try {
                CampaignStatus snapshot = source.fetch(config.campaignId());
                consecutiveErrors = 0;
                last = snapshot;
                long now = time.nanoTime();
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
                if (uploadId.isPresent() && !snapshot.hasUpload(uploadId.getAsLong()) && !missingUploadReported) {
                    log.warn(prefix + "no upload " + uploadId.getAsLong() + " (yet); uploads seen: "
                            + uploadsSeen(snapshot) + ". Waiting for it to appear.");
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
            } catch (ApiException e) {
                lastError = e;
                if (!e.isTransient()) {
                    return new WaitResult(Outcome.REJECTED, last, e, polls, errors, since(start));
                }
                errors++;
                consecutiveErrors++;
                if (consecutiveErrors >= config.maxConsecutiveErrors()) {
                    return new WaitResult(Outcome.GAVE_UP, last, e, polls, errors, since(start));
                }
                log.warn(prefix + "poll failed (" + consecutiveErrors + " of " + config.maxConsecutiveErrors()
                        + " consecutive errors allowed): " + e.getMessage());
                lastLineAt = time.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new WaitResult(Outcome.ABORTED, last, lastError, polls, errors, since(start));
            }

            long now = time.nanoTime();
            if (now - deadline >= 0) {
                return new WaitResult(Outcome.TIMED_OUT, last, lastError, polls, errors, since(start));
            }
            long pause = Math.min(config.pollInterval().toNanos(), deadline - now);
            try {
                time.sleep(Duration.ofNanos(pause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new WaitResult(Outcome.ABORTED, last, lastError, polls, errors, since(start));
            }
        }
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
