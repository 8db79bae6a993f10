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
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * Polls {@code GET {baseUrl}/v1/campaigns/{id}/status} with one HttpClient 5 client for the whole wait. The client
 * never retries, never follows redirects (so the token is only ever sent to {@code baseUrl}) and never waits longer
 * than {@code requestTimeout}, or the time left before the gate's deadline, for one request, host-name lookup and body
 * included. TLS is HttpClient's default: certificates and host names are verified against what the JVM trusts, as for
 * Maven itself.
 */
public final class OsviHttpClient implements StatusSource, AutoCloseable {

    /**
     * Larger bodies are refused: a snapshot takes about 600 bytes per upload, so this leaves room for some 25,000
     * uploads (10,000 uploads make 5.6 MiB).
     */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    /** Enough for one connection per campaign awaited at once. */
    private static final int MAX_CONNECTIONS = 64;

    private final URI baseUrl;
    private final ApiToken token;
    private final Duration requestTimeout;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog;
    private final BoundedDnsResolver dns;
    private final Clock clock;
    private final ProxySettings proxy;
    private final RequestConfig defaultRequestConfig;
    private final Set<HttpGet> inFlight = ConcurrentHashMap.newKeySet();
    private final NotFoundMessage notFound;

    /** The message of a 404 for a campaign, which says where it was looked for and what to check. */
    @FunctionalInterface
    public interface NotFoundMessage {

