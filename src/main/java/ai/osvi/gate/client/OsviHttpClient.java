package ai.osvi.gate.client;

import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CampaignStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.net.Socket;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * Polls {@code GET {baseUrl}/v1/campaigns/{id}/status} with one HttpClient 5 client for the whole wait. The client
 * never retries, never follows redirects (so the token is only ever sent to {@code baseUrl}) and never waits longer
 * than {@code requestTimeout} for one request, body included.
 */
public final class OsviHttpClient implements StatusSource, AutoCloseable {

    /** Larger bodies are refused: a status snapshot is a few kilobytes, even for thousands of uploads. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    /** Enough for one connection per campaign awaited at once. */
    private static final int MAX_CONNECTIONS = 64;

    private final URI baseUrl;
    private final ApiToken token;
    private final Duration requestTimeout;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog;
    private final Clock clock;
    private final ProxySettings proxy;
    private final Set<HttpGet> inFlight = ConcurrentHashMap.newKeySet();

    public OsviHttpClient(URI baseUrl, ApiToken token, Duration requestTimeout) {
        this(baseUrl, token, requestTimeout, null, Clock.systemUTC());
    }

    /**
     * @param proxy the proxy to use, or {@code null} for the JVM's standard proxy properties ({@code http.proxyHost},
     *              {@code https.proxyHost}, {@code http.nonProxyHosts}...), read through the default ProxySelector
     *              and never changed
     * @param clock the wall clock, to turn a {@code Retry-After} date into a delay
     */
    public OsviHttpClient(URI baseUrl, ApiToken token, Duration requestTimeout, ProxySettings proxy, Clock clock) {
        this.clock = clock;
        this.proxy = proxy;
        this.baseUrl = baseUrl;
        this.token = token;
        this.requestTimeout = requestTimeout;
        Timeout timeout = Timeout.of(requestTimeout);
        HttpClientBuilder builder = HttpClients.custom();
        if (proxy == null) {
            builder.setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()));
        } else {
            HttpHost proxyHost = new HttpHost(proxy.protocol(), proxy.host(), proxy.port());
            builder.setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
                @Override
                protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                    return proxy.bypasses(target.getHostName()) ? null : proxyHost;
                }
            });
            if (proxy.hasCredentials()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxyHost), new UsernamePasswordCredentials(
                        proxy.username(), proxy.password() == null ? new char[0] : proxy.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        this.client = builder
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setConnectionFactory(new NonLoggingConnectionFactory())
                        .setTlsSocketStrategy(new LazyTls())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(PluginVersion.userAgent())
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "osvi-request-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    public URI statusUri(long campaignId) {
        return baseUrl.resolve("v1/campaigns/" + campaignId + "/status");
    }

    @Override
    public CampaignStatus fetch(long campaignId) throws ApiException, InterruptedException {
        URI uri = statusUri(campaignId);
        HttpGet request = new HttpGet(uri);
        request.setHeader(new BasicHeader("API-Token", token.value(), true));
        request.setHeader("Accept", "application/json");
        // responseTimeout bounds each read, not the whole body: the watchdog bounds the whole exchange.
        ScheduledFuture<?> abort = watchdog.schedule(request::cancel, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        Response response;
        inFlight.add(request);
        try {
            response = client.execute(request, OsviHttpClient::read);
        } catch (BodyTooLargeException e) {
            throw new TransientApiException("the response body is larger than " + (MAX_BODY_BYTES / 1024 / 1024)
                    + " MiB; refused");
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || aborted) {
                throw new InterruptedException("interrupted while polling");
            }
            if (request.isCancelled()) {
                throw new TransientApiException("no complete response within " + Values.format(requestTimeout)
                        + " (requestTimeout) from " + hostAndPort(uri));
            }
            throw new TransientApiException(token.redact(describe(e, uri)));
        } finally {
            inFlight.remove(request);
            abort.cancel(false);
        }
        return interpret(response, campaignId);
    }

    private volatile boolean aborted;

    /** Cancels the requests in flight, if any, from another thread: used when the build is aborted. */
    @Override
    public void abort() {
        aborted = true;
        inFlight.forEach(HttpGet::cancel);
    }

    private CampaignStatus interpret(Response response, long campaignId) throws ApiException {
        int status = response.status();
        if (status >= 200 && status < 300) {
            try {
                return StatusParser.parse(response.body(), token::redact);
            } catch (TransientApiException e) {
                throw new TransientApiException(token.redact(e.getMessage()));
            }
        }
        // Error bodies only: a 200 body may be megabytes, and its parser reports success: false itself.
        String errorText = StatusParser.errorText(response.body());
        // redacted before it is shortened, so that no part of the token survives the cut
        String detail = errorText == null ? "" : ": " + abbreviate(token.redact(errorText));
        if (status == 401) {
            throw new AuthenticationException(token.redact("OSVI rejected the API token from " + token.source()
                    + " (HTTP 401" + detail + "). Check that it is your account's current API token (dashboard,"
                    + " Settings > API)."));
        }
        if (status == 404) {
            throw new CampaignNotFoundException(token.redact("campaign " + campaignId
                    + " not found on this account (HTTP 404" + detail + "). Check campaignId and that the token from "
                    + token.source() + " belongs to the account that owns the campaign."));
        }
        if (status >= 300 && status < 400) {
            String location = response.location() == null ? ""
                    : " to " + abbreviate(token.redact(response.location()));
            throw new TransientApiException(token.redact("HTTP " + status + " redirect" + location
                    + " not followed: the token is only sent to baseUrl. Set baseUrl to the final address."));
        }
        if (status == 407) {
            throw new RequestRejectedException(status, "HTTP 407 Proxy Authentication Required: the proxy "
                    + (proxy == null ? "set by the JVM's proxy properties" : proxy.describe())
                    + " refused its credentials; check the username and password of that proxy.");
        }
        String reason = reasonPhrase(response);
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new RequestRejectedException(status, token.redact("HTTP " + status + reason + detail
                    + ": the API refused the request for " + statusUri(campaignId) + "; polling again cannot help."));
        }
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(response.retryAfter(), clock).orElse(null)
                : null;
        throw new TransientApiException(token.redact("HTTP " + status + reason + detail
                + (retryAfter == null ? "" : " (Retry-After " + Values.format(retryAfter) + ")")), retryAfter);
    }

    /** " Bad Gateway": the server's reason phrase, or the standard one when it sent none; "" when unknown. */
    private static String reasonPhrase(Response response) {
        String reason = response.reason() == null || response.reason().isBlank()
                ? EnglishReasonPhraseCatalog.INSTANCE.getReason(response.status(), Locale.ENGLISH)
                : response.reason();
        return reason == null ? "" : " " + reason;
    }

    private static Response read(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = new byte[0];
        if (entity != null) {
            if (entity.getContentLength() > MAX_BODY_BYTES) {
                throw new BodyTooLargeException();
            }
            try (InputStream in = entity.getContent()) {
                body = readCapped(in);
            }
        }
        return new Response(response.getCode(), response.getReasonPhrase(), header(response, "Location"),
                header(response, "Retry-After"), body);
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (out.size() + read > MAX_BODY_BYTES) {
                throw new BodyTooLargeException();
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private String describe(Exception e, URI uri) {
        String where = hostAndPort(uri);
        if (e instanceof UnknownHostException) {
            return "unknown host " + uri.getHost() + " (check baseUrl and DNS)";
        }
        if (e instanceof ConnectTimeoutException) {
            return "could not connect to " + where + " within " + Values.format(requestTimeout) + " (requestTimeout)";
        }
        if (e instanceof ConnectException) {
            return "could not connect to " + where + " (" + messageOf(e) + ")";
        }
        if (e instanceof SocketTimeoutException) {
            return "no response from " + where + " within " + Values.format(requestTimeout) + " (requestTimeout)";
        }
        if (e instanceof SSLException) {
            return "TLS failure talking to " + where + " (" + messageOf(e) + ")";
        }
        return "I/O failure talking to " + where + " (" + messageOf(e) + ")";
    }

    private static String messageOf(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String hostAndPort(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            // Closing idle connections at the end of the wait; nothing left to report.
        }
    }

    /**
     * TLS as HttpClient sets it up by default (certificates and host names verified), but only on the first https
     * connection: setting it up costs a noticeable part of the goal's start-up, which an http:// API (the embedded
     * simulator, a loopback test server) never needs.
     */
    private static final class LazyTls implements TlsSocketStrategy {

        private volatile TlsSocketStrategy tls;

        @Override
        public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
                throws IOException {
            TlsSocketStrategy strategy = tls;
            if (strategy == null) {
                synchronized (this) {
                    if (tls == null) {
                        tls = DefaultClientTlsStrategy.createDefault();
                    }
                    strategy = tls;
                }
            }
            return strategy.upgrade(socket, target, port, attachment, context);
        }
    }

    private record Response(int status, String reason, String location, String retryAfter, byte[] body) {
    }

    private static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
