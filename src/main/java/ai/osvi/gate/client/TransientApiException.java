package ai.osvi.gate.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed poll that the next poll may get past: a network fault, a 5xx, 408 or 429 status, a body
 * that is not the documented JSON, or {@code success: false}. A 429 or 503 may say when to come back.
 */
public class TransientApiException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public TransientApiException(String message) {
        this(message, null);
    }

    public TransientApiException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }

    /** How long the server asked us to wait ({@code Retry-After}), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
