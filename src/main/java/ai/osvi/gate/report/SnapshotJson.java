package ai.osvi.gate.report;

import ai.osvi.gate.json.Json;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.RawBody;
import ai.osvi.gate.model.Upload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot for the report: the API's own {@code data} object, copied verbatim from the body the snapshot was
 * parsed from (every field, unknown ones included, in the API's order), or, for a snapshot with no body, what the
 * model holds in the API's field names.
 */
final class SnapshotJson {

    private SnapshotJson() {
    }

    static Map<String, Object> of(CampaignStatus snapshot) {
        Map<String, Object> data = snapshot.rawBody() == null ? null : apiData(snapshot.rawBody());
        return data != null ? data : fromModel(snapshot);
    }

    /**
     * The body's {@code data} object as plain values, or {@code null} when it has none (never for a parsed body). Read
     * leniently, as the status parser accepts duplicate names in fields the gate does not read (within data the last
     * one wins).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> apiData(RawBody body) {
        try {
            return Json.topLevelField(body.open(), "data") instanceof Map<?, ?> data ? (Map<String, Object>) data
                    : null;
        } catch (IOException e) {
            return null;
        }
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
            node.put("queue_count", upload.queues());
            node.put("queues_completed", upload.completedQueues());
            node.put("total_queued", upload.totalQueued());
        }
        return data;
    }
}
