package ai.osvi.gate.simulator;

import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.report.files.JsonReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * A JSON report of an earlier wait read back as a scenario: each snapshot of its timeline answers one request, in
 * order, so the wait replays as fast as the gate polls (one snapshot per {@code pollInterval}), and the last snapshot
 * answers every request after it. The campaign is the report's; the rules it judged are the scenario's suggested
 * rules, so that a run with rules of its own re-judges the recorded campaign with those.
 */
final class Replay {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Replay() {}

    /** Whether {@code root} is a report this plugin wrote rather than a scenario. */
    static boolean isReport(JsonNode root) {
        return root.isObject() && root.has("pluginVersion") && root.has("verdict") && root.has("timeline");
    }

    /** The scenario document that replays {@code report}, read from {@code source}. */
    static JsonNode scenario(String source, JsonNode report) throws InvalidConfigurationException {
        refuseUnreplayable(source, report);
        ObjectNode scenario = NODES.objectNode();
        scenario.put("name", "replay of " + Path.of(source).getFileName());
        scenario.put(
                "description",
                "the wait recorded in " + source + ", verdict "
                        + report.path("verdict").asText() + ", "
                        + report.path("timeline").size() + " snapshots, one per request");
        scenario.put("replay", true);
        scenario.set("campaign", report.path("snapshot").path("campaign").deepCopy());
        ArrayNode rules = scenario.putArray("rules");
        report.path("rules").forEach(rule -> rules.add(rule.path("rule").asText()));
        JsonNode baseline = report.path("baseline").path("snapshot");
        if (baseline.isObject()) {
            // the baseline campaign as it was read, served beside the recorded one
            scenario.set("baseline", baseline.deepCopy());
        }
        ArrayNode timeline = scenario.putArray("timeline");
        for (JsonNode point : report.path("timeline")) {
            timeline.add(step(point));
        }
        return scenario;
    }

    /** A report this version cannot replay, one without a snapshot, or one changed after it was written. */
    private static void refuseUnreplayable(String source, JsonNode report) throws InvalidConfigurationException {
        int format = report.path("reportFormat").asInt(1);
        if (format != JsonReport.FORMAT) {
            throw new InvalidConfigurationException(
                    "simulation",
                    "Invalid " + "simulation (osvi.simulation) '"
                            + source + "': a report of reportFormat " + format
                            + ", and this plugin replays reportFormat "
                            + JsonReport.FORMAT
                            + " (a report whose timeline keeps each snapshot's uploads). Replay a"
                            + " report written by this version of the plugin.");
        }
        JsonNode campaign = report.path("snapshot").path("campaign");
        if (!campaign.isObject() || report.path("timeline").isEmpty()) {
            throw new InvalidConfigurationException(
                    "simulation",
                    "Invalid simulation (osvi.simulation) '" + source
                            + "': the report holds no snapshot to replay (the recorded wait never received one).");
        }
        JsonNode baseline = report.path("baseline").path("snapshot");
        if (baseline.isObject()
                && !baseline.path("campaign")
                        .path("id")
                        .equals(report.path("baseline").path("campaignId"))) {
            throw new InvalidConfigurationException(
                    "simulation",
                    "Invalid simulation (osvi.simulation) '" + source
                            + "': its baseline is recorded as campaign "
                            + report.path("baseline").path("campaignId")
                            + " but its snapshot is of campaign "
                            + baseline.path("campaign").path("id") + ". The report was"
                            + " changed after it was written: replay the report as the gate wrote it.");
        }
    }

    private static ObjectNode step(JsonNode point) {
        ObjectNode step = NODES.objectNode();
        step.put("at", Math.round(point.path("elapsedSeconds").asDouble() * 1000) + "ms");
        if (point.hasNonNull("campaignStatus")) {
            step.putObject("campaign").put("status", point.get("campaignStatus").asText());
        }
        ObjectNode calls = step.putObject("calls");
        calls.set("total", point.path("callsTotal"));
        calls.set("by_status", point.path("byStatus"));
        ArrayNode uploads = step.putArray("uploads");
        for (JsonNode upload : point.path("uploads")) {
            uploads.add(upload(upload));
        }
        return step;
    }

    /** An upload of the API's shape from the report's per-upload counts: its queues, the first ones completed. */
    private static ObjectNode upload(JsonNode recorded) {
        ObjectNode upload = NODES.objectNode();
        upload.set("campaign_upload_id", recorded.path("campaign_upload_id"));
        int count = recorded.path("queue_count").asInt();
        int completed = recorded.path("queues_completed").asInt();
        JsonNode totalQueued = recorded.path("total_queued");
        ArrayNode queues = upload.putArray("queues");
        for (int i = 0; i < count; i++) {
            ObjectNode queue = queues.addObject();
            if (totalQueued.isIntegralNumber()) {
                // the total spread over the queues, the remainder on the first: their sum is what was recorded
                BigInteger[] share = totalQueued.bigIntegerValue().divideAndRemainder(BigInteger.valueOf(count));
                queue.put("total_queued", i == 0 ? share[0].add(share[1]) : share[0]);
            } else {
                queue.putNull("total_queued");
            }
            queue.put("completed", i < completed);
        }
        return upload;
    }
}
