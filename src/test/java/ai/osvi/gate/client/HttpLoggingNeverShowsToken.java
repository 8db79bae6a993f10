package ai.osvi.gate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.simulator.Scenario;
import ai.osvi.gate.simulator.SimulatorServer;
import ai.osvi.it.ForwardProxy;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * HttpClient logs every request header and the raw wire at DEBUG, and Maven's {@code -X} turns DEBUG on under
 * whatever logging backend Maven runs on. Each subclass sets one backend up with every logger at TRACE, all of its
 * output captured into {@link #captured}; real requests then carry the token (and proxy credentials) to loopback
 * servers: the secrets must appear nowhere, while HttpClient's own DEBUG lines must be there (so logging was really
 * on). Each subclass runs in a surefire execution of its own, whose test classpath has that backend alone (two SLF4J
 * providers would conflict); the default execution skips them.
 */
abstract class HttpLoggingNeverShowsToken {

    static final String TOKEN = "loggingTOKEN4711";
    static final String PROXY_USER = "builder";
    static final String PROXY_PASSWORD = "pr0xyPassw0rd";

    /** Everything the backend wrote, each line as {@code LEVEL logger - message}. */
    final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    /** Sends every logger's output at TRACE into {@link #captured}; skips the test unless the backend is there. */
    abstract void logEverythingAtTraceIntoABuffer();

    abstract void stopCapturing();

    @BeforeEach
    void startCapturing() {
        logEverythingAtTraceIntoABuffer();
    }

    @AfterEach
    void endCapturing() {
        stopCapturing();
    }

    @Test
    void request_headers_and_wire_never_reach_a_logger_at_trace() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                OsviHttpClient client =
                        new OsviHttpClient(simulator.baseUrl(), new ApiToken(TOKEN, "test"), Duration.ofSeconds(5))) {
            assertThat(client.fetch(7).campaign().id()).isEqualTo(7);
            assertThat(client.fetch(7).campaign().id()).isEqualTo(7);
            assertThat(simulator.requests()).hasSize(2).allMatch(SimulatorServer.RecordedRequest::authorized);
        }

        assertLoggingWasOnAndShowsNo(TOKEN);
        assertThat(log()).contains(" executing GET /v1/campaigns/7/status");
    }

    @Test
    void token_and_proxy_credentials_never_reach_a_logger_through_an_authenticating_proxy() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                ForwardProxy proxy = ForwardProxy.start(PROXY_USER, PROXY_PASSWORD);
                OsviHttpClient client = client(simulator.baseUrl(), proxy)) {
            assertThat(client.fetch(7).campaign().id()).isEqualTo(7);
            // the first attempt is refused with 407, the second carries Proxy-Authorization and the token
            assertThat(proxy.seen()).extracting(ForwardProxy.Seen::authorized).containsExactly(false, true);
            assertThat(simulator.requests()).hasSize(1).allMatch(SimulatorServer.RecordedRequest::authorized);
        }

        assertLoggingWasOnAndShowsNo(TOKEN, PROXY_PASSWORD, basicCredentials());
    }

    @Test
    void proxy_credentials_never_reach_a_logger_when_tunnelling_to_https() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (ForwardProxy proxy = ForwardProxy.start(PROXY_USER, PROXY_PASSWORD);
                OsviHttpClient client = client(URI.create("https://127.0.0.1:" + closedPort + "/"), proxy)) {
            // The second CONNECT carries Proxy-Authorization; the proxy then finds nothing to tunnel to.
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT);
            assertThat(proxy.seen()).extracting(ForwardProxy.Seen::method).containsExactly("CONNECT", "CONNECT");
            assertThat(proxy.seen()).extracting(ForwardProxy.Seen::authorized).containsExactly(false, true);
        }

        assertLoggingWasOnAndShowsNo(TOKEN, PROXY_PASSWORD, basicCredentials());
    }

    private static OsviHttpClient client(URI baseUrl, ForwardProxy proxy) {
        return new OsviHttpClient(
                baseUrl,
                new ApiToken(TOKEN, "test"),
                Duration.ofSeconds(5),
                new ProxySettings(
                        "127.0.0.1", proxy.port(), PROXY_USER, PROXY_PASSWORD, null, "settings.xml proxy 'corp'"),
                Clock.systemUTC());
    }

    private static String basicCredentials() {
        return Base64.getEncoder().encodeToString((PROXY_USER + ":" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private String log() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private void assertLoggingWasOnAndShowsNo(String... secrets) {
        // HttpClient's header and wire loggers were enabled: nothing here relies on their level
        assertThat(LoggerFactory.getLogger("org.apache.hc.client5.http.headers").isTraceEnabled())
                .isTrue();
        assertThat(LoggerFactory.getLogger("org.apache.hc.client5.http.wire").isTraceEnabled())
                .isTrue();
        String log = log();
        assertThat(log.lines().filter(line -> line.startsWith("DEBUG org.apache.hc.client5.")))
                .as("HttpClient's own DEBUG lines")
                .hasSizeGreaterThan(5);
        for (String secret : secrets) {
            List<String> leaks = log.lines()
                    .filter(line -> line.contains(secret))
                    .map(line -> line.replace(secret, "<secret>"))
                    .toList();
            assertThat(leaks).as("log lines holding a secret").isEmpty();
        }
        assertThat(log)
                .doesNotContain(
                        "API-Token",
                        "Proxy-Authorization",
                        "org.apache.hc.client5.http.headers",
                        "org.apache.hc.client5.http.wire");
    }
}
