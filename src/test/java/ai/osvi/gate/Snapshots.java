package ai.osvi.gate;

import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds snapshots for tests: {@code Snapshots.active().queues(19, true, false).calls("picked", 90, "failed", 10)}. */
public final class Snapshots {

    private String status = "active";
    private final List<Upload> uploads = new ArrayList<>();
    private final Map<String, Long> byStatus = new LinkedHashMap<>();
    private Long total;
    private String name = "June Renewals";
    private long id = 7;
    private String createdAt;
    private long campaignId = 7L;

    public static Snapshots active() {
        return new Snapshots();
    }

    public static Snapshots inactive() {
        Snapshots snapshots = new Snapshots();
        snapshots.status = "inactive";
        return snapshots;
    }

    public Snapshots queues(long uploadId, boolean... completed) {
        int done = 0;
        for (boolean queueDone : completed) {
            done += queueDone ? 1 : 0;
        }
        // each queue has total_queued 10
        uploads.add(new Upload(uploadId, completed.length, done, 10L * completed.length));
        return this;
    }

    public Snapshots calls(Object... statusAndCount) {
        for (int i = 0; i < statusAndCount.length; i += 2) {
            byStatus.put((String) statusAndCount[i], ((Number) statusAndCount[i + 1]).longValue());
        }
        return this;
    }

    public Snapshots total(long total) {
        this.total = total;
        return this;
    }

    /** {@code created_at} as the API sends it, in any form. */
    public Snapshots createdAt(String dateTime) {
        this.createdAt = dateTime;
        return this;
    }

    /** The campaign's data.campaign.id (7 unless set). */
    public Snapshots campaign(long id) {
        this.campaignId = id;
        return this;
    }

    public Snapshots name(String name) {
        this.name = name;
        return this;
    }

    public CampaignStatus build() {
        long sum = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new CampaignStatus(
                new Campaign(campaignId, name, status, true, 2, 1800, Campaign.dateTime(createdAt), createdAt),
                new CallCounts(total == null ? sum : total, byStatus),
                uploads);
    }
}
