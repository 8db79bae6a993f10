package ai.osvi.gate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.simulator.Scenario;
import ai.osvi.gate.simulator.SimulatorServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OsviHttpClientTest {

    private static final String TOKEN = "tokTEST1234abcdE";

    private HttpServer raw;

    @AfterEach
    void stop() {
        if (raw != null) {
            raw.stop(0);
        }
    }

    /** A loopback server answering every request with {@code status} and {@code body}; records API-Token headers. */
    private URI serve(int status, String contentType, String body, List<String> tokensSeen, String... headers)
            throws IOException {
        raw = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        raw.createContext("/", exchange -> {
            tokensSeen.add(String.valueOf(exchange.getRequestHeaders().getFirst("API-Token")));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            for (int i = 0; i < headers.length; i += 2) {
                exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        raw.start();
        return URI.create("http://127.0.0.1:" + raw.getAddress().getPort() + "/");
    }

    private static OsviHttpClient client(URI baseUrl, Duration requestTimeout) {
        return new OsviHttpClient(baseUrl, new ApiToken(TOKEN, "environment variable OSVI_API_TOKEN"), requestTimeout);
    }

    @Test
    void should_send_the_documented_request_and_parse_the_snapshot() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                OsviHttpClient client = client(simulator.baseUrl(), Duration.ofSeconds(5))) {
            CampaignStatus status = client.fetch(7);

            assertThat(status.campaign().id()).isEqualTo(7);
            assertThat(simulator.requests()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("GET");
                assertThat(request.path()).isEqualTo("/v1/campaigns/7/status");
                assertThat(request.authorized()).isTrue();
                assertThat(request.accept()).isEqualTo("application/json");
                assertThat(request.userAgent()).isEqualTo("osvi-maven-plugin/" + PluginVersion.version());
            });
            assertThat(PluginVersion.version()).isNotEqualTo("unknown");
        }
    }

    @Test
    void a_401_should_name_the_token_source_and_a_404_the_campaign() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), "someOtherToken16");
                OsviHttpClient client = client(simulator.baseUrl(), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TOKEN_REJECTED)
                    .hasMessageStartingWith("OSVI rejected the API token from environment variable OSVI_API_TOKEN"
                            + " (HTTP 401: Invalid API token).")
                    .message()
                    .doesNotContain(TOKEN);
        }
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                OsviHttpClient client = client(simulator.baseUrl(), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.fetch(8))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.NOT_FOUND)
                    .hasMessageStartingWith("campaign 8 not found on this account (HTTP 404: Campaign not found).");
        }
    }

    @Test
    void other_statuses_should_be_transient_and_never_echo_the_token() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        URI baseUrl = serve(502, "text/html", "<html>bad gateway for token " + TOKEN + "</html>", seen);
        try (OsviHttpClient client = client(baseUrl, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                    .hasMessage("HTTP 502 Bad Gateway")
                    .message()
                    .doesNotContain(TOKEN);
        }
    }

    @Test
    void an_echoed_token_in_an_error_text_should_be_redacted() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        URI baseUrl = serve(503, "application/json", "{\"success\":false,\"error\":\"bad token " + TOKEN + "\"}", seen);
        try (OsviHttpClient client = client(baseUrl, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.fetch(7)).hasMessage("HTTP 503 Service Unavailable: bad token ****");
        }
    }

    @Test
    void a_token_cut_by_the_shortening_of_a_long_text_should_leave_no_part_of_itself() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        String errorText = "x".repeat(190) + TOKEN + " and more";
        URI baseUrl = serve(500, "application/json", "{\"error\":\"" + errorText + "\"}", seen);
        try (OsviHttpClient client = client(baseUrl, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.fetch(7))
                    .message()
                    .doesNotContain(TOKEN.substring(0, 4))
                    .contains("****");
        }
        String fieldText = "y".repeat(30) + TOKEN;
        URI wrongType = serve(
                200,
                "application/json",
                StatusParserTest.DOCUMENTED_EXAMPLE.replace(
                        "\"completed\": false", "\"completed\": \"" + fieldText + "\""),
                seen);
        try (OsviHttpClient client = client(wrongType, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.fetch(7))
                    .hasMessageContaining("data.uploads[0].queues[0].completed is the string")
                    .message()
                    .doesNotContain(TOKEN.substring(0, 4));
        }
    }

    @Test
    void redirects_should_not_be_followed_so_the_token_stays_with_baseUrl() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        URI baseUrl = serve(302, "text/plain", "", seen, "Location", "http://127.0.0.2:9/elsewhere");
        try (OsviHttpClient client = client(baseUrl, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.REDIRECT)
                    .hasMessage("HTTP 302 Temporary Redirect: " + baseUrl + "v1/campaigns/7/status redirects to"
                            + " http://127.0.0.2:9/elsewhere. Redirects are never followed (the token is only sent to"
                            + " baseUrl): set baseUrl to the final address.");
        }
        assertThat(seen).hasSize(1);
    }

    @Test
    void a_request_should_take_no_longer_than_the_time_left_before_the_deadline() throws Exception {
        raw = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        raw.createContext("/", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        raw.start();
        URI slow = URI.create("http://127.0.0.1:" + raw.getAddress().getPort() + "/");
        try (OsviHttpClient client = client(slow, Duration.ofSeconds(30))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.fetch(7, Duration.ofMillis(800)))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                    .hasMessage("no complete response within 800ms (the time left before the gate's deadline) from"
                            + " 127.0.0.1:" + raw.getAddress().getPort());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_800));
            // the time left is computed: shown rounded, as people read it
            assertThatThrownBy(() -> client.fetch(7, Duration.ofMillis(1_995)))
                    .hasMessage("no complete response within 2s (the time left before the gate's deadline) from"
                            + " 127.0.0.1:" + raw.getAddress().getPort());
            assertThatThrownBy(() -> client.fetch(7, Duration.ZERO))
                    .hasMessage("no time left before the gate's deadline (timeout) for a request to 127.0.0.1:"
                            + raw.getAddress().getPort());
        }
    }

    @Test
    void a_token_echoed_in_an_answer_should_be_removed_as_the_answer_is_read() throws Exception {
        String escaped = "\\u" + String.format("%04x", (int) TOKEN.charAt(0)) + TOKEN.substring(1);
        URI echo = serve(
                200,
                "application/json",
                StatusParserTest.DOCUMENTED_EXAMPLE
                        .replace("June Renewals", "June " + TOKEN)
                        .replace("\"not_picked\": 25", "\"" + TOKEN + "\": 20, \"x" + escaped + "\": 5"),
                new ArrayList<>());
        try (OsviHttpClient client = client(echo, Duration.ofSeconds(5))) {
            CampaignStatus status = client.fetch(7);
            assertThat(status.campaign().name()).isEqualTo("June ****");
            assertThat(status.calls().byStatus()).containsOnlyKeys("picked", "****", "x****", "failed");
        }
    }

    @Test
    void a_refused_connection_should_say_where() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (OsviHttpClient client = client(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                    .hasMessageStartingWith("could not connect to 127.0.0.1:" + port)
                    .hasMessageEndingWith("refused): nothing accepts connections there; check baseUrl (osvi.baseUrl)"
                            + " http://127.0.0.1:" + port + "/")
                    .satisfies(e -> assertThat(((ApiException) e).route()).hasValue("directly"));
        }
    }

    @Test
    void a_server_that_never_answers_should_be_cut_off_at_the_request_timeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                OsviHttpClient client =
                        client(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), Duration.ofMillis(700))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                    .hasMessageContaining("within 700ms (requestTimeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void a_body_dribbled_slower_than_the_request_timeout_should_be_cut_off() throws Exception {
        raw = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        raw.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException | IOException e) {
                // the client hung up, as it should
            }
        });
        raw.setExecutor(Executors.newCachedThreadPool());
        raw.start();
        try (OsviHttpClient client =
                client(URI.create("http://127.0.0.1:" + raw.getAddress().getPort() + "/"), Duration.ofMillis(800))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                    .hasMessageContaining("no complete response within 800ms (requestTimeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void a_429_should_carry_its_retry_after() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        URI baseUrl = serve(
                429, "application/json", "{\"success\":false,\"error\":\"rate limited\"}", seen, "Retry-After", "42");
        try (OsviHttpClient client = client(baseUrl, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(42)))
                    .hasMessage("HTTP 429 Too Many Requests: rate limited (Retry-After 42s)");
        }
    }

    @Test
    void a_body_above_the_cap_should_be_refused() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        URI baseUrl = serve(200, "application/json", " ".repeat(OsviHttpClient.MAX_BODY_BYTES + 1), seen);
        try (OsviHttpClient client = client(baseUrl, Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                    .hasMessage("the response body is larger than 16 MiB; refused");
        }
    }

    @Test
    void abort_should_cancel_a_request_in_flight() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                OsviHttpClient client =
                        client(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), Duration.ofSeconds(30))) {
            new Thread(() -> {
                        try {
                            Thread.sleep(300);
                        } catch (InterruptedException e) {
                            return;
                        }
                        client.abort();
                    })
                    .start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.fetch(7)).isInstanceOf(InterruptedException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void other_4xx_answers_should_be_refusals_that_no_retry_can_fix() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        URI baseUrl =
                serve(403, "application/json", "{\"success\":false,\"error\":\"plan does not include the API\"}", seen);
        try (OsviHttpClient client = client(baseUrl, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.REFUSED)
                    .hasMessage("HTTP 403 Forbidden: plan does not include the API: the API refused the request for "
                            + baseUrl + "v1/campaigns/7/status; polling again cannot help.");
        }
    }
}
