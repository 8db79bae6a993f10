package ai.osvi.gate.client;

/** A poll that did not produce a snapshot. Messages never contain the API token. */
public abstract class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    protected ApiException(String message) {
        super(message);
    }

    /** Whether polling again may succeed. */
    public abstract boolean isTransient();
}
