package ai.osvi.gate.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * One snapshot returned by {@code GET /v1/campaigns/{id}/status}. The queries below are plain loops: they run on
 * every poll over bodies of up to tens of thousands of queues.
 */
public record CampaignStatus(Campaign campaign, CallCounts calls, List<Upload> uploads) {

    public CampaignStatus {
        uploads = List.copyOf(uploads);
    }

    /** How many queues the gate waits for: those of {@code uploadId}'s upload when given, else of every upload. */
    public int awaitedQueues(OptionalLong uploadId) {
        int awaited = 0;
        for (Upload upload : uploads) {
            if (isAwaited(upload, uploadId)) {
                awaited += upload.queues().size();
            }
        }
        return awaited;
    }

    /** Complete means at least one awaited queue exists and every awaited queue reports {@code completed: true}. */
    public boolean isComplete(OptionalLong uploadId) {
        boolean any = false;
        for (Upload upload : uploads) {
            if (isAwaited(upload, uploadId)) {
                for (Queue queue : upload.queues()) {
                    if (!queue.completed()) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    public int completedQueues(OptionalLong uploadId) {
        int completed = 0;
        for (Upload upload : uploads) {
            if (isAwaited(upload, uploadId)) {
                for (Queue queue : upload.queues()) {
                    if (queue.completed()) {
                        completed++;
                    }
                }
            }
        }
        return completed;
    }

    private static boolean isAwaited(Upload upload, OptionalLong uploadId) {
        return uploadId.isEmpty() || upload.campaignUploadId() == uploadId.getAsLong();
    }

    /** The calls queued across every queue of every upload, or empty when a queue does not say. */
    public OptionalLong totalQueued() {
        long queued = 0;
        for (Upload upload : uploads) {
            for (Queue queue : upload.queues()) {
                if (queue.totalQueued() == null) {
                    return OptionalLong.empty();
                }
                queued += queue.totalQueued();
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
