package ai.osvi.gate.client;

import ai.osvi.gate.model.CampaignStatus;

/** Where snapshots come from: the OSVI API over HTTP, or a script in tests. */
@FunctionalInterface
public interface StatusSource {

    CampaignStatus fetch(long campaignId) throws ApiException, InterruptedException;

    /** Stops a fetch in progress on another thread, as soon as possible. */
    default void abort() {
    }
}
