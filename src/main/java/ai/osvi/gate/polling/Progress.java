package ai.osvi.gate.polling;

import ai.osvi.gate.model.CampaignStatus;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** The one-line description of a snapshot used in progress lines and messages. */
public final class Progress {

    private Progress() {
    }

    /** "queues 3/5 completed, 96 calls (picked 80, not_picked 10, failed 6)". */
    public static String describe(CampaignStatus snapshot, OptionalLong uploadId) {
        long queues = snapshot.queuesToAwait(uploadId).size();
        String counts = snapshot.calls().byStatus().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        return "queues " + snapshot.completedQueues(uploadId) + "/" + queues + " completed, "
                + snapshot.calls().total() + " calls" + (counts.isEmpty() ? "" : " (" + counts + ")")
                + (snapshot.campaign().isInactive() ? ", campaign inactive" : "");
    }
}
