package ai.osvi.gate.client;

import ai.osvi.gate.model.CampaignStatus;
import java.time.Duration;

/** Where snapshots come from: the OSVI API over HTTP, or a script in tests. */
@FunctionalInterface
public interface StatusSource {

    CampaignStatus fetch(long campaignId) throws ApiException, InterruptedException;

    /**
     * Fetches a snapshot taking at most {@code timeLeft}, whatever the source's own request timeout: the gate's
     * deadline holds exactly. A source that cannot be slow (a script) may ignore it.
     */
    default CampaignStatus fetch(long campaignId, Duration timeLeft) throws ApiException, InterruptedException {
        return fetch(campaignId);
    }

    /** Stops a fetch in progress on another thread, as soon as possible. */
    default void abort() {}
}
