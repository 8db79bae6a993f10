package ai.osvi.gate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.model.CampaignStatus;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatusParserTest {

    /** The example of the API reference, every field as documented. */
    static final String DOCUMENTED_EXAMPLE = """
            {"success": true,
             "data": {
               "campaign": {"id": 7, "name": "June Renewals", "status": "active", "is_retry_enabled": true,
                            "retry_threshold": 2, "retry_delay": 1800, "created_at": "2026-06-01T10:00:00+05:30"},
               "calls": {"total": 120, "by_status": {"picked": 88, "not_picked": 25, "failed": 7}},
               "uploads": [
                 {"campaign_upload_id": 19, "file_name": "1718000000-api_contacts_ab12cd34ef567890.csv",
                  "agent_uuid": "agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og", "created_at": "2026-06-02T11:00:00+05:30",
                  "queues": [{"agent_uuid": "agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og", "total_queued": 50,
                              "completed": false}]}
               ]}}
            """;

    private static CampaignStatus parse(String json) throws TransientApiException {
        return StatusParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String replace(String from, String to) {
        if (!DOCUMENTED_EXAMPLE.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return DOCUMENTED_EXAMPLE.replace(from, to);
    }

    @Test
    void documented_example_should_parse_completely() throws Exception {
        CampaignStatus status = parse(DOCUMENTED_EXAMPLE);
        assertThat(status.campaign().id()).isEqualTo(7);
        assertThat(status.campaign().name()).isEqualTo("June Renewals");
        assertThat(status.campaign().isInactive()).isFalse();
        assertThat(status.campaign().retryThreshold()).isEqualTo(2);
        assertThat(status.campaign().retryDelaySeconds()).isEqualTo(1800);
        assertThat(status.campaign().createdAt()).isEqualTo(OffsetDateTime.parse("2026-06-01T10:00:00+05:30"));
        assertThat(status.calls().total()).isEqualTo(120);
        assertThat(status.calls().byStatus()).containsExactly(
                org.assertj.core.api.Assertions.entry("picked", 88L),
                org.assertj.core.api.Assertions.entry("not_picked", 25L),
                org.assertj.core.api.Assertions.entry("failed", 7L));
        assertThat(status.uploads()).hasSize(1);
        assertThat(status.uploads().get(0).campaignUploadId()).isEqualTo(19);
        assertThat(status.uploads().get(0).queues().get(0).totalQueued()).isEqualTo(50);
        assertThat(status.isComplete(OptionalLong.empty())).isFalse();
    }

    @Test
    void nullable_fields_may_be_null_and_unknown_fields_are_ignored() throws Exception {
        String json = replace("\"retry_threshold\": 2, \"retry_delay\": 1800",
                "\"retry_threshold\": null, \"retry_delay\": null, \"paused_until\": \"tomorrow\"")
                .replace("\"file_name\": \"1718000000-api_contacts_ab12cd34ef567890.csv\"", "\"file_name\": null")
                .replace("\"agent_uuid\": \"agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og\", \"created_at\": \"2026-06-02",
                        "\"agent_uuid\": null, \"extra\": [1, 2], \"created_at\": \"2026-06-02");
        CampaignStatus status = parse(json);
        assertThat(status.campaign().retryThreshold()).isNull();
        assertThat(status.campaign().retryDelaySeconds()).isNull();
        assertThat(status.uploads().get(0).fileName()).isNull();
        assertThat(status.uploads().get(0).agentUuid()).isNull();
    }

    @Test
    void by_status_is_an_open_map_keeping_unknown_statuses() throws Exception {
        CampaignStatus status = parse(replace("\"failed\": 7}", "\"failed\": 7, \"voicemail\": 3, \"busy\": 0}"));
        assertThat(status.calls().byStatus()).containsKeys("voicemail", "busy");
        assertThat(status.calls().count("voicemail")).isEqualTo(3);
    }

    @Test
    void success_false_should_be_a_transient_error_with_the_api_error_text() {
        assertThatThrownBy(() -> parse("{\"success\": false, \"error\": \"temporarily unavailable\"}"))
                .isInstanceOf(TransientApiException.class)
                .hasMessage("the API answered success: false (error: temporarily unavailable)");
    }

    @Test
    void missing_or_mistyped_decisive_fields_should_name_the_field() {
        assertThatThrownBy(() -> parse(replace("\"uploads\": [", "\"uploadz\": [")))
                .hasMessage("unexpected response: data.uploads is missing (expected an array)");
        assertThatThrownBy(() -> parse(replace("\"total\": 120", "\"total\": \"120\"")))
                .hasMessage("unexpected response: data.calls.total is the string \"120\", expected a whole number");
        assertThatThrownBy(() -> parse(replace("\"failed\": 7", "\"failed\": 7.5")))
                .hasMessage("unexpected response: data.calls.by_status.failed is 7.5, expected a whole number");
        assertThatThrownBy(() -> parse(replace("\"failed\": 7", "\"failed\": -7")))
                .hasMessage("unexpected response: data.calls.by_status.failed is -7, a negative count");
        assertThatThrownBy(() -> parse(replace("\"completed\": false", "\"completed\": \"false\"")))
                .hasMessage("unexpected response: data.uploads[0].queues[0].completed is the string \"false\","
                        + " expected a boolean");
        assertThatThrownBy(() -> parse(replace("\"completed\": false", "\"completed\": null")))
                .hasMessage("unexpected response: data.uploads[0].queues[0].completed is null, expected a boolean");
        assertThatThrownBy(() -> parse(replace("\"by_status\": {", "\"by_status\": null, \"x\": {")))
                .hasMessage("unexpected response: data.calls.by_status is null, expected an object");
    }

    @Test
    void bodies_that_are_not_json_should_say_what_they_are() {
        assertThatThrownBy(() -> parse("<html><body>502 Bad Gateway</body></html>"))
                .hasMessage("unexpected response: the body is HTML or XML, not JSON (a proxy or gateway error page?)");
        assertThatThrownBy(() -> parse(DOCUMENTED_EXAMPLE.substring(0, 200)))
                .hasMessageStartingWith("unexpected response: the body is not valid JSON");
        assertThatThrownBy(() -> parse("")).hasMessage("unexpected response: the body is empty");
        assertThatThrownBy(() -> parse("[1]")).hasMessage("unexpected response: the body is not a JSON object");
    }

    @Test
    void duplicate_keys_should_be_refused_rather_than_guessed() {
        assertThatThrownBy(() -> parse(replace("\"completed\": false", "\"completed\": false, \"completed\": true")))
                .hasMessage("unexpected response: data.uploads[0].queues[0].completed appears more than once in its "
                        + "object (duplicate names are ambiguous)");
        assertThatThrownBy(() -> parse(replace("\"failed\": 7", "\"failed\": 7, \"failed\": 0")))
                .hasMessageContaining("data.calls.by_status.failed appears more than once");
        assertThatThrownBy(() -> parse(DOCUMENTED_EXAMPLE.replaceFirst("\\{", "{\"success\": false, ")))
                .hasMessageContaining("success appears more than once");
        assertThatThrownBy(() -> parse(replace("\"total\": 120", "\"total\": 120, \"total\": 1")))
                .hasMessageContaining("data.calls.total appears more than once");
    }

    @Test
    void error_text_should_be_read_from_documented_error_bodies() {
        assertThat(StatusParser.errorText("{\"success\":false,\"error\":\"Campaign not found\",\"details\":null}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("Campaign not found");
        assertThat(StatusParser.errorText("<html/>".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void fields_may_come_in_any_order_and_unknown_ones_may_nest() throws Exception {
        CampaignStatus status = parse("""
                {"data": {"uploads": [{"queues": [{"completed": true, "total_queued": 3, "extra": {"a": [1, {"b": 2}]}}],
                                       "campaign_upload_id": 4}],
                          "meta": [[], {}, null],
                          "calls": {"by_status": {"failed": 1}, "total": 3},
                          "campaign": {"status": "inactive", "id": 9}},
                 "success": true}
                """);
        assertThat(status.isComplete(OptionalLong.empty())).isTrue();
        assertThat(status.campaign().isInactive()).isTrue();
        assertThat(status.calls().total()).isEqualTo(3);
    }

    @Test
    void success_false_should_be_reported_even_after_a_broken_data() {
        assertThatThrownBy(() -> parse("{\"data\": {\"calls\": {\"total\": \"x\"}, \"uploads\": [[1]]},"
                + " \"success\": false, \"error\": \"maintenance\"}"))
                .hasMessage("the API answered success: false (error: maintenance)");
    }

    @Test
    void trailing_content_and_huge_counts_should_be_refused() {
        assertThatThrownBy(() -> parse(DOCUMENTED_EXAMPLE + " {}"))
                .hasMessageStartingWith("unexpected response: the body is not valid JSON");
        assertThatThrownBy(() -> parse(replace("\"total\": 120", "\"total\": 123456789012345678901234567890")))
                .hasMessage("unexpected response: data.calls.total is 123456789012345678901234567890, expected a whole"
                        + " number");
    }
}
