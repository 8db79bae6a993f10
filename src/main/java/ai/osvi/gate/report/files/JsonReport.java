package ai.osvi.gate.report.files;

import ai.osvi.gate.client.PluginVersion;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Json;
import ai.osvi.gate.model.Upload;
import ai.osvi.gate.polling.Timeline;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.report.CampaignReport;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.report.ReportContext.Output;
import ai.osvi.gate.report.ReportNames;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Evidence;
import ai.osvi.gate.rules.Rule;
import ai.osvi.gate.rules.RuleResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code campaign-<id>.json}: everything the gate knew when it decided, for a person or a program. The layout is
 * Jackson's default pretty printer; numbers are written as they are held, a {@code BigDecimal} with its scale.
 */
public final class JsonReport implements Output {

    /**
     * The layout of the JSON report, for a reader such as a replay: 2 added each snapshot's uploads and campaign
     * status to the timeline, which a replay serves again.
     */
    public static final int FORMAT = 2;

    private static final ObjectMapper JSON = Json.MAPPER;

    @Override
    public String describe() {
        return "the JSON report";
    }

    @Override
    public void campaign(ReportContext context, CampaignReport campaign) throws IOException {
        if (context.directory() == null) {
            return;
        }
        ObjectNode document =
                document(campaign.result(), campaign.config(), context.clock().instant(), context.simulation());
        campaign.written()
                .add(context.sink()
                        .replace(
                                ReportNames.jsonFile(context.directory(), campaign.name()),
                                Json.PRETTY.writeValueAsString(document) + "\n"));
    }

    /** @param simulation the simulator's scenario when the run was simulated, else {@code null} */
    static ObjectNode document(CampaignResult result, GateConfig config, Instant finishedAt, String simulation) {
        ObjectNode root = JSON.createObjectNode();
        root.put("campaignId", result.campaignId());
        root.put("verdict", result.verdict().name());
        root.put("buildOutcome", result.outcome().name());
        root.put("summary", result.summaryLine());
        root.set("details", JSON.valueToTree(result.details()));
        root.put("finishedAt", DateTimeFormatter.ISO_INSTANT.format(finishedAt));
        root.put("pluginVersion", PluginVersion.version());
        root.put("reportFormat", FORMAT);
        root.put("simulation", simulation);
        List<String> notes = new ArrayList<>();
        if (config.uploadId().isPresent() && !config.rules().isEmpty()) {
            notes.add(GateConfig.UPLOAD_ID_NOTE);
        }
        root.set("notes", JSON.valueToTree(notes));
        root.set("settings", settings(config));
        root.set("wait", waitNode(result.waitResult()));
        ArrayNode rules = root.putArray("rules");
        result.ruleResults().forEach(judged -> rules.add(rule(judged)));
        root.set("evidence", evidence(result.evidence()));
        CampaignStatus snapshot = result.waitResult().lastSnapshot();
        root.set("snapshot", snapshot == null ? JSON.nullNode() : judgedSnapshot(snapshot, config));
        root.set("timeline", timeline(result.waitResult().timeline()));
        if (config.baseline() != null) {
            ObjectNode baseline = root.putObject("baseline");
            baseline.put("campaignId", config.baseline().campaignId());
            CampaignStatus read = config.baseline().snapshot();
            baseline.set("snapshot", read == null ? null : snapshot(read));
        }
        return root;
    }

    private static ObjectNode settings(GateConfig config) {
        ObjectNode settings = JSON.createObjectNode();
        settings.put("baseUrl", config.baseUrl().toString());
        settings.put(
                "uploadId", config.uploadId().isPresent() ? config.uploadId().getAsLong() : null);
        settings.put("timeout", Values.format(config.timeout()));
        settings.put("pollInterval", Values.format(config.pollInterval()));
        settings.put("requestTimeout", Values.format(config.requestTimeout()));
        settings.put("minCalls", config.minCalls());
        settings.put("onInconclusive", lower(config.onInconclusive()));
        settings.put("onTimeout", lower(config.onTimeout()));
        settings.put("onInactive", lower(config.onInactive()));
        settings.put("onError", lower(config.onError()));
        settings.put("maxConsecutiveErrors", config.maxConsecutiveErrors());
        settings.put("failBuild", config.failBuild());
        return settings;
    }

    private static ObjectNode waitNode(WaitResult wait) {
        ObjectNode node = JSON.createObjectNode();
        node.put("outcome", wait.outcome().name());
        node.put("elapsedSeconds", seconds(wait.elapsed().toMillis()));
        node.put("polls", wait.polls());
        node.put("errors", wait.errors());
        node.put("lastError", wait.error() == null ? null : wait.error().getMessage());
        node.put("timelinePointsDropped", wait.timeline().dropped());
        node.set("warnings", JSON.valueToTree(wait.warnings()));
        return node;
    }

