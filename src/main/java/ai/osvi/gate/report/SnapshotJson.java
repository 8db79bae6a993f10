package ai.osvi.gate.report;

import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Queue;
import ai.osvi.gate.model.Upload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A snapshot written back in the API's own shape and field names, as in the campaign-status response. */
final class SnapshotJson {

    private SnapshotJson() {
    }

    static Map<String, Object> of(CampaignStatus snapshot) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> campaign = new LinkedHashMap<>();
        data.put("campaign", campaign);
        campaign.put("id", snapshot.campaign().id());
        campaign.put("name", snapshot.campaign().name());
        campaign.put("status", snapshot.campaign().status());
        campaign.put("is_retry_enabled", snapshot.campaign().retryEnabled());
        campaign.put("retry_threshold", snapshot.campaign().retryThreshold());
        campaign.put("retry_delay", snapshot.campaign().retryDelaySeconds());
        campaign.put("created_at", snapshot.campaign().createdAt() == null ? null
                : snapshot.campaign().createdAt().toString());
        Map<String, Object> calls = new LinkedHashMap<>();
        data.put("calls", calls);
        calls.put("total", snapshot.calls().total());
        calls.put("by_status", new LinkedHashMap<>(snapshot.calls().byStatus()));
        List<Object> uploads = new ArrayList<>(snapshot.uploads().size());
        data.put("uploads", uploads);
        for (Upload upload : snapshot.uploads()) {
            Map<String, Object> node = new LinkedHashMap<>();
            uploads.add(node);
            node.put("campaign_upload_id", upload.campaignUploadId());
            node.put("file_name", upload.fileName());
            node.put("agent_uuid", upload.agentUuid());
            node.put("created_at", upload.createdAt() == null ? null : upload.createdAt().toString());
            List<Object> queues = new ArrayList<>(upload.queues().size());
            node.put("queues", queues);
            for (Queue queue : upload.queues()) {
                Map<String, Object> q = new LinkedHashMap<>();
                queues.add(q);
                q.put("agent_uuid", queue.agentUuid());
                q.put("total_queued", queue.totalQueued());
                q.put("completed", queue.completed());
            }
        }
        return data;
    }
}
