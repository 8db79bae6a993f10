package ai.osvi.gate.report;

import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Queue;
import ai.osvi.gate.model.Upload;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A snapshot written back in the API's own shape and field names, as in the campaign-status response. */
final class SnapshotJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SnapshotJson() {
    }

    static ObjectNode of(CampaignStatus snapshot) {
        ObjectNode data = NODES.objectNode();
        ObjectNode campaign = data.putObject("campaign");
        campaign.put("id", snapshot.campaign().id());
        campaign.put("name", snapshot.campaign().name());
        campaign.put("status", snapshot.campaign().status());
        campaign.put("is_retry_enabled", snapshot.campaign().retryEnabled());
        campaign.put("retry_threshold", snapshot.campaign().retryThreshold());
        campaign.put("retry_delay", snapshot.campaign().retryDelaySeconds());
        campaign.put("created_at", snapshot.campaign().createdAt() == null ? null
                : snapshot.campaign().createdAt().toString());
        ObjectNode calls = data.putObject("calls");
        calls.put("total", snapshot.calls().total());
        ObjectNode byStatus = calls.putObject("by_status");
        snapshot.calls().byStatus().forEach(byStatus::put);
        ArrayNode uploads = data.putArray("uploads");
        for (Upload upload : snapshot.uploads()) {
            ObjectNode node = uploads.addObject();
            node.put("campaign_upload_id", upload.campaignUploadId());
            node.put("file_name", upload.fileName());
            node.put("agent_uuid", upload.agentUuid());
            node.put("created_at", upload.createdAt() == null ? null : upload.createdAt().toString());
            ArrayNode queues = node.putArray("queues");
            for (Queue queue : upload.queues()) {
                ObjectNode q = queues.addObject();
                q.put("agent_uuid", queue.agentUuid());
                q.put("total_queued", queue.totalQueued());
                q.put("completed", queue.completed());
            }
        }
        return data;
    }
}
