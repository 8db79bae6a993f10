package ai.osvi.gate.model;

import java.util.List;
import java.util.OptionalLong;

/** One snapshot returned by {@code GET /v1/campaigns/{id}/status}. */
public record CampaignStatus(Campaign campaign, CallCounts calls, List<Upload> uploads) {

    public CampaignStatus {
        uploads = List.copyOf(uploads);
    }

    /** The queues the gate waits for: those of {@code uploadId}'s upload when given, else of every upload. */
    public List<Queue> queuesToAwait(OptionalLong uploadId) {
        return uploads.stream()
                .filter(upload -> uploadId.isEmpty() || upload.campaignUploadId() == uploadId.getAsLong())
                .flatMap(upload -> upload.queues().stream())
                .toList();
    }

    /** Complete means at least one awaited queue exists and every awaited queue reports {@code completed: true}. */
    public boolean isComplete(OptionalLong uploadId) {
        List<Queue> queues = queuesToAwait(uploadId);
        return !queues.isEmpty() && queues.stream().allMatch(Queue::completed);
    }

    public long completedQueues(OptionalLong uploadId) {
        return queuesToAwait(uploadId).stream().filter(Queue::completed).count();
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
        return uploads.stream().anyMatch(upload -> upload.campaignUploadId() == uploadId);
    }
}
