package ai.osvi.gate.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.Gate;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.client.ApiToken;
import ai.osvi.gate.client.OsviHttpClient;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate with its real HTTP client against WireMock, a third-party HTTP server, one fault kind at a time: each
 * fault must end in the right verdict or a clear error, within the deadline, without the token leaking.
 *
 * <p>Real time only in the deadline tests, whose subject is a real server's hanging answer (or a full accept queue)
 * cut by the gate's timeout, 1s (as short as their pollInterval allows); elsewhere the gate sleeps in virtual time
 * ({@link FakeTime}), only the requests and their requestTimeout being real.
 */
class FaultInjectionTest {

    private static final String TOKEN = "faultTOKEN123456";
    private static final String PATH = "/v1/campaigns/7/status";
    private static final String COMPLETE = """
            {"success": true, "data": {
              "campaign": {"id": 7, "name": "Faults", "status": "active"},
              "calls": {"total": 100, "by_status": {"picked": 97, "failed": 3}},
              "uploads": [{"campaign_upload_id": 19, "queues": [{"total_queued": 100, "completed": true}]}]}}
            """;

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private final RecordingLog log = new RecordingLog();
    /** The gate's clock but in the deadline tests: its pauses between polls take no time. */
    private final FakeTime time = new FakeTime();

    private CampaignResult runGate(String baseUrl, String timeout, String requestTimeout) {
        return runGate(baseUrl, timeout, requestTimeout, time);
    }

    private CampaignResult runGate(String baseUrl, String timeout, String requestTimeout, TimeSource clock) {
        TestConfig raw = new TestConfig();
        raw.baseUrl = baseUrl;
        raw.timeout = timeout;
        raw.pollInterval = "1s";
        raw.requestTimeout = requestTimeout;
        raw.maxFailureRatio = "5%";
        raw.maxConsecutiveErrors = "20";
        GateConfig config = raw.parse();
        try (OsviHttpClient client =
                new OsviHttpClient(config.baseUrl(), new ApiToken(TOKEN, "test"), config.requestTimeout())) {
            return new Gate(config, client, clock, log, new AbortSignal(), () -> 0).run();
        }
    }

    private CampaignResult firstThenComplete(ResponseDefinitionBuilder fault) {
        return firstThenComplete(fault, "1s");
    }

