package ai.osvi.gate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a scenario file's author sees: the bodies served as written, and why a file that is not one is refused. */
class ScenarioTest {

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("scenario.json"), content);
    }

    @Test
    void numbers_should_be_served_exactly_as_written() throws Exception {
        Path file = file("""
                {"campaign": {"id": 7, "status": "active", "weight": 1.50, "scale": 1e3,
                              "big": 123456789012345678901234567890, "fine": 0.1000000000000000055511151231257827},
                 "timeline": [
                   {"at": "0s", "response": {"status": 503, "body": {"error": "busy", "retry_in": 2.50}}},
                   {"at": "1s", "calls": {"total": 1, "by_status": {"picked": 1}},
                    "uploads": [{"campaign_upload_id": 19, "queues": [{"total_queued": 1, "completed": true}]}]}]}
                """);

        Scenario scenario = Scenario.load(file.toString());

        assertThat(scenario.steps().get(0).body()).isEqualTo("{\"error\":\"busy\",\"retry_in\":2.50}");
        assertThat(scenario.steps().get(1).body())
                .isEqualTo(
                        "{\"success\":true,\"data\":{\"campaign\":{\"id\":7,"
                                + "\"status\":\"active\",\"weight\":1.50,\"scale\":1E+3,\"big\":123456789012345678901234567890,"
                                + "\"fine\":0.1000000000000000055511151231257827},\"calls\":{\"total\":1,\"by_status\":{\"picked\":1}},"
                                + "\"uploads\":[{\"campaign_upload_id\":19,\"queues\":[{\"total_queued\":1,\"completed\":true}]}]}}");
    }

    @Test
    void a_file_that_is_not_one_json_document_should_be_refused_with_the_reason() throws Exception {
        String valid = "{\"campaign\": {\"id\": 7}, \"timeline\": [{\"at\": \"0s\", \"calls\": {}, \"uploads\": []}]}";
        for (String[] bad : new String[][] {
            {"", "the document is empty"},
            {"{\"campaign\": {\"id\": 7, \"id\": 8}, \"timeline\": []}", "Duplicate field 'id'"},
            {valid + "\n{}", "trailing content after the JSON value at line 2"},
            {
                "{\"campaign\": {\"id\": 7},}",
                "Unexpected character ('}' (code 125)): was expecting double-quote" + " to start field name"
            }
        }) {
            Path file = file(bad[0]);
            assertThatThrownBy(() -> Scenario.load(file.toString()))
                    .as(bad[0])
                    .hasMessage("Invalid scenario " + file + " (simulation (osvi.simulation)): it is not valid JSON ("
                            + bad[1] + "). See 'Scenario files' in src/site/markdown/simulator.md.");
        }
        assertThat(Scenario.load(file(valid).toString()).steps()).hasSize(1);
    }

    @Test
    void a_step_inherits_calls_and_uploads_but_null_is_not_a_value() throws Exception {
        Path file = file("""
                {"campaign": {"id": 7, "status": "active"},
                 "timeline": [{"at": "0s", "calls": {"total": 0, "by_status": {}}, "uploads": []},
                              {"at": "1s", "campaign": {"status": "inactive"}},
                              {"at": "2s", "calls": null}]}
                """);

        assertThatThrownBy(() -> Scenario.load(file.toString()))
                .hasMessage("Invalid scenario " + file
                        + " (simulation (osvi.simulation)): timeline[2] needs 'calls' and 'uploads' (later steps inherit"
                        + " them). See 'Scenario files' in src/site/markdown/simulator.md.");
    }
}
