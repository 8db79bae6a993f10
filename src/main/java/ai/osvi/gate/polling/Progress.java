package ai.osvi.gate.polling;

import ai.osvi.gate.model.CampaignStatus;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** The one-line description of a snapshot used in progress lines and messages. */
public final class Progress {

    private Progress() {
    }

    /**
     * "queues 3/5 completed, 96 calls (picked 80, not_picked 10, failed 6), upload 20 without a queue yet, campaign
     * inactive".
     */
    public static String describe(CampaignStatus snapshot, OptionalLong uploadId) {
        StringBuilder line = new StringBuilder("queues ").append(snapshot.completedQueues(uploadId)).append('/')
                .append(snapshot.awaitedQueues(uploadId)).append(" completed, ").append(snapshot.calls().total())
                .append(" calls");
        String separator = " (";
        for (Map.Entry<String, Long> count : snapshot.calls().byStatus().entrySet()) {
            line.append(separator).append(count.getKey()).append(' ').append(count.getValue());
            separator = ", ";
        }
        if (!snapshot.calls().byStatus().isEmpty()) {
            line.append(')');
        }
        List<Long> withoutQueue = snapshot.uploadsWithoutQueue(uploadId);
        if (!withoutQueue.isEmpty()) {
            line.append(withoutQueue.size() == 1 ? ", upload " : ", uploads ")
                    .append(withoutQueue.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(" without a queue yet");
        }
        if (snapshot.campaign().isInactive()) {
            line.append(", campaign inactive");
        }
        return line.toString();
    }
}
