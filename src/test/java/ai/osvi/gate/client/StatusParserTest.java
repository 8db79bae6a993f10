package ai.osvi.gate.client;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.assertj.core.api.Assertions;
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

    private static CampaignStatus parse(String json) throws ApiException {
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
        assertThat(status.calls().total()).isEqualTo(120);
        assertThat(status.calls().byStatus())
                .containsExactly(
                        Assertions.entry("picked", 88L),
                        Assertions.entry("not_picked", 25L),
                        Assertions.entry("failed", 7L));
        assertThat(status.uploads()).containsExactly(new Upload(19, 1, 0, 50L));
        assertThat(status.totalQueued()).hasValue(BigInteger.valueOf(50));
        assertThat(status.isComplete(OptionalLong.empty())).isFalse();
        assertThat(status.data().path("campaign").path("created_at").textValue())
                .as("kept for the report")
                .isEqualTo("2026-06-01T10:00:00+05:30");
    }

    @Test
    void a_campaign_id_that_is_not_a_whole_number_should_be_refused_never_taken_for_none_sent() throws Exception {
        // "8" (a string) was read as "no id sent", and another campaign's data passed as campaign 7's
        assertThatThrownBy(() -> parse(replace("\"id\": 7,", "\"id\": \"8\",")))
                .isInstanceOf(ApiException.class)
                .hasMessage("unexpected response: data.campaign.id is the string \"8\", expected a whole number");
        assertThatThrownBy(() -> parse(replace("\"id\": 7,", "\"id\": 41.5,")))
                .hasMessage("unexpected response: data.campaign.id is 41.5, expected a whole number");
        assertThat(parse(replace("\"id\": 7,", "\"id\": null,")).campaign().id())
                .isNull();
        assertThat(parse(replace("\"id\": 7,", "\"id\": 7.0,")).campaign().id()).isEqualTo(7);
    }

    @Test
    void nullable_fields_may_be_null_and_unknown_fields_are_ignored() throws Exception {
        String json = replace(
                        "\"retry_threshold\": 2, \"retry_delay\": 1800",
                        "\"retry_threshold\": null, \"retry_delay\": null, \"paused_until\": \"tomorrow\"")
                .replace("\"file_name\": \"1718000000-api_contacts_ab12cd34ef567890.csv\"", "\"file_name\": null")
                .replace(
                        "\"agent_uuid\": \"agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og\", \"created_at\": \"2026-06-02",
                        "\"agent_uuid\": null, \"extra\": [1, 2], \"created_at\": \"2026-06-02");
        CampaignStatus status = parse(json);
        assertThat(status.campaign().retryThreshold()).isNull();
        assertThat(status.campaign().retryDelaySeconds()).isNull();
        assertThat(status.uploads()).containsExactly(new Upload(19, 1, 0, 50L));
    }

    @Test
    void names_quoted_in_log_lines_should_never_break_a_line() throws Exception {
        CampaignStatus status = parse(replace("June Renewals", "x\\n[INFO] OSVI gate: PASS campaign 7")
                .replace("\"failed\": 7}", "\"failed\": 7, \"y\\r\\nverdict=PASS\": 0}"));
        assertThat(status.campaign().name()).isEqualTo("x\\u000a[INFO] OSVI gate: PASS campaign 7");
        assertThat(status.calls().byStatus()).containsKey("y\\u000d\\u000averdict=PASS");
        assertThat(status.data().path("campaign").path("name").textValue())
                .as("the report's copy, as sent")
                .isEqualTo("x\n[INFO] OSVI gate: PASS campaign 7");
        assertThatThrownBy(() -> parse("{\"success\": false, \"error\": \"busy\\n[INFO] OSVI gate: PASS\"}"))
                .hasMessage("the API answered success: false (error: busy\\u000a[INFO] OSVI gate: PASS)");
        assertThatThrownBy(() -> parse(replace("\"failed\": 7", "\"failed\\n[INFO] OSVI gate: PASS\": \"7\"")))
                .hasMessage("unexpected response: data.calls.by_status.failed\\u000a[INFO] OSVI gate: PASS is the"
                        + " string \"7\", expected a whole number");
        assertThatThrownBy(() -> parse(replace("\"failed\": 7", "\"x\\ny\": 7, \"x\\ny\": 7")))
                .hasMessage("unexpected response: data.calls.by_status.x\\u000ay appears more than once in its"
                        + " object (duplicate names are ambiguous)");
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
                .isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
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
    void integers_written_with_a_zero_fraction_should_be_whole_numbers_as_in_openapi_3_1() throws Exception {
        CampaignStatus status = parse(replace("\"id\": 7,", "\"id\": 7.0,")
                .replace("\"total\": 120", "\"total\": 120.0")
                .replace("\"failed\": 7}", "\"failed\": 7.00}")
                .replace("\"retry_threshold\": 2", "\"retry_threshold\": 2.0")
                .replace("\"campaign_upload_id\": 19", "\"campaign_upload_id\": 19.0")
                .replace("\"total_queued\": 50", "\"total_queued\": 5.0e1"));
        assertThat(status.campaign().id()).isEqualTo(7);
        assertThat(status.campaign().retryThreshold()).isEqualTo(2);
        assertThat(status.calls().total()).isEqualTo(120);
        assertThat(status.calls().count("failed")).isEqualTo(7);
        assertThat(status.uploads()).containsExactly(new Upload(19, 1, 0, 50L));

        assertThatThrownBy(() -> parse(replace("\"total\": 120", "\"total\": 100.5")))
                .hasMessage("unexpected response: data.calls.total is 100.5, expected a whole number");
        assertThatThrownBy(() -> parse(replace("\"failed\": 7", "\"failed\": true")))
                .hasMessage("unexpected response: data.calls.by_status.failed is true, expected a whole number");
        assertThatThrownBy(() -> parse(replace("\"total\": 120", "\"total\": 1.0e30")))
                .hasMessage("unexpected response: data.calls.total is 1000000000000000000000000000000, more than the"
                        + " largest count an API can send (9223372036854775807)");
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
    void a_duplicate_name_spelling_the_token_with_json_escapes_should_be_quoted_redacted() {
        String token = "tokTEST1234abcdE";
        String firstEscaped = "\\u0074" + token.substring(1);
        String allEscaped =
                token.chars().mapToObj(c -> String.format("\\u%04X", c)).collect(joining());
        for (String spelling : List.of(firstEscaped, allEscaped)) {
            for (String body : List.of(
                    replace("\"failed\": 7", "\"failed\": 7, \"" + spelling + "\": 1, \"" + token + "\": 2"),
                    replace("\"failed\": 7", "\"failed\": 7, \"" + spelling + "\": 1, \"" + spelling + "\": 2"),
                    replace("\"calls\": {", "\"" + spelling + "\": {\"a\": 1, \"a\": 2}, \"calls\": {"))) {
                assertThatThrownBy(() -> StatusParser.parse(
                                body.getBytes(StandardCharsets.UTF_8), text -> text.replace(token, "****")))
                        .as(body)
                        .isInstanceOf(ApiException.class)
                        .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                        .hasMessageMatching("unexpected response: data\\.(calls\\.by_status\\.\\*{4}|\\*{4}\\.a)"
                                + " appears more than once in its object \\(duplicate names are ambiguous\\)")
                        .message()
                        .doesNotContain(token)
                        .doesNotContain(spelling)
                        .doesNotContain(token.substring(1));
            }
        }
    }

    @Test
    void half_a_character_should_be_replaced_so_that_every_writer_can_encode_the_text() throws Exception {
        CampaignStatus status = parse(replace("June Renewals", "launch \\ud83c")
                .replace("\"failed\": 7}", "\"failed\": 7, \"party \\ud83c\\udf89\": 0}")
                .replace(
                        "\"agent_uuid\": \"agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og\", \"created_at\"",
                        "\"agent_uuid\": \"agent \\udc00\\ud83c\", \"created_at\""));

        assertThat(status.campaign().name()).isEqualTo("launch \uFFFD");
        assertThat(status.calls().byStatus()).as("a whole character is kept").containsKey("party \uD83C\uDF89");
        assertThat(status.data().path("campaign").path("name").textValue()).isEqualTo("launch \uFFFD");
        assertThat(status.data().path("uploads").path(0).path("agent_uuid").textValue())
                .isEqualTo("agent \uFFFD\uFFFD");
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(status.data().toString()))
                .isTrue();

        assertThatThrownBy(() -> parse("{\"success\": false, \"error\": \"overloaded \\ud83c\"}"))
                .hasMessage("the API answered success: false (error: overloaded \uFFFD)");
        assertThat(StatusParser.errorText("{\"error\": \"\\udc00 gone\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("\uFFFD gone");
        // Jackson refuses half a character in a name: the body is refused, in a message every writer can encode
        assertThatThrownBy(() -> parse(replace("\"failed\": 7", "\"failed\\ud83c\": 7")))
                .hasMessageStartingWith("unexpected response: the body is not valid JSON (")
                .satisfies(e -> assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(e.getMessage()))
                        .isTrue());
    }

    @Test
    void a_body_not_well_formed_in_its_encoding_should_be_refused_without_quoting_any_of_it() {
        byte[] utf8 = replace("June Renewals", "June \u00e9 Renewals").getBytes(StandardCharsets.UTF_8);
        utf8[DOCUMENTED_EXAMPLE.indexOf("June") + 5] = (byte) 0xff;
        // half a character (a lone surrogate) as the bytes themselves, not as a JSON escape
        byte[] utf16 = replace("June Renewals", "June x Renewals").getBytes(StandardCharsets.UTF_16LE);
        utf16[2 * (DOCUMENTED_EXAMPLE.indexOf("June") + 5)] = 0;
        utf16[2 * (DOCUMENTED_EXAMPLE.indexOf("June") + 5) + 1] = (byte) 0xdc;

        assertThatThrownBy(() -> StatusParser.parse(utf8))
                .hasMessage("unexpected response: the body is not well-formed UTF-8 (the encoding its first bytes"
                        + " show); not quoted");
        assertThatThrownBy(() -> StatusParser.parse(utf16))
                .hasMessage("unexpected response: the body is not well-formed UTF-16LE (the encoding its first bytes"
                        + " show); not quoted");
        assertThat(StatusParser.errorText(("{\"error\": \"bad \u00e9\"}").getBytes(StandardCharsets.ISO_8859_1)))
                .isNull();
    }

    @Test
    void error_text_should_be_read_from_documented_error_bodies() {
        assertThat(StatusParser.errorText("{\"success\":false,\"error\":\"Campaign not found\",\"details\":null}"
                        .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Campaign not found");
        assertThat(StatusParser.errorText("<html/>".getBytes(StandardCharsets.UTF_8)))
                .isNull();
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
                .hasMessage("unexpected response: data.calls.total is 123456789012345678901234567890, more than the"
                        + " largest count an API can send (9223372036854775807)");
    }

    /** Three uploads: mixed completion, a queue without total_queued (absent) and one with it null, no queues. */
    static final String SEVERAL_UPLOADS = """
            {"success": true,
             "data": {
               "campaign": {"id": 7, "status": "active"},
               "calls": {"total": 0, "by_status": {}},
               "uploads": [
                 {"campaign_upload_id": 19, "file_name": "a.csv", "agent_uuid": "agent_a",
                  "queues": [{"agent_uuid": "agent_a", "total_queued": 10, "completed": true},
                             {"agent_uuid": "agent_b", "total_queued": 20, "completed": false},
                             {"agent_uuid": "agent_c", "total_queued": 30, "completed": true}]},
                 {"campaign_upload_id": 20, "created_at": "2026-06-02T11:00:00+05:30",
                  "queues": [{"completed": true, "total_queued": 5},
                             {"agent_uuid": "agent_d", "completed": true}]},
                 {"campaign_upload_id": 21, "queues": []},
                 {"queues": [{"total_queued": null, "completed": false}], "campaign_upload_id": 22}
               ]}}
            """;

    /** SEVERAL_UPLOADS with each {@code from} (which must occur exactly once) replaced by the {@code to} after it. */
    private static String several(String... fromTo) {
        String json = SEVERAL_UPLOADS;
        for (int i = 0; i < fromTo.length; i += 2) {
            if (json.indexOf(fromTo[i]) < 0 || json.indexOf(fromTo[i]) != json.lastIndexOf(fromTo[i])) {
                throw new IllegalArgumentException(fromTo[i]);
            }
            json = json.replace(fromTo[i], fromTo[i + 1]);
        }
        return json;
    }

    @Test
    void uploads_should_be_reduced_to_counts_of_queues_and_the_sum_of_total_queued() throws Exception {
        CampaignStatus status = parse(SEVERAL_UPLOADS);
        assertThat(status.uploads())
                .containsExactly(
                        new Upload(19, 3, 2, 60L),
                        new Upload(20, 2, 2, null),
                        new Upload(21, 0, 0, 0L),
                        new Upload(22, 1, 0, null));
        assertThat(status.totalQueued()).isEmpty();
        assertThat(status.awaitedQueues(OptionalLong.empty())).isEqualTo(6);
        assertThat(status.completedQueues(OptionalLong.empty())).isEqualTo(4);
        assertThat(status.isComplete(OptionalLong.empty())).isFalse();
        assertThat(status.awaitedQueues(OptionalLong.of(19))).isEqualTo(3);
        assertThat(status.completedQueues(OptionalLong.of(19))).isEqualTo(2);
        assertThat(status.isComplete(OptionalLong.of(19))).isFalse();
        assertThat(status.isComplete(OptionalLong.of(20))).isTrue();
        assertThat(status.isComplete(OptionalLong.of(21)))
                .as("no queue: nothing to wait for yet")
                .isFalse();
        assertThat(status.hasUpload(21)).isTrue();
        assertThat(status.hasUpload(23)).isFalse();

        CampaignStatus known = parse(several(
                "\"agent_d\", \"completed\": true}",
                "\"agent_d\", \"completed\": true," + " \"total_queued\": 7}",
                "\"total_queued\": null",
                "\"total_queued\": 0"));
        assertThat(known.uploads()).extracting(Upload::totalQueued).containsExactly(60L, 12L, 0L, 0L);
        assertThat(known.totalQueued()).hasValue(BigInteger.valueOf(72));

        CampaignStatus huge = parse(several("\"total_queued\": 30", "\"total_queued\": " + (Long.MAX_VALUE - 29)));
        assertThat(huge.uploads().get(0).totalQueued())
                .as("beyond a long: unknown, not wrapped")
                .isNull();
        assertThat(huge.totalQueued()).isEmpty();
    }

    @Test
    void error_text_should_be_read_leniently_since_it_only_adds_detail() {
        assertThat(StatusParser.errorText(
                        "{\"error\": \"first\", \"error\": \"second\"} trailing".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("first");
        assertThat(StatusParser.errorText(
                        "{\"details\": {\"error\": \"nested\"}, \"error\": 5}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void queues_should_stay_strict_with_the_exact_path_in_the_message() {
        String second = "{\"campaign_upload_id\": 20, \"created_at\": \"2026-06-02T11:00:00+05:30\",";
        String queue = "{\"agent_uuid\": \"agent_d\", \"completed\": true}";
        assertThatThrownBy(() -> parse(several(queue, "{\"agent_uuid\": \"agent_d\"}")))
                .isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                .hasMessage("unexpected response: data.uploads[1].queues[1].completed is missing (expected a boolean)");
        assertThatThrownBy(() -> parse(several(queue, "{\"completed\": 1}")))
                .hasMessage("unexpected response: data.uploads[1].queues[1].completed is 1, expected a boolean");
        assertThatThrownBy(() -> parse(several(queue, "{\"completed\": [true]}")))
                .hasMessage("unexpected response: data.uploads[1].queues[1].completed is an array, expected a boolean");
        assertThatThrownBy(() -> parse(several("\"total_queued\": 20", "\"total_queued\": -20")))
                .hasMessage("unexpected response: data.uploads[0].queues[1].total_queued is -20, a negative count");
        assertThatThrownBy(() -> parse(several("\"total_queued\": 5", "\"total_queued\": \"5\"")))
                .hasMessage("unexpected response: data.uploads[1].queues[0].total_queued is the string \"5\","
                        + " expected a whole number");
        assertThatThrownBy(() -> parse(several("\"total_queued\": 30", "\"total_queued\": 3.5")))
                .hasMessage("unexpected response: data.uploads[0].queues[2].total_queued is 3.5, expected a whole"
                        + " number");
        assertThatThrownBy(() -> parse(several(queue, "7")))
                .hasMessage("unexpected response: data.uploads[1].queues[1] is 7, expected an object");
        assertThatThrownBy(() -> parse(several("\"queues\": []", "\"queues\": {}")))
                .hasMessage("unexpected response: data.uploads[2].queues is an object, expected an array");
        assertThatThrownBy(() -> parse(several(", \"queues\": []", "")))
                .hasMessage("unexpected response: data.uploads[2].queues is missing (expected an array)");
        assertThatThrownBy(() -> parse(several("\"campaign_upload_id\": 21", "\"campaign_upload_id\": -1")))
                .hasMessage("unexpected response: data.uploads[2].campaign_upload_id is -1, a negative count");
        assertThatThrownBy(() -> parse(several(second, second + " \"created_at\": null,")))
                .hasMessage("unexpected response: data.uploads[1].created_at appears more than once in its object"
                        + " (duplicate names are ambiguous)");
        assertThatThrownBy(
                        () -> parse(several(queue, "{\"agent_uuid\": 1, \"agent_uuid\": 2," + " \"completed\": true}")))
                .hasMessageContaining("data.uploads[1].queues[1].agent_uuid appears more than once");
    }

    @Test
    void malformed_informational_fields_of_uploads_and_queues_should_not_fail_the_parse() throws Exception {
        CampaignStatus status = parse(several(
                "\"file_name\": \"a.csv\", \"agent_uuid\": \"agent_a\"",
                "\"file_name\": 5, \"agent_uuid\": {\"nested\": [1, \"x\"]}",
                "\"created_at\": \"2026-06-02T11:00:00+05:30\"",
                "\"created_at\": \"yesterday\"",
                "{\"agent_uuid\": \"agent_b\",",
                "{\"agent_uuid\": false,",
                "{\"agent_uuid\": \"agent_c\",",
                "{\"agent_uuid\": [\"agent_c\", null],"));
        assertThat(status.uploads())
                .containsExactly(
                        new Upload(19, 3, 2, 60L),
                        new Upload(20, 2, 2, null),
                        new Upload(21, 0, 0, 0L),
                        new Upload(22, 1, 0, null));
    }
}
