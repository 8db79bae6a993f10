package ai.osvi.gate.client;

/**
 * A 4xx answer other than 401, 404, 408 and 429 (for example 400 or 403): the API understood the request and
 * refused it, so asking again cannot help.
 */
public class RequestRejectedException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RequestRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
