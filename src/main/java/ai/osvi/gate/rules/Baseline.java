package ai.osvi.gate.rules;

import ai.osvi.gate.model.CampaignStatus;

/**
 * The campaign that rules relative to a baseline compare with ({@code baselineCampaignId}).
 *
 * @param snapshot its snapshot once read (complete, and checked as a PASS's is), or {@code null} before
 */
public record Baseline(long campaignId, CampaignStatus snapshot) {

    /** This baseline, read. */
    public Baseline read(CampaignStatus read) {
        return new Baseline(campaignId, read);
    }
}
