package ai.osvi.gate.client;

/**
 * A failed poll that the next poll may get past: a network fault, a non-2xx status other than 401 and 404, a body
 * that is not the documented JSON, or {@code success: false}.
 */
public class TransientApiException extends ApiException {

    private static final long serialVersionUID = 1L;

    public TransientApiException(String message) {
        super(message);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
