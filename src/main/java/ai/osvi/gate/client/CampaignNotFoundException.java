package ai.osvi.gate.client;

/** HTTP 404: no campaign with that id on the token's account. Polling again cannot help. */
public class CampaignNotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    public CampaignNotFoundException(String message) {
        super(message);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
