package ai.osvi.gate.report;

import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot for the report: the API's own {@code data} object as it was sent (every field, unknown ones included, in
 * the API's order), or, for a snapshot built in code, what the model holds in the API's field names.
 */
final class SnapshotJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private SnapshotJson() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(CampaignStatus snapshot) {
        return snapshot.data() != null && snapshot.data().isObject()
                ? MAPPER.convertValue(snapshot.data(), LinkedHashMap.class)
                : fromModel(snapshot);
    }

    private static Map<String, Object> fromModel(CampaignStatus snapshot) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> campaign = new LinkedHashMap<>();
        data.put("campaign", campaign);
        campaign.put("id", snapshot.campaign().id());
        campaign.put("name", snapshot.campaign().name());
        campaign.put("status", snapshot.campaign().status());
        campaign.put("is_retry_enabled", snapshot.campaign().retryEnabled());
        campaign.put("retry_threshold", snapshot.campaign().retryThreshold());
        campaign.put("retry_delay", snapshot.campaign().retryDelaySeconds());
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
            node.put("queue_count", upload.queues());
            node.put("queues_completed", upload.completedQueues());
            node.put("total_queued", upload.totalQueued());
        }
        return data;
    }
}
