package ai.osvi.gate.client;

/** HTTP 401: the API token was rejected. Polling again cannot help. */
public class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
