package ai.osvi.gate.simulator;

import ai.osvi.gate.polling.TimeSource;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OSVI-compatible HTTP server on 127.0.0.1 that serves {@code GET /v1/campaigns/{id}/status} from a
 * {@link Scenario}, exactly as the API reference specifies: a 401 body for a missing or wrong {@code API-Token}, a
 * 404 body for an unknown campaign, and snapshots that progress with the time since the first request (plus the
 * time a campaign followed by earlier checks had run before).
 */
public final class SimulatorServer implements AutoCloseable {

    private static final Pattern STATUS_PATH = Pattern.compile("/v1/campaigns/([^/]+)/status");
    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UNAUTHORIZED = "{\"success\":false,\"error\":\"Invalid API token\"}";
    private static final String NOT_FOUND = "{\"success\":false,\"error\":\"Campaign not found\",\"details\":null}";

    private final Scenario scenario;
    private final byte[] token;
    private final TimeSource time;
    private final Duration elapsedBefore;
    private final HttpServer server;
    private final ExecutorService executor;
    /** Status requests answered so far, for a replay's order. */
    private final AtomicInteger answered = new AtomicInteger();

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Long firstRequestAt;

    /** What the simulator saw of one request; never the token itself. */
    public record RecordedRequest(String method, String path, String userAgent, String accept, boolean authorized) {}

    private SimulatorServer(Scenario scenario, String token, TimeSource time, Duration elapsedBefore)
            throws IOException {
        this.scenario = scenario;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.time = time;
        this.elapsedBefore = elapsedBefore;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "osvi-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a simulator on a free loopback port that accepts only {@code token}. */
    public static SimulatorServer start(Scenario scenario, String token) throws IOException {
        return start(scenario, token, TimeSource.SYSTEM);
    }

    public static SimulatorServer start(Scenario scenario, String token, TimeSource time) throws IOException {
        return start(scenario, token, time, Duration.ZERO);
    }

    /**
     * As above, the first request answered {@code elapsedBefore} into the scenario's timeline: where the campaign
     * that earlier checks followed is now (see {@link SimulatedClock}).
     */
    public static SimulatorServer start(Scenario scenario, String token, TimeSource time, Duration elapsedBefore)
            throws IOException {
        SimulatorServer simulator = new SimulatorServer(scenario, token, time, elapsedBefore);
        simulator.server.start();
        return simulator;
    }

    /** A random 16-character token, the length of a real one. */
    public static String generateToken() {
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String presented = exchange.getRequestHeaders().getFirst("API-Token");
            boolean authorized =
                    presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
            requests.add(new RecordedRequest(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestHeaders().getFirst("User-Agent"),
                    exchange.getRequestHeaders().getFirst("Accept"),
                    authorized));
            Matcher matcher = STATUS_PATH.matcher(path);
            if (!matcher.matches()) {
                send(exchange, 404, "application/json", "{\"success\":false,\"error\":\"Not found\",\"details\":null}");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "application/json", "{\"success\":false,\"error\":\"Method not allowed\"}");
                return;
            }
            if (!authorized) {
                send(exchange, 401, "application/json", UNAUTHORIZED);
                return;
            }
            if (scenario.baselineCampaignId() != null
                    && matcher.group(1).equals(Long.toString(scenario.baselineCampaignId()))) {
                send(exchange, 200, "application/json", scenario.baselineBody());
                return;
            }
            if (!matcher.group(1).equals(Long.toString(scenario.campaignId()))) {
                send(exchange, 404, "application/json", NOT_FOUND);
                return;
            }
            Scenario.Step step = scenario.byRequest()
                    ? scenario.stepFor(answered.getAndIncrement())
                    : scenario.stepAt(sinceFirstRequest());
            send(exchange, step.status(), step.contentType(), step.body());
        }
    }

    private synchronized Duration sinceFirstRequest() {
        long now = time.nanoTime();
        if (firstRequestAt == null) {
            firstRequestAt = now;
        }
        return elapsedBefore.plusNanos(now - firstRequestAt);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // The JDK's server sends the headers in a write of their own (JDK 17: always; JDK 25: when the body is
        // over 8 KiB), so Nagle's algorithm holds the body back until the client acknowledges the headers, which
        // its delayed ACK does after about 40 ms. TCP_NODELAY is only settable JVM-wide for this server (the
        // system property sun.net.httpserver.nodelay, read once). Closing the connection after each answer sends
        // the held body at once instead: a new loopback connection per poll costs far less than 40 ms.
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
