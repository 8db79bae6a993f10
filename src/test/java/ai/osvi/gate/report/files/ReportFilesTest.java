package ai.osvi.gate.report.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.Gate;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.ScriptedSource;
import ai.osvi.gate.SilentLog;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.PluginVersion;
import ai.osvi.gate.client.StatusParser;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.report.Sink;
import ai.osvi.gate.report.ci.StepSummary;
import ai.osvi.gate.result.CampaignResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportFilesTest {

    /** The JUnit schema Jenkins' xUnit plugin validates with, kept outside the repository: -Dosvi.junitXsd=path. */
    private static final File JUNIT_XSD =
            new File(System.getProperty("osvi.junitXsd", "../shared/schemas/junit-10.xsd"));

    private static final Instant FINISHED = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private final ScriptedSource source = new ScriptedSource(time);
    private final TestConfig config = new TestConfig();

    private CampaignResult run(Consumer<TestConfig> configure) throws Exception {
        configure.accept(config);
        GateConfig parsed = config.parse();
        CampaignResult result = new Gate(parsed, source, time, new RecordingLog(), new AbortSignal(), () -> 0).run();
        FileReports.write(dir, result, parsed, FINISHED);
        return result;
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(dir.resolve("campaign-7.json").toFile());
    }

    private Element junit() throws Exception {
        File xml = dir.resolve("TEST-osvi-campaign-7.xml").toFile();
        if (JUNIT_XSD.isFile()) {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(JUNIT_XSD)
                    .newValidator()
                    .validate(new StreamSource(xml));
        }
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return IntStream.range(0, nodes.getLength())
                .mapToObj(i -> (Element) nodes.item(i))
                .toList();
    }

    @Test
    void the_junit_schema_is_available_to_validate_against() {
        assumeTrue(JUNIT_XSD.isFile(), "junit-10.xsd not found at " + JUNIT_XSD + " (set -Dosvi.junitXsd)");
        assertThat(JUNIT_XSD).content().contains("<xs:element name=\"testsuite\">");
    }

    @Test
    void a_breach_should_be_a_failing_test_case_with_actual_vs_limit() throws Exception {
        source.then(Snapshots.active().queues(19, true).calls("picked", 110, "not_picked", 30, "failed", 60));

        run(c -> {
            c.maxFailureRatio = "5%";
            c.thresholds = List.of("picked >= 50%");
        });

        Element suite = junit();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("osvi.campaign.7");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        List<Element> cases = children(suite, "testcase");
        assertThat(cases)
                .extracting(e -> e.getAttribute("name"))
                .containsExactly("campaign 7 completed", "failed <= 5%", "picked >= 50%");
        Element failure = children(cases.get(1), "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("failed ratio is 30%, but the maximum is 5%");
        assertThat(failure.getTextContent()).isEqualTo("actual 30% vs limit <= 5% (60 of 200 calls), breached");
        assertThat(children(cases.get(2), "failure")).isEmpty();

        JsonNode json = json();
        assertThat(json.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(json.get("summary").asText())
                .isEqualTo("OSVI gate: FAIL campaign 7: 1 of 2 rules breached on 200 calls");
        assertThat(json.get("rules").get(0).get("rule").asText()).isEqualTo("failed <= 5%");
        assertThat(json.get("rules").get(0).get("actual").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(json.get("rules").get(0).get("actualText").asText()).isEqualTo("30%");
        assertThat(json.get("rules").get(0).get("limit").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(json.get("rules").get(0).get("result").asText()).isEqualTo("BREACHED");
        assertThat(json.get("rules").get(1).get("result").asText()).isEqualTo("HELD");
        assertThat(json.get("snapshot")
                        .get("calls")
                        .get("by_status")
                        .get("failed")
                        .asLong())
                .isEqualTo(60);
        assertThat(json.get("snapshot").get("complete").asBoolean()).isTrue();
        assertThat(json.get("wait").get("polls").asInt()).isEqualTo(1);
        assertThat(json.get("settings").get("timeout").asText()).isEqualTo("30m");
        assertThat(json.get("finishedAt").asText()).isEqualTo("2026-11-28T12:00:00Z");
    }

    @Test
    void the_json_report_should_keep_its_layout_its_field_order_and_the_exact_numbers() throws Exception {
        source.then(Snapshots.active().queues(19, true).calls("picked", 110, "not_picked", 30, "failed", 60));

        run(c -> {
            c.maxFailureRatio = "5%";
            c.thresholds = List.of("picked >= 50%");
        });

        assertThat(Files.readString(dir.resolve("campaign-7.json")))
                .isEqualTo("""
                {
                  "campaignId" : 7,
                  "verdict" : "FAIL",
                  "buildOutcome" : "FAIL",
                  "summary" : "OSVI gate: FAIL campaign 7: 1 of 2 rules breached on 200 calls",
                  "details" : [ "failed ratio is 30%, but the maximum is 5%" ],
                  "finishedAt" : "2026-11-28T12:00:00Z",
                  "pluginVersion" : "VERSION",
                  "reportFormat" : 2,
                  "simulation" : null,
                  "notes" : [ ],
                  "settings" : {
                    "baseUrl" : "https://api.osvi.ai/",
                    "uploadId" : null,
                    "timeout" : "30m",
                    "pollInterval" : "15s",
                    "requestTimeout" : "30s",
                    "minCalls" : 1,
                    "onInconclusive" : "fail",
                    "onTimeout" : "fail",
                    "onInactive" : "fail",
                    "onError" : "fail",
                    "maxConsecutiveErrors" : 5,
                    "failBuild" : true
                  },
                  "wait" : {
                    "outcome" : "COMPLETED",
                    "elapsedSeconds" : 0.000,
                    "polls" : 1,
                    "errors" : 0,
                    "lastError" : null,
                    "timelinePointsDropped" : 0,
                    "warnings" : [ ]
                  },
                  "rules" : [ {
                    "rule" : "failed <= 5%",
                    "statuses" : [ "failed" ],
                    "operator" : "<=",
                    "limit" : 0.05,
                    "limitText" : "5%",
                    "count" : 60,
                    "total" : 200,
                    "actual" : 0.3,
                    "actualText" : "30%",
                    "advisory" : false,
                    "result" : "BREACHED",
                    "standing" : "breached"
                  }, {
                    "rule" : "picked >= 50%",
                    "statuses" : [ "picked" ],
                    "operator" : ">=",
                    "limit" : 0.50,
                    "limitText" : "50%",
                    "count" : 110,
                    "total" : 200,
                    "actual" : 0.55,
                    "actualText" : "55%",
                    "advisory" : false,
                    "result" : "HELD",
                    "standing" : "held"
                  } ],
                  "evidence" : {
                    "passProven" : false,
                    "checks" : [ {
                      "item" : "campaignMatched",
                      "claim" : "the snapshot is the campaign asked for (data.campaign.id), created before a check's clock",
                      "holds" : true,
                      "numbers" : "campaign 7"
                    }, {
                      "item" : "queuesCompleted",
                      "claim" : "every queue of every awaited upload completed, no awaited upload without queues",
                      "holds" : true,
                      "numbers" : "1/1 queues completed"
                    }, {
                      "item" : "snapshotInTime",
                      "claim" : "the last snapshot received within the deadline",
                      "holds" : true,
                      "numbers" : "received after 0s, timeout 30m"
                    }, {
                      "item" : "callsAccountedFor",
                      "claim" : "every call accounted for: by_status sums to calls.total",
                      "holds" : true,
                      "numbers" : "by_status sums to 200 = calls.total"
                    }, {
                      "item" : "statusesMatched",
                      "claim" : "each deciding rule's status matched exactly, nothing reported that could be it",
                      "holds" : true,
                      "numbers" : "failed 60 calls; picked 110 calls"
                    }, {
                      "item" : "enoughCalls",
                      "claim" : "at least minCalls calls",
                      "holds" : true,
                      "numbers" : "200 calls, minCalls 1"
                    }, {
                      "item" : "configurationStrict",
                      "claim" : "the configuration read strictly",
                      "holds" : true,
                      "numbers" : "2 rules: failed <= 5% (maxFailureRatio), picked >= 50% (thresholds); minCalls 1, failBuild true"
                    }, {
                      "item" : "rulesHeld",
                      "claim" : "every rule held on the final counts",
                      "holds" : false,
                      "numbers" : "failed 30% <= 5% breached, picked 55% >= 50% held"
                    } ]
                  },
                  "snapshot" : {
                    "campaign" : {
                      "id" : 7,
                      "name" : "June Renewals",
                      "status" : "active",
                      "is_retry_enabled" : true,
                      "retry_threshold" : 2,
                      "retry_delay" : 1800
                    },
                    "calls" : {
                      "total" : 200,
                      "by_status" : {
                        "picked" : 110,
                        "not_picked" : 30,
                        "failed" : 60
                      }
                    },
                    "uploads" : [ {
                      "campaign_upload_id" : 19,
                      "queue_count" : 1,
                      "queues_completed" : 1,
                      "total_queued" : 10
                    } ],
                    "queuesAwaited" : 1,
                    "queuesCompleted" : 1,
                    "uploadsWithoutQueue" : [ ],
                    "complete" : true
                  },
                  "timeline" : [ {
                    "elapsedSeconds" : 0.000,
                    "queuesCompleted" : 1,
                    "queuesAwaited" : 1,
                    "callsTotal" : 200,
                    "byStatus" : {
                      "picked" : 110,
                      "not_picked" : 30,
                      "failed" : 60
                    },
                    "campaignStatus" : "active",
                    "uploads" : [ {
                      "campaign_upload_id" : 19,
                      "queue_count" : 1,
                      "queues_completed" : 1,
                      "total_queued" : 10
                    } ]
                  } ]
                }
                """.replace("VERSION", PluginVersion.version()));
    }

    @Test
    void the_json_report_should_carry_a_point_per_snapshot_received_as_timeline() throws Exception {
        source.then(Snapshots.active().queues(19, false, false).calls("picked", 0))
                .then(ApiException.transientFault("HTTP 503"))
                .then(Snapshots.active().queues(19, true, false).calls("picked", 80, "failed", 20))
                .then(Snapshots.active().queues(19, true, true).calls("picked", 140, "failed", 60));

        run(c -> c.maxFailureRatio = "5%");

        JsonNode timeline = json().get("timeline");
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(0))
                .isEqualTo(new ObjectMapper()
                        .readTree("{\"elapsedSeconds\": 0.000,"
                                + " \"queuesCompleted\": 0, \"queuesAwaited\": 2, \"callsTotal\": 0, \"byStatus\": {\"picked\": 0},"
                                + " \"campaignStatus\": \"active\", \"uploads\": [{\"campaign_upload_id\": 19, \"queue_count\": 2,"
                                + " \"queues_completed\": 0, \"total_queued\": 20}]}"));
        assertThat(timeline.get(1).get("elapsedSeconds").decimalValue()).isEqualByComparingTo("30");
        assertThat(timeline.get(2))
                .isEqualTo(
                        new ObjectMapper()
                                .readTree(
                                        "{\"elapsedSeconds\": 45.000,"
                                                + " \"queuesCompleted\": 2, \"queuesAwaited\": 2, \"callsTotal\": 200,"
                                                + " \"byStatus\": {\"picked\": 140, \"failed\": 60}, \"campaignStatus\": \"active\", \"uploads\":"
                                                + " [{\"campaign_upload_id\": 19, \"queue_count\": 2, \"queues_completed\": 2, \"total_queued\": 20}]}"));
        assertThat(json().get("wait").get("timelinePointsDropped").asLong()).isZero();
    }

    @Test
    void an_advisory_breach_should_be_reported_without_failing_a_test_case() throws Exception {
        source.then(Snapshots.active().queues(19, true).calls("picked", 97, "failed", 3));

        run(c -> {
            c.maxFailureRatio = "5%";
            c.thresholds = List.of("failed <= 2% (advisory)");
        });

        Element suite = junit();
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(children(suite, "testcase"))
                .extracting(test -> test.getAttribute("name"))
                .containsExactly("campaign 7 completed", "failed <= 5%", "failed <= 2% (advisory)");
        assertThat(children(suite, "system-out"))
                .singleElement()
                .extracting(Element::getTextContent)
                .isEqualTo("advisory, breached: failed ratio is 3%, but the maximum is 2%; it does not change the"
                        + " verdict.");
        JsonNode advisory = json().get("rules").get(1);
        assertThat(advisory.get("advisory").asBoolean()).isTrue();
        assertThat(advisory.get("standing").asText()).isEqualTo("advisory, breached");
        assertThat(json().get("rules").get(0).get("advisory").asBoolean()).isFalse();
        assertThat(json().get("verdict").asText()).isEqualTo("PASS");
    }

    @Test
    void a_pass_should_have_no_failure_anywhere() throws Exception {
        source.then(Snapshots.active().queues(19, true).calls("picked", 99, "failed", 1));

        run(c -> c.maxFailureRatio = "5%");

        Element suite = junit();
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(children(suite, "failure")).isEmpty();
        assertThat(json().get("verdict").asText()).isEqualTo("PASS");
        assertThat(json().get("buildOutcome").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void a_timeout_should_fail_the_completion_case_and_skip_the_rules() throws Exception {
        source.then(Snapshots.active().queues(19, true, false).calls("picked", 5));

        run(c -> {
            c.timeout = "1m";
            c.maxFailureRatio = "5%";
        });

        Element suite = junit();
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        List<Element> cases = children(suite, "testcase");
        assertThat(children(cases.get(0), "failure").get(0).getAttribute("message"))
                .isEqualTo("OSVI gate: TIMEOUT campaign 7: did not complete within 1m");
        assertThat(children(cases.get(1), "skipped").get(0).getAttribute("message"))
                .isEqualTo("not judged: did not complete within 1m");
        assertThat(json().get("wait").get("outcome").asText()).isEqualTo("TIMED_OUT");
        assertThat(json().get("snapshot").get("queuesCompleted").asInt()).isEqualTo(1);
        assertThat(json().get("rules")).isEmpty();
    }

    @Test
    void an_error_should_be_an_erroring_completion_case_with_no_snapshot() throws Exception {
        source.then(ApiException.refused(
                401,
                "OSVI rejected the API token from environment variable"
                        + " OSVI_API_TOKEN (HTTP 401: Invalid API token)."));

        run(c -> c.maxFailureRatio = "5%");

        Element suite = junit();
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        Element error = children(children(suite, "testcase").get(0), "error").get(0);
        assertThat(error.getAttribute("type")).isEqualTo("REJECTED");
        assertThat(error.getTextContent()).contains("environment variable OSVI_API_TOKEN");
        assertThat(json().get("snapshot").isNull()).isTrue();
        assertThat(json().get("verdict").asText()).isEqualTo("ERROR");
        assertThat(json().get("wait").get("lastError").asText()).contains("HTTP 401");
    }

    @Test
    void inconclusive_and_aborted_should_also_be_reported() throws Exception {
        source.then(Snapshots.active().queues(19, true).total(0));
        run(c -> c.maxFailureRatio = "5%");
        assertThat(json().get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(children(junit(), "skipped")).hasSize(1);
        // INCONCLUSIVE fails the build: the CI test tab must not show green
        assertThat(junit().getAttribute("failures")).isEqualTo("1");
        Element inconclusive =
                children(children(junit(), "testcase").get(0), "failure").get(0);
        assertThat(inconclusive.getAttribute("type")).isEqualTo("INCONCLUSIVE");
        assertThat(inconclusive.getAttribute("message"))
                .isEqualTo("OSVI gate: INCONCLUSIVE campaign 7: 0 calls, fewer than minCalls=1");

        AbortSignal abort = new AbortSignal();
        abort.abort();
        GateConfig parsed = config.parse();
        CampaignResult aborted = new Gate(parsed, source, time, new RecordingLog(), abort, () -> 0).run();
        FileReports.write(dir, aborted, parsed, FINISHED);
        assertThat(json().get("verdict").asText()).isEqualTo("ABORTED");
        assertThat(junit().getAttribute("errors")).isEqualTo("1");
    }

    @Test
    void writes_should_leave_no_temporary_files() throws Exception {
        source.then(Snapshots.active().queues(19, true).calls("picked", 1));
        run(c -> {});
        run(c -> {});
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("campaign-7.json", "TEST-osvi-campaign-7.xml", "campaign-7.svg");
        }
    }

    @Test
    void reports_of_an_earlier_build_should_be_removed_and_nothing_else() throws Exception {
        Instant buildStart = Instant.parse("2026-11-28T11:00:00Z");
        FileTime before = FileTime.from(buildStart.minusSeconds(86_400));
        FileTime during = FileTime.from(buildStart.plusSeconds(5));
        for (String old : List.of(
                "campaign-99.json",
                "TEST-osvi-campaign-99.xml",
                "osvi.env",
                "campaign-99.svg",
                "campaign-99-advisory.json",
                "TEST-osvi-campaign-99-advisory.xml",
                "campaign-99-advisory.svg",
                "notes.txt",
                "campaign-latest.json",
                "TEST-osvi-campaign-99.xml.bak",
                "TEST-other.xml",
                "chart.svg")) {
            Files.setLastModifiedTime(Files.writeString(dir.resolve(old), old), before);
        }
        Files.setLastModifiedTime(Files.createDirectory(dir.resolve("campaign-5.json")), before);
        // a report of an earlier execution of the same build
        Files.setLastModifiedTime(Files.writeString(dir.resolve("TEST-osvi-campaign-7.xml"), "<testsuite/>"), during);

        List<Path> removed = ReportDirectory.removeReportsOlderThan(dir, buildStart, null);

        assertThat(removed)
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(
                        "campaign-99.json",
                        "TEST-osvi-campaign-99.xml",
                        "osvi.env",
                        "campaign-99.svg",
                        "campaign-99-advisory.json",
                        "TEST-osvi-campaign-99-advisory.xml",
                        "campaign-99-advisory.svg");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "notes.txt",
                            "campaign-latest.json",
                            "TEST-osvi-campaign-99.xml.bak",
                            "TEST-other.xml",
                            "campaign-5.json",
                            "TEST-osvi-campaign-7.xml",
                            "chart.svg");
        }
        assertThat(ReportDirectory.removeReportsOlderThan(dir.resolve("not-there"), buildStart, null))
                .isEmpty();
    }

    @Test
    void reports_should_get_the_permissions_other_files_get() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        source.then(Snapshots.active().queues(19, true).calls("picked", 1));
        run(c -> {});
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("other-output")));

        assertThat(Files.getPosixFilePermissions(dir.resolve("campaign-7.json")))
                .isEqualTo(usual);
        assertThat(Files.getPosixFilePermissions(dir.resolve("TEST-osvi-campaign-7.xml")))
                .isEqualTo(usual);
    }

    /** A body with a field the API reference does not document, at the top and inside data, uploads and queues. */
    private static final String BODY_WITH_EXTRAS = """
            {"success": true, "request_id": "r-1",
             "data": {
               "campaign": {"id": 7, "name": "June Renewals", "status": "active", "is_retry_enabled": false,
                            "retry_threshold": null, "retry_delay": null, "created_at": "2026-06-01T10:00:00+05:30",
                            "owner": "ops"},
               "calls": {"total": 100, "by_status": {"picked": 97, "failed": 3, "voicemail": 0}},
               "uploads": [
                 {"campaign_upload_id": 19, "file_name": "1718000000-api_contacts_ab12cd34ef567890.csv",
                  "agent_uuid": "agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og", "created_at": "not a date",
                  "queues": [{"agent_uuid": "agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og", "total_queued": 60,
                              "completed": true, "priority": 0.75},
                             {"agent_uuid": "agent_second", "completed": true}]}],
               "region": {"name": "ap-south-1", "shards": [1, 2, null]}}}
            """;

    @Test
    void a_token_the_api_echoed_anywhere_should_be_redacted_from_every_report() throws Exception {
        String token = "tokECHO1234abcdZ";
        byte[] body = BODY_WITH_EXTRAS
                .replace("\"owner\": \"ops\"", "\"owner\": \"" + token + "\"")
                .replace("June Renewals", "June " + token)
                .replace("\"region\"", "\"" + token + "\"")
                .getBytes(StandardCharsets.UTF_8);
        source.then(StatusParser.parse(body));
        config.maxFailureRatio = "1%";
        GateConfig parsed = config.parse();
        CampaignResult result = new Gate(parsed, source, time, new RecordingLog(), new AbortSignal(), () -> 0).run();
        Path summary = dir.resolve("summary.md");

        FileReports.write(dir, result, parsed, FINISHED, text -> text.replace(token, "****"), null);
        new Sink(text -> text.replace(token, "****"), new SilentLog(), new Object())
                .append(summary, StepSummary.markdown(result, parsed, null));

        for (Path file : List.of(
                dir.resolve("campaign-7.json"),
                dir.resolve("TEST-osvi-campaign-7.xml"),
                dir.resolve("campaign-7.svg"),
                summary)) {
            assertThat(Files.readString(file)).as(file.getFileName().toString()).doesNotContain(token);
        }
        JsonNode snapshot = json().get("snapshot");
        assertThat(snapshot.get("campaign").get("owner").asText()).isEqualTo("****");
        assertThat(snapshot.has("****")).as("a field named with the token").isTrue();
        assertThat(Files.readString(summary)).as("shown as June ****").contains("June ****");
    }

    @Test
    void the_snapshot_of_a_parsed_body_should_be_the_api_data_verbatim() throws Exception {
        byte[] body = BODY_WITH_EXTRAS.getBytes(StandardCharsets.UTF_8);
        source.then(StatusParser.parse(body));

        run(c -> c.maxFailureRatio = "5%");

        JsonNode snapshot = json().get("snapshot");
        List<String> names = new ArrayList<>();
        snapshot.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "campaign",
                        "calls",
                        "uploads",
                        "region",
                        "queuesAwaited",
                        "queuesCompleted",
                        "uploadsWithoutQueue",
                        "complete");
        ObjectNode data = ((ObjectNode) snapshot.deepCopy())
                .without(List.of("queuesAwaited", "queuesCompleted", "uploadsWithoutQueue", "complete"));
        assertThat(data).isEqualTo(new ObjectMapper().readTree(body).get("data"));
        JsonNode upload = snapshot.get("uploads").get(0);
        assertThat(upload.get("file_name").asText()).isEqualTo("1718000000-api_contacts_ab12cd34ef567890.csv");
        assertThat(upload.get("created_at").asText()).isEqualTo("not a date");
        assertThat(upload.get("queues").get(0).get("agent_uuid").asText())
                .isEqualTo("agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og");
        assertThat(upload.get("queues").get(0).get("priority").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(upload.get("queues").get(1).has("total_queued")).isFalse();
        assertThat(snapshot.get("campaign").get("owner").asText()).isEqualTo("ops");
        assertThat(snapshot.get("region").get("shards").get(2).isNull()).isTrue();
        assertThat(snapshot.get("queuesAwaited").asInt()).isEqualTo(2);
        assertThat(snapshot.get("queuesCompleted").asInt()).isEqualTo(2);
        assertThat(snapshot.get("complete").asBoolean()).isTrue();
        assertThat(json().has("request_id")).isFalse();
        assertThat(json().get("verdict").asText()).isEqualTo("PASS");
    }

    @Test
    void numbers_the_api_sent_should_be_written_with_every_digit() throws Exception {
        byte[] body = BODY_WITH_EXTRAS
                .replace(
                        "\"shards\": [1, 2, null]",
                        "\"shards\": [1, 2, null], \"weights\":"
                                + " [0.1000000000000000055511151231257827, 123456789012345678901234567890, 0.75, -3]")
                .getBytes(StandardCharsets.UTF_8);
        source.then(StatusParser.parse(body));

        run(c -> c.maxFailureRatio = "5%");

        assertThat(Files.readString(dir.resolve("campaign-7.json")))
                .contains("\"weights\" : [ "
                        + "0.1000000000000000055511151231257827, 123456789012345678901234567890, 0.75, -3 ]");
    }

    @Test
    void the_snapshot_of_one_built_in_code_should_be_written_from_the_model() throws Exception {
        source.then(Snapshots.active().queues(19, true, false).queues(20, true).calls("picked", 5));

        run(c -> {
            c.timeout = "1m";
            c.maxFailureRatio = "5%";
        });

        JsonNode snapshot = json().get("snapshot");
        assertThat(snapshot.get("campaign").get("name").asText()).isEqualTo("June Renewals");
        assertThat(snapshot.get("calls").get("total").asLong()).isEqualTo(5);
        assertThat(snapshot.get("uploads").get(0))
                .isEqualTo(
                        new ObjectMapper()
                                .readTree(
                                        "{\"campaign_upload_id\": 19, \"queue_count\": 2, \"queues_completed\": 1, \"total_queued\": 20}"));
        assertThat(snapshot.get("uploads").get(1))
                .isEqualTo(
                        new ObjectMapper()
                                .readTree(
                                        "{\"campaign_upload_id\": 20, \"queue_count\": 1, \"queues_completed\": 1, \"total_queued\": 10}"));
        assertThat(snapshot.get("queuesAwaited").asInt()).isEqualTo(3);
        assertThat(snapshot.get("queuesCompleted").asInt()).isEqualTo(2);
        assertThat(snapshot.get("complete").asBoolean()).isFalse();
    }

    @Test
    void a_simulated_run_should_say_so_in_every_report() throws Exception {
        source.then(Snapshots.active().queues(19, true).calls("picked", 95, "failed", 5));
        CampaignResult result = run(c -> c.maxFailureRatio = "5%");
        GateConfig parsed = config.parse();
        assertThat(json().has("simulation")).isTrue();
        assertThat(json().get("simulation").isNull()).as("a real run").isTrue();
        assertThat(children(junit(), "property"))
                .noneMatch(p -> p.getAttribute("name").equals("simulation"));
        assertThat(StepSummary.markdown(result, parsed, null)).doesNotContain("imulat");

        FileReports.write(dir, result, parsed, FINISHED, UnaryOperator.identity(), "passing");
        String markdown = StepSummary.markdown(result, parsed, "passing");

        assertThat(json().get("simulation").asText()).isEqualTo("passing");
        assertThat(children(junit(), "property"))
                .filteredOn(p -> p.getAttribute("name").equals("simulation"))
                .singleElement()
                .satisfies(p -> assertThat(p.getAttribute("value")).isEqualTo("passing"));
        assertThat(markdown)
                .startsWith(
                        "### \u2705 OSVI gate: PASS \u2014 campaign 7 \u201cJune Renewals\u201d\n\n"
                                + "**Simulation**: scenario 'passing' of the embedded OSVI simulator; nothing real was contacted.\n\n");
    }

    @Test
    void the_github_summary_should_be_a_markdown_table() throws Exception {
        source.then(Snapshots.active().queues(19, true).calls("picked", 110, "not_picked", 30, "failed", 60));
        CampaignResult result = run(c -> c.maxFailureRatio = "5%");

        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "earlier step\n");
        new Sink(UnaryOperator.identity(), new SilentLog(), new Object())
                .append(summary, StepSummary.markdown(result, config.parse(), null));

        assertThat(Files.readString(summary))
                .startsWith(
                        "earlier step\n### \u274c OSVI gate: FAIL \u2014 campaign 7" + " \u201cJune Renewals\u201d\n")
                .contains(
                        "| Rule | Actual | Limit | Result |",
                        "| `failed` | 30% | &lt;= 5% | **breached** |",
                        "| `failed` | 60 | 30% |",
                        "| **total** | **200** | |",
                        "Queues completed: 1/1.");
    }
}