    private CampaignResult firstThenComplete(ResponseDefinitionBuilder fault, String requestTimeout) {
        api.stubFor(get(urlEqualTo(PATH))
                .inScenario("fault")
                .whenScenarioStateIs(STARTED)
                .willReturn(fault)
                .willSetStateTo("recovered"));
        api.stubFor(get(urlEqualTo(PATH))
                .inScenario("fault")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(COMPLETE)));
        return runGate(api.baseUrl(), "20s", requestTimeout);
    }

    static Stream<Arguments> recoverableFaults() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        return Stream.of(
                Arguments.of(
                        "connection reset",
                        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        "I/O failure talking to localhost:"),
                Arguments.of(
                        "empty response",
                        aResponse().withFault(Fault.EMPTY_RESPONSE),
                        "I/O failure talking to localhost:"),
                Arguments.of(
                        "malformed chunk",
                        aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                        "I/O failure talking to localhost:"),
                Arguments.of(
                        "random data then close",
                        aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                        "talking to localhost:"),
                Arguments.of("slow headers", okJson(COMPLETE).withFixedDelay(3000), "(requestTimeout)"),
                Arguments.of(
                        "dribbled body",
                        okJson(COMPLETE).withChunkedDribbleDelay(COMPLETE.length(), 5000),
                        "no complete response within 1s (requestTimeout)"),
                Arguments.of("500", aResponse().withStatus(500), "HTTP 500 "),
                Arguments.of(
                        "502",
                        aResponse().withStatus(502).withBody("<html>bad gateway</html>"),
                        "HTTP 502 Bad Gateway"),
                Arguments.of("503", aResponse().withStatus(503), "HTTP 503 Service Unavailable"),
                Arguments.of("504", aResponse().withStatus(504), "HTTP 504 Gateway Timeout"),
                Arguments.of(
                        "429 retry-after seconds",
                        aResponse().withStatus(429).withHeader("Retry-After", "2"),
                        "HTTP 429 Too Many Requests (Retry-After 2s)"),
                Arguments.of(
                        "429 retry-after date",
                        aResponse().withStatus(429).withHeader("Retry-After", inTwoSeconds),
                        "HTTP 429 Too Many Requests (Retry-After "),
                Arguments.of(
                        "html error page",
                        aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "text/html")
                                .withBody("<!DOCTYPE html><html><body>Proxy error</body></html>"),
                        "unexpected response: the body is HTML or XML, not JSON"),
                Arguments.of(
                        "truncated json",
                        okJson(COMPLETE.substring(0, COMPLETE.length() / 2)),
                        "unexpected response: the body is not valid JSON"),
                Arguments.of(
                        "success false",
                        okJson("{\"success\": false, \"error\": \"maintenance\"}"),
                        "the API answered success: false (error: maintenance)"),
                Arguments.of(
                        "wrong shape",
                        okJson("{\"success\": true, \"data\": {\"campaign\": {}, \"calls\":"
                                + " {\"total\": \"many\", \"by_status\": {}}, \"uploads\": []}}"),
                        "unexpected response: data.calls.total is the string \"many\", expected a whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recoverableFaults")
    void a_fault_should_be_retried_and_the_next_good_answer_decide(
            String kind, ResponseDefinitionBuilder fault, String expectedWarning) {
        CampaignResult result = firstThenComplete(fault);

        assertThat(result.verdict()).as(kind).isEqualTo(Verdict.PASS);
        assertThat(result.waitResult().errors()).isEqualTo(1);
        assertThat(log.at("WARN"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("campaign 7: poll failed (1 in a row, the wait ends at 20): ")
                        .contains(expectedWarning));
        assertThat(log.text()).doesNotContain(TOKEN);
        api.verify(2, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void a_retry_after_should_delay_the_next_poll() {
        // a generous requestTimeout: the server may still be busy with the hanging answers of other tests
        firstThenComplete(aResponse().withStatus(503).withHeader("Retry-After", "3"), "10s");
        assertThat(log.at("WARN")).singleElement().asString().contains("HTTP 503 Service Unavailable (Retry-After 3s)");
        // the server's 3s, not pollInterval's 1s, between the two polls
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
        api.verify(2, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void a_redirect_to_another_host_should_not_be_followed_nor_the_token_forwarded() {
        elsewhere.stubFor(get(anyUrl()).willReturn(okJson(COMPLETE)));
        api.stubFor(get(urlEqualTo(PATH))
                .willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + PATH)));

        CampaignResult result = runGate(api.baseUrl(), "3s", "1s");

        // a redirect is final: one request, then ERROR naming the target and the fix
        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.waitResult().polls()).isEqualTo(1);
        assertThat(result.failureMessage())
                .contains(
                        "HTTP 302 Found: " + api.baseUrl() + PATH + " redirects to " + elsewhere.baseUrl() + PATH
                                + ". Redirects are never followed",
                        "set baseUrl to the final address");
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> serversThatNeverFinish() {
        return Stream.of(
                Arguments.of("headers never sent", okJson(COMPLETE).withFixedDelay(60_000)),
                Arguments.of("body never ends", okJson(COMPLETE).withChunkedDribbleDelay(COMPLETE.length(), 60_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serversThatNeverFinish")
    void the_deadline_should_hold_against_a_server_that_never_finishes(String kind, ResponseDefinitionBuilder hang) {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(hang));

        long start = System.nanoTime();
        CampaignResult result = runGate(api.baseUrl(), "1s", "1s", TimeSource.SYSTEM);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(elapsed).as("timeout + 1s").isLessThan(Duration.ofSeconds(1 + 1));
        assertThat(result.failureMessage()).contains("No snapshot was received", "no complete response within");
    }

    @Test
    void the_deadline_should_hold_against_a_server_that_never_accepts() throws IOException {
        List<Socket> backlog = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Fill the accept queue so that further connection attempts hang in the handshake.
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(full.getLocalSocketAddress(), 200);
                    backlog.add(socket);
                } catch (IOException e) {
                    socket.close();
                    break;
                }
            }
            long start = System.nanoTime();
            CampaignResult result = runGate("http://127.0.0.1:" + full.getLocalPort(), "1s", "1s", TimeSource.SYSTEM);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
            assertThat(elapsed).isLessThan(Duration.ofSeconds(1 + 1 + 1));
        } finally {
            for (Socket socket : backlog) {
                socket.close();
            }
        }
    }

    @Test
    void persistent_errors_should_end_with_the_last_error_and_the_attempts() {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(502)));
        TestConfig raw = new TestConfig();
        raw.baseUrl = api.baseUrl();
        raw.pollInterval = "1s";
        raw.timeout = "30s";
        raw.maxConsecutiveErrors = "3";
        GateConfig config = raw.parse();
        CampaignResult result;
        try (OsviHttpClient client =
                new OsviHttpClient(config.baseUrl(), new ApiToken(TOKEN, "test"), config.requestTimeout())) {
            result = new Gate(config, client, time, log, new AbortSignal(), () -> 0).run();
        }
        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.summaryLine()).contains("gave up after 3 consecutive failed polls (3 polls in");
        assertThat(result.failureMessage()).contains("Last error: HTTP 502 Bad Gateway");
        api.verify(3, getRequestedFor(urlEqualTo(PATH)));
    }
}