    private static ObjectNode rule(RuleResult judged) {
        Rule rule = judged.rule();
        ObjectNode node = JSON.createObjectNode();
        node.put("rule", rule.describe());
        node.set("statuses", JSON.valueToTree(rule.statuses()));
        node.put("operator", rule.operator().symbol());
        node.put("limit", rule.limit().value());
        node.put("limitText", rule.limitText());
        if (rule.isRelative()) {
            ObjectNode baseline = node.putObject("baseline");
            baseline.put("ratio", rule.baseline().value());
            baseline.put("ratioText", rule.baseline().toString());
            baseline.put("adjustment", rule.relative().adjustmentText());
            // as text: a JSON reader may take a long number for a double
            baseline.put("limitNumerator", rule.limit().numerator().toPlainString());
            baseline.put("limitDenominator", rule.limit().denominator().toString());
        }
        node.put("count", judged.count());
        node.put("total", judged.total());
        node.put("actual", judged.actualRatio());
        node.put("actualText", judged.shownActual());
        node.put("advisory", rule.advisory());
        node.put("result", judged.standing().name());
        node.put("standing", judged.words());
        return node;
    }

    private static ObjectNode evidence(Evidence evidence) {
        ObjectNode node = JSON.createObjectNode();
        node.put("passProven", evidence.allHold());
        ArrayNode checks = node.putArray("checks");
        for (Evidence.Check check : evidence.checks()) {
            ObjectNode item = checks.addObject();
            item.put("item", check.item().key());
            item.put("claim", check.item().claim());
            item.put("holds", check.holds());
            item.put("numbers", check.numbers());
        }
        return node;
    }

    /** The last snapshot, then what the gate read of its queues. */
    private static ObjectNode judgedSnapshot(CampaignStatus snapshot, GateConfig config) {
        ObjectNode node = snapshot(snapshot);
        // after the API's fields, even should the API ever send one of these names itself
        node.remove(List.of("queuesAwaited", "queuesCompleted", "uploadsWithoutQueue", "complete"));
        node.put("queuesAwaited", snapshot.awaitedQueues(config.uploadId()));
        node.put("queuesCompleted", snapshot.completedQueues(config.uploadId()));
        node.set("uploadsWithoutQueue", JSON.valueToTree(snapshot.uploadsWithoutQueue(config.uploadId())));
        node.put("complete", snapshot.isComplete(config.uploadId()));
        return node;
    }

    /**
     * A copy of the API's own {@code data} object as it was sent (every field, unknown ones included, in the API's
     * order), or, for a snapshot built in code, what the model holds in the API's field names.
     */
    private static ObjectNode snapshot(CampaignStatus snapshot) {
        if (snapshot.data() != null && snapshot.data().isObject()) {
            return snapshot.data().deepCopy();
        }
        ObjectNode data = JSON.createObjectNode();
        ObjectNode campaign = data.putObject("campaign");
        campaign.put("id", snapshot.campaign().id());
        campaign.put("name", snapshot.campaign().name());
        campaign.put("status", snapshot.campaign().status());
        campaign.put("is_retry_enabled", snapshot.campaign().retryEnabled());
        campaign.put("retry_threshold", snapshot.campaign().retryThreshold());
        campaign.put("retry_delay", snapshot.campaign().retryDelaySeconds());
        ObjectNode calls = data.putObject("calls");
        calls.put("total", snapshot.calls().total());
        calls.set("by_status", JSON.valueToTree(snapshot.calls().byStatus()));
        ArrayNode uploads = data.putArray("uploads");
        snapshot.uploads().forEach(upload -> uploads.add(upload(upload)));
        return data;
    }

    private static ObjectNode upload(Upload upload) {
        return JSON.createObjectNode()
                .put("campaign_upload_id", upload.campaignUploadId())
                .put("queue_count", upload.queues())
                .put("queues_completed", upload.completedQueues())
                .put("total_queued", upload.totalQueued());
    }

    /** A point per snapshot received, oldest first; see {@link Timeline} for how a long wait is thinned. */
    private static ArrayNode timeline(Timeline timeline) {
        ArrayNode points = JSON.createArrayNode();
        for (Timeline.Point point : timeline.points()) {
            ObjectNode node = points.addObject();
            node.put("elapsedSeconds", seconds(point.elapsed().toMillis()));
            node.put("queuesCompleted", point.queuesCompleted());
            node.put("queuesAwaited", point.queuesAwaited());
            node.put("callsTotal", point.calls().total());
            node.set("byStatus", JSON.valueToTree(point.calls().byStatus()));
            node.put("campaignStatus", point.campaignStatus());
            ArrayNode uploads = node.putArray("uploads");
            point.uploads().forEach(upload -> uploads.add(upload(upload)));
        }
        return points;
    }

    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
