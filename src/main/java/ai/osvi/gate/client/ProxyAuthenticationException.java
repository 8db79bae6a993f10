package ai.osvi.gate.client;

/**
 * HTTP 407 from the proxy, for a request (http baseUrl) or for the {@code CONNECT} of a tunnel (https baseUrl): the
 * proxy wants other credentials, and asking again with the same ones cannot help.
 */
public final class ProxyAuthenticationException extends RequestRejectedException {

    private static final long serialVersionUID = 1L;

    public ProxyAuthenticationException(String message) {
        super(407, message);
    }
}
