package ai.osvi.gate.report;

import ai.osvi.gate.GateRun;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.result.GateResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Gate runs on fixed snapshots, writing no file, for the tests of what later steps and jobs read. */
public final class LaterJobsFixture {

    public final RecordingLog log = new RecordingLog();

    /** The built-in 'failing' scenario's end: 200 calls, 30% failed, against failed <= 5%. */
    public static CampaignStatus failing() {
        return failing("June Renewals");
    }

    public static CampaignStatus failing(String name) {
        return Snapshots.active()
                .name(name)
                .queues(19, true, true, true)
                .calls("picked", 110, "not_picked", 30, "failed", 60)
                .build();
    }

    public GateResult run(String campaignIds, Map<Long, CampaignStatus> snapshots) throws Exception {
        TestConfig config = new TestConfig();
        config.campaignId = campaignIds;
        config.maxFailureRatio = "5%";
        List<GateConfig> campaigns = GateConfig.parseAll(config.raw());
        return GateRun.run(
                campaigns,
                id -> {
                    if (!snapshots.containsKey(id)) {
                        throw ApiException.refused(404, "campaign " + id + " not found on this account (HTTP 404).");
                    }
                    // as the API answers: the data of the campaign asked for
                    CampaignStatus snapshot = snapshots.get(id);
                    Campaign c = snapshot.campaign();
                    return new CampaignStatus(
                            new Campaign(
                                    id,
                                    c.name(),
                                    c.status(),
                                    c.retryEnabled(),
                                    c.retryThreshold(),
                                    c.retryDelaySeconds(),
                                    c.createdAt(),
                                    c.createdAtText()),
                            snapshot.calls(),
                            snapshot.uploads());
                },
                TimeSource.SYSTEM,
                new AbortSignal(),
                () -> 0,
                Contexts.of(null, null, null, Clock.systemUTC(), log));
    }

    public GateResult run(CampaignStatus snapshot) throws Exception {
        return run("7", Map.of(7L, snapshot));
    }
}
