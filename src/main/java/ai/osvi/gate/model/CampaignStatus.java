package ai.osvi.gate.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * One snapshot returned by {@code GET /v1/campaigns/{id}/status}. The queries below are plain loops over the
 * uploads' aggregates: they run on every poll.
 *
 * @param rawBody the body the snapshot was parsed from, for the report; {@code null} for snapshots built in code
 */
public record CampaignStatus(Campaign campaign, CallCounts calls, List<Upload> uploads, RawBody rawBody) {

    public CampaignStatus {
        uploads = List.copyOf(uploads);
    }

    /** A snapshot with no body behind it. */
    public CampaignStatus(Campaign campaign, CallCounts calls, List<Upload> uploads) {
        this(campaign, calls, uploads, null);
    }

    /** How many queues the gate waits for: those of {@code uploadId}'s upload when given, else of every upload. */
    public int awaitedQueues(OptionalLong uploadId) {
        int awaited = 0;
        for (Upload upload : uploads) {
            if (isAwaited(upload, uploadId)) {
                awaited += upload.queues();
            }
        }
        return awaited;
    }

    /** Complete means at least one awaited queue exists and every awaited queue reports {@code completed: true}. */
    public boolean isComplete(OptionalLong uploadId) {
        boolean any = false;
        for (Upload upload : uploads) {
            if (isAwaited(upload, uploadId)) {
                if (!upload.allCompleted()) {
                    return false;
                }
                any |= upload.queues() > 0;
            }
        }
        return any;
    }

    public int completedQueues(OptionalLong uploadId) {
        int completed = 0;
        for (Upload upload : uploads) {
            if (isAwaited(upload, uploadId)) {
                completed += upload.completedQueues();
            }
        }
        return completed;
    }

    private static boolean isAwaited(Upload upload, OptionalLong uploadId) {
        return uploadId.isEmpty() || upload.campaignUploadId() == uploadId.getAsLong();
    }

    /**
     * The calls queued across every queue of every upload, or empty when a queue does not say (or when the sum does
     * not fit a {@code long}, which no real campaign reaches: the bound it feeds is then unknown rather than wrong).
     */
    public OptionalLong totalQueued() {
        long queued = 0;
        for (Upload upload : uploads) {
            if (upload.totalQueued() == null) {
                return OptionalLong.empty();
            }
            queued += upload.totalQueued();
            if (queued < 0) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(queued);
    }

    public boolean hasUpload(long uploadId) {
        for (Upload upload : uploads) {
            if (upload.campaignUploadId() == uploadId) {
                return true;
            }
        }
        return false;
    }
}