        /**
         * @param campaignId the campaign asked for
         * @param answer     "HTTP 404" and what the body said: "HTTP 404: Campaign not found"
         */
        String of(long campaignId, String answer);
    }

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
        this(baseUrl, token, requestTimeout, proxy, clock, null);
    }

    /**
     * @param notFound the message of a 404, or {@code null} for the API's: not found on the token's account
     */
    public OsviHttpClient(
            URI baseUrl,
            ApiToken token,
            Duration requestTimeout,
            ProxySettings proxy,
            Clock clock,
            NotFoundMessage notFound) {
        this(baseUrl, token, requestTimeout, proxy, clock, notFound, SystemDefaultDnsResolver.INSTANCE);
    }

    /** @param dnsResolver the host-name lookups, run within each request's deadline */
    OsviHttpClient(
            URI baseUrl,
            ApiToken token,
            Duration requestTimeout,
            ProxySettings proxy,
            Clock clock,
            NotFoundMessage notFound,
            DnsResolver dnsResolver) {
        this.notFound = notFound != null
                ? notFound
                : (campaignId, answer) -> "campaign " + campaignId
                        + " not found on this account (" + answer + "). Check campaignId and that the token from "
                        + token.source() + " belongs to the account that owns the campaign.";
        this.clock = clock;
        this.proxy = proxy;
        this.baseUrl = baseUrl;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.dns = new BoundedDnsResolver(dnsResolver, requestTimeout);
        Timeout timeout = Timeout.of(requestTimeout);
        this.defaultRequestConfig = RequestConfig.custom()
                .setConnectionRequestTimeout(timeout)
                .setResponseTimeout(timeout)
                .build();
        HttpClientBuilder builder = HttpClients.custom();
        routeThrough(builder, proxy);
        this.client = builder.setConnectionManager(connections(baseUrl, dns, timeout))
                .setDefaultRequestConfig(defaultRequestConfig)
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

    /**
     * The route to the API: the JVM's standard proxy properties when {@code proxy} is {@code null}; else plain HTTP to
     * the proxy, a CONNECT tunnel through it for an https baseUrl, as Maven does, with its credentials if any.
     */
    private static void routeThrough(HttpClientBuilder builder, ProxySettings proxy) {
        if (proxy == null) {
            builder.setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()));
        } else {
            HttpHost proxyHost = new HttpHost("http", proxy.host(), proxy.port());
            builder.setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
                @Override
                protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                    return proxy.bypasses(target.getHostName()) ? null : proxyHost;
                }
            });
            if (proxy.hasCredentials()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(
                        new AuthScope(proxyHost),
                        new UsernamePasswordCredentials(
                                proxy.username(),
                                proxy.password() == null
                                        ? new char[0]
                                        : proxy.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
    }

    /** One pool of connections that never log a header, resolving names within the request's deadline. */
    private static PoolingHttpClientConnectionManager connections(URI baseUrl, DnsResolver dns, Timeout timeout) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tlsFor(baseUrl))
                .setConnectionFactory(new NonLoggingConnectionFactory())
                // also the lookup of the proxy's host, when there is one: it is the first hop
                .setDnsResolver(dns)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .build())
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .build();
    }

    /**
     * The JDK's TLS, set up only for an https baseUrl: setting it up loads and initialises a few hundred classes
     * (trust store included) that a run against an http baseUrl (the simulator, a loopback proxy) never uses.
     */
    private static TlsSocketStrategy tlsFor(URI baseUrl) {
        if ("https".equals(baseUrl.getScheme())) {
            return DefaultClientTlsStrategy.createDefault();
        }
        return (socket, target, port, attachment, context) -> {
            throw new SSLException("no TLS for the http:// baseUrl " + baseUrl);
        };
    }

    public URI statusUri(long campaignId) {
        return baseUrl.resolve("v1/campaigns/" + campaignId + "/status");
    }

    @Override
    public CampaignStatus fetch(long campaignId) throws ApiException, InterruptedException {
        return fetch(campaignId, requestTimeout);
    }

    /**
     * One request, taking at most {@code min(requestTimeout, timeLeft)} in all, host-name lookup, connecting and body
     * included.
     */
    @Override
    public CampaignStatus fetch(long campaignId, Duration timeLeft) throws ApiException, InterruptedException {
        try {
            return fetchOnce(campaignId, timeLeft);
        } catch (ApiException e) {
            throw e.via(route());
        }
    }

    private CampaignStatus fetchOnce(long campaignId, Duration timeLeft) throws ApiException, InterruptedException {
        URI uri = statusUri(campaignId);
        boolean deadlineFirst = timeLeft.compareTo(requestTimeout) < 0;
        Duration limit = deadlineFirst ? timeLeft : requestTimeout;
        if (limit.toMillis() <= 0) {
            throw ApiException.transientFault(
                    "no time left before the gate's deadline (timeout) for a request to " + hostAndPort(uri));
        }
        HttpGet request = new HttpGet(uri);
        request.setHeader(new BasicHeader("API-Token", token.value(), true));
        request.setHeader("Accept", "application/json");
        request.setConfig(RequestConfig.copy(defaultRequestConfig)
                .setResponseTimeout(Timeout.of(limit))
                .setConnectionRequestTimeout(Timeout.of(limit))
                .build());
        // responseTimeout bounds each read, not the whole body: the watchdog bounds the whole exchange.
        ScheduledFuture<?> abort = watchdog.schedule(request::cancel, limit.toMillis(), TimeUnit.MILLISECONDS);
        Response response;
        inFlight.add(request);
        dns.within(limit);
        try {
            response = client.execute(request, OsviHttpClient::read);
        } catch (BodyTooLargeException e) {
            throw ApiException.transientFault(
                    "the response body is larger than " + (MAX_BODY_BYTES / 1024 / 1024) + " MiB; refused");
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || aborted) {
                throw new InterruptedException("interrupted while polling");
            }
            String within = (deadlineFirst ? Values.formatRounded(limit) : Values.format(limit))
                    + (deadlineFirst ? " (the time left before the gate's deadline)" : " (requestTimeout)");
            if (e instanceof BoundedDnsResolver.LookupTimeoutException lookup) {
                String host =
                        lookup.host().equalsIgnoreCase(uri.getHost()) ? lookup.host() : "the proxy " + lookup.host();
                throw ApiException.transientFault("the name lookup (DNS) of " + host + " did not answer within "
                        + within + ": check this machine's DNS settings");
            }
            if (request.isCancelled() || deadlineFirst && e instanceof SocketTimeoutException) {
                throw ApiException.transientFault(
                        "no complete response within " + within + " from " + hostAndPort(uri));
            }
            throw ApiException.transientFault(token.redact(describe(e, uri)));
        } finally {
            dns.clear();
            inFlight.remove(request);
            abort.cancel(false);
        }
        return interpret(redacted(response), campaignId);
    }

    /**
     * The answer with the token removed from everything in it that any message, log line or report could quote: the
     * body, decoded here once in whatever encoding JSON allows it, the reason phrase and the headers read. Done once,
     * here, before anything parses or shortens them, so that every later use is clean by construction (the status
     * parser also redacts each text it decodes, which covers a token written with JSON escapes).
     */
    private Answer redacted(Response response) {
        return new Answer(
                response.status(),
                token.redact(response.reason()),
                token.redact(response.location()),
                token.redact(response.retryAfter()),
                BodyText.decode(response.body()).redacted(token::redact));
    }

    private volatile boolean aborted;

    /** Cancels the requests in flight, if any, from another thread: used when the build is aborted. */
    @Override
    public void abort() {
        aborted = true;
        inFlight.forEach(HttpGet::cancel);
        dns.abort();
    }

    private CampaignStatus interpret(Answer response, long campaignId) throws ApiException {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return StatusParser.parse(response.body(), token::redact);
        }
        // Error bodies only: a 200 body may be megabytes, and its parser reports success: false itself.
        // Decoded from JSON here (escapes and all), so redacted here, before it is shortened.
        String errorText = token.redact(StatusParser.errorText(response.body()));
        String detail = errorText == null ? "" : ": " + abbreviate(errorText);
        if (status == 401) {
            throw ApiException.refused(
                    401,
                    "OSVI rejected the API token from " + token.source()
                            + " (HTTP 401" + detail + "). Check that it is your account's current API token (dashboard,"
                            + " Settings > API).");
        }
        if (status == 404) {
            throw ApiException.refused(404, notFound.of(campaignId, "HTTP 404" + detail));
        }
        if (status >= 300 && status < 400) {
            String location = response.location() == null ? " (no Location)" : " to " + abbreviate(response.location());
            throw ApiException.refused(
                    status,
                    "HTTP " + status + reasonPhrase(response) + ": "
                            + statusUri(campaignId) + " redirects" + location
                            + ". Redirects are never followed (the token"
                            + " is only sent to baseUrl): set baseUrl to the final address.");
        }
        if (status == 407) {
            // A refused CONNECT (https baseUrl) comes back as this response too, not as an exception.
            throw ApiException.refused(407, proxyAuthenticationRequired());
        }
        String reason = reasonPhrase(response);
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw ApiException.refused(
                    status,
                    "HTTP " + status + reason + detail + ": the API refused the request for " + statusUri(campaignId)
                            + "; polling again cannot help.");
        }
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(response.retryAfter(), clock).orElse(null)
                : null;
        throw ApiException.transientFault(
                "HTTP " + status + reason + detail
                        + (retryAfter == null ? "" : " (Retry-After " + Values.formatRounded(retryAfter) + ")"),
                retryAfter);
    }

    private String proxyAuthenticationRequired() {
        String prefix = "HTTP 407 Proxy Authentication Required: the proxy ";
        if (proxy == null) {
            return prefix + "set by the JVM's proxy properties asks for credentials, and the gate only sends those of"
                    + " a settings.xml <proxy>; declare that proxy in settings.xml with its <username> and <password>.";
        }
        if (!proxy.hasCredentials()) {
            return prefix + proxy.describe() + " asks for credentials; give that proxy a <username> and <password> in"
                    + " settings.xml.";
        }
        return prefix + proxy.describe() + " refused its credentials; check the username and password of that proxy.";
    }

    /** " Bad Gateway": the server's reason phrase, or the standard one when it sent none; "" when unknown. */
    private static String reasonPhrase(Answer response) {
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
        return new Response(
                response.getCode(),
                response.getReasonPhrase(),
                header(response, "Location"),
                header(response, "Retry-After"),
                body);
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
        ProxySettings via = proxy == null || proxy.bypasses(uri.getHost()) ? null : proxy;
        if (e instanceof UnknownHostException) {
            if (via != null) {
                return "unknown host " + messageOf(e) + ": the name of the proxy " + via.describe() + " or of the"
                        + " baseUrl " + uri.getHost() + " is not in DNS (check the proxy in settings.xml, baseUrl"
                        + " (osvi.baseUrl) and DNS)";
            }
            return "unknown host " + uri.getHost() + " (check baseUrl and DNS)";
        }
        if (e instanceof ConnectTimeoutException) {
            return "could not connect to " + where + (via == null ? "" : " through the proxy " + via.describe())
                    + " within " + Values.format(requestTimeout) + " (requestTimeout)";
        }
        if (e instanceof ConnectException) {
            if (via != null) {
                return "could not connect to the proxy " + via.describe() + ", on the way to " + where + " ("
                        + messageOf(e) + "): check the proxy in settings.xml";
            }
            return "could not connect to " + where + " (" + messageOf(e) + ")"
                    + (refused(e)
                            ? ": nothing accepts connections there; check baseUrl (osvi.baseUrl) " + baseUrl
                            : "");
        }
        if (e instanceof SocketTimeoutException) {
            return "no response from " + where + " within " + Values.format(requestTimeout) + " (requestTimeout)";
        }
        if (e instanceof SSLException) {
            return "TLS failure talking to " + where + " (" + messageOf(e) + ")";
        }
        return "I/O failure talking to " + where + " (" + messageOf(e) + ")";
    }

    private static boolean refused(Exception e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("refused");
    }

    /** How the requests go: "directly" or "through the proxy http://proxy:3128 (settings.xml proxy 'corp')". */
    public String route() {
        return proxy == null || proxy.bypasses(baseUrl.getHost())
                ? "directly"
                : "through the proxy " + proxy.describe();
    }

    private static String messageOf(Exception e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
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
        dns.close();
        try {
            client.close();
        } catch (IOException e) {
            // Closing idle connections at the end of the wait; nothing left to report.
        }
    }

    private record Response(int status, String reason, String location, String retryAfter, byte[] body) {}

    /** A {@link Response} redacted, its body decoded. */
    private record Answer(int status, String reason, String location, String retryAfter, BodyText body) {}

    private static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
