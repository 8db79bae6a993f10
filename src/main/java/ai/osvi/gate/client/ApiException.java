package ai.osvi.gate.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A poll that did not produce a snapshot: what happened ({@link Kind}), the HTTP status when there was one, and when a
 * 429 or 503 asked the gate to come back. Messages never contain the API token.
 */
public final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What the failed poll was, which decides whether polling again may help. */
    public enum Kind {
        /**
         * The next poll may get past it: a network fault, a 5xx, 408 or 429 status, a body that is not the documented
         * JSON, or {@code success: false}.
         */
        TRANSIENT,
        /** HTTP 401: the API token was rejected. */
        TOKEN_REJECTED,
        /** HTTP 404: no campaign with that id on the token's account. */
        NOT_FOUND,
        /**
         * HTTP 407 from the proxy, for a request (http baseUrl) or for the {@code CONNECT} of a tunnel (https
         * baseUrl): the proxy wants other credentials.
         */
        PROXY_AUTHENTICATION,
        /** A 3xx: redirects are never followed, the token being only sent to baseUrl. */
        REDIRECT,
        /** Another 4xx (400, 403...): the API understood the request and refused it. */
        REFUSED
    }

    private final Kind kind;
    private final int status;
    private final transient Duration retryAfter;
    private final String route;

    private ApiException(Kind kind, int status, String message, Duration retryAfter, String route) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.route = route;
    }

    private ApiException(Kind kind, int status, String message, Duration retryAfter) {
        this(kind, status, message, retryAfter, null);
    }

    /** This failure, saying how the request went: "directly", or "through the proxy http://proxy:3128 (...)". */
    public ApiException via(String how) {
        return new ApiException(kind, status, getMessage(), retryAfter, how);
    }

    /** How the failed request went ("directly", "through the proxy ..."), or empty when the source did not say. */
    public Optional<String> route() {
        return Optional.ofNullable(route);
    }

    /** A failed poll that the next poll may get past. */
    public static ApiException transientFault(String message) {
        return new ApiException(Kind.TRANSIENT, 0, message, null);
    }

    /** A failed poll that the next poll may get past, no earlier than {@code retryAfter} when it is not null. */
    public static ApiException transientFault(String message, Duration retryAfter) {
        return new ApiException(Kind.TRANSIENT, 0, message, retryAfter);
    }

    /** An answer with {@code status} (3xx, or 4xx but 408 and 429) that asking again cannot change. */
    public static ApiException refused(int status, String message) {
        Kind kind = switch (status) {
            case 401 -> Kind.TOKEN_REJECTED;
            case 404 -> Kind.NOT_FOUND;
            case 407 -> Kind.PROXY_AUTHENTICATION;
            default -> status / 100 == 3 ? Kind.REDIRECT : Kind.REFUSED;
        };
        return new ApiException(kind, status, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of a refusal; 0 for a transient fault. */
    public int status() {
        return status;
    }

    /** Whether polling again may succeed. */
    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    /** How long the server asked us to wait ({@code Retry-After}), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
