package ai.osvi.gate.model;

/**
 * One element of {@code data.uploads}, reduced to what the gate decides on: how many calling queues the upload has,
 * how many of them report {@code completed: true}, and the sum of their {@code total_queued}, which is {@code null}
 * when any of the queues leaves it out (or null).
 */
public record Upload(long campaignUploadId, int queues, int completedQueues, Long totalQueued) {

    public Upload {
        if (queues < 0) {
            throw new IllegalArgumentException("queues is " + queues + ", a negative count");
        }
        if (completedQueues < 0 || completedQueues > queues) {
            throw new IllegalArgumentException("completedQueues is " + completedQueues + ", expected 0 to " + queues);
        }
        if (totalQueued != null && totalQueued < 0) {
            throw new IllegalArgumentException("totalQueued is " + totalQueued + ", a negative count");
        }
    }

    /** True when every queue of the upload reports {@code completed: true} (vacuously true when it has none). */
    public boolean allCompleted() {
        return completedQueues == queues;
    }
}
