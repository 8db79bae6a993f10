package ai.osvi.gate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.config.InvalidConfigurationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorServerTest {

    private static final String TOKEN = "simTOKEN12345678";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(SimulatorServer server, String path, String token) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.baseUrl().resolve(path)).GET();
        if (token != null) {
            request.header("API-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_answer_401_and_404_with_the_documented_bodies() throws Exception {
        try (SimulatorServer server = SimulatorServer.start(Scenario.load("passing"), TOKEN)) {
            HttpResponse<String> missing = get(server, "v1/campaigns/7/status", null);
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.body()).isEqualTo("{\"success\":false,\"error\":\"Invalid API token\"}");
            assertThat(get(server, "v1/campaigns/7/status", "wrong").statusCode())
                    .isEqualTo(401);

            HttpResponse<String> unknown = get(server, "v1/campaigns/8/status", TOKEN);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body())
                    .isEqualTo("{\"success\":false,\"error\":\"Campaign not found\",\"details\":null}");
            assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/json");
        }
    }

    @Test
    void snapshots_should_progress_with_time_since_the_first_request() throws Exception {
        FakeTime time = new FakeTime();
        try (SimulatorServer server = SimulatorServer.start(Scenario.load("passing"), TOKEN, time)) {
            assertThat(get(server, "v1/campaigns/7/status", TOKEN).body()).contains("\"total\":0");
            time.advance(Duration.ofSeconds(5));
            assertThat(get(server, "v1/campaigns/7/status", TOKEN).body()).contains("\"total\":90");
            time.advance(Duration.ofSeconds(5));
            String done = get(server, "v1/campaigns/7/status", TOKEN).body();
            assertThat(done)
                    .startsWith("{\"success\":true,\"data\":{\"campaign\":{\"id\":7,")
                    .contains(
                            "\"total\":200",
                            "\"failed\":9",
                            "\"retry_delay\":60",
                            "\"file_name\":null",
                            "\"created_at\":\"2026-06-01T10:00:00+05:30\"")
                    .doesNotContain("\"completed\":false");
        }
    }

    @Test
    void scenario_files_should_support_error_responses_and_campaign_overrides(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scenario.json");
        Files.writeString(file, """
                {"campaign": {"id": 42, "name": "File", "status": "active"},
                 "timeline": [
                   {"at": "0s", "response": {"status": 503, "body": "<html>busy</html>", "content_type": "text/html"}},
                   {"at": "1s", "calls": {"total": 1, "by_status": {"picked": 1}},
                    "uploads": [{"campaign_upload_id": 1, "queues": [{"total_queued": 1, "completed": false}]}]},
                   {"at": "2s", "campaign": {"status": "inactive"}}
                 ]}
                """);
        FakeTime time = new FakeTime();
        try (SimulatorServer server = SimulatorServer.start(Scenario.load(file.toString()), TOKEN, time)) {
            HttpResponse<String> busy = get(server, "v1/campaigns/42/status", TOKEN);
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.body()).isEqualTo("<html>busy</html>");
            time.advance(Duration.ofSeconds(1));
            assertThat(get(server, "v1/campaigns/42/status", TOKEN).body()).contains("\"status\":\"active\"");
            time.advance(Duration.ofSeconds(1));
            assertThat(get(server, "v1/campaigns/42/status", TOKEN).body())
                    .contains("\"status\":\"inactive\"", "\"picked\":1");
        }
    }

    @Test
    void bad_scenarios_should_be_explained() throws Exception {
        Path dir = Files.createTempDirectory("scenario");
        assertThatThrownBy(() -> Scenario.load("no-such-scenario", dir))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid simulation (osvi.simulation) 'no-such-scenario': no built-in scenario of that"
                        + " name and no file " + dir.resolve("no-such-scenario") + ". Accepted: passing, failing,"
                        + " stalled, inactive, regressed, or the path of a scenario JSON file, relative to the project's base"
                        + " directory (" + dir + ").");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"campaign\": {\"id\": 1}, \"timeline\": [{\"at\": \"soon\"}]}");
        assertThatThrownBy(() -> Scenario.load(file.toString()))
                .hasMessageContaining("timeline[0].at must be an offset such as 0s, 2s or 1m");
    }

    @Test
    void generated_tokens_look_like_real_ones() {
        assertThat(SimulatorServer.generateToken())
                .hasSize(16)
                .matches("[A-Za-z0-9]{16}")
                .isNotEqualTo(SimulatorServer.generateToken());
    }

    @Test
    void answers_should_not_wait_for_the_clients_delayed_acknowledgement() throws Exception {
        // With Nagle's algorithm holding each body back until the headers are acknowledged, every poll took about
        // 44 ms on JDK 17 (the client's delayed ACK); without that stall a loopback poll takes a few milliseconds.
        try (SimulatorServer server = SimulatorServer.start(Scenario.load("passing"), TOKEN)) {
            for (int i = 0; i < 5; i++) {
                get(server, "v1/campaigns/7/status", TOKEN);
            }
            long[] millis = new long[21];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                assertThat(get(server, "v1/campaigns/7/status", TOKEN).statusCode())
                        .isEqualTo(200);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            assertThat(millis[millis.length / 2])
                    .as("median milliseconds per poll, of %s", Arrays.toString(millis))
                    .isLessThan(30);
        }
    }

    @Test
    void base_url_is_loopback() throws Exception {
        try (SimulatorServer server = SimulatorServer.start(Scenario.load("stalled"), TOKEN)) {
            assertThat(server.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(URI.create(server.baseUrl().toString()).getPort()).isPositive();
        }
    }
}
