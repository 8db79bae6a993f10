package ai.osvi.gate.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One snapshot returned by {@code GET /v1/campaigns/{id}/status}, reduced to what the gate decides on.
 *
 * @param data the API's {@code data} object as it was sent (redacted), for the report; {@code null} for snapshots
 *             built in code. Not to be changed.
 */
public record CampaignStatus(Campaign campaign, CallCounts calls, List<Upload> uploads, JsonNode data) {

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

    /**
     * Complete means at least one upload is awaited, and every awaited upload has at least one queue and every one of
     * its queues reports {@code completed: true}. An upload with no queue yet has calls that have not even started.
     */
    public boolean isComplete(OptionalLong uploadId) {
        boolean any = false;
        for (Upload upload : uploads) {
            if (isAwaited(upload, uploadId)) {
                if (upload.queues() == 0 || !upload.allCompleted()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** The ids of the awaited uploads that have no calling queue yet, in the API's order. */
    public List<Long> uploadsWithoutQueue(OptionalLong uploadId) {
        List<Long> ids = new ArrayList<>();
        for (Upload upload : uploads) {
            if (isAwaited(upload, uploadId) && upload.queues() == 0) {
                ids.add(upload.campaignUploadId());
            }
        }
        return ids;
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
     * The calls queued across every queue of every upload, summed exactly, or empty when a queue does not say (or an
     * upload's own sum is beyond a {@code long}: see {@link Upload}).
     */
    public Optional<BigInteger> totalQueued() {
        BigInteger queued = BigInteger.ZERO;
        for (Upload upload : uploads) {
            if (upload.totalQueued() == null) {
                return Optional.empty();
            }
            queued = queued.add(BigInteger.valueOf(upload.totalQueued()));
        }
        return Optional.of(queued);
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
