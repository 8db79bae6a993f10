package ai.osvi.gate.model;

import java.time.OffsetDateTime;
import java.util.List;

/** One element of {@code data.uploads}: a contact upload and its calling queues. */
public record Upload(long campaignUploadId, String fileName, String agentUuid, OffsetDateTime createdAt,
        List<Queue> queues) {

    public Upload {
        queues = List.copyOf(queues);
    }
}
