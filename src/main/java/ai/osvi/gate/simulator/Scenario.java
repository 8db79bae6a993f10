package ai.osvi.gate.simulator;

import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A timeline of what the simulated API answers: snapshots (the {@code data} object of the status response) and
 * error responses, each from an offset after the first request on. The file format: src/site/markdown/simulator.md.
 */
public final class Scenario {

    /** The scenarios shipped in the plugin, usable by name. */
    public static final List<String> BUILT_IN = List.of("passing", "failing", "stalled", "inactive", "regressed");

    /**
     * Immutable once built, so one for every scenario. Duplicate names are refused (they are ambiguous); decimals are
     * served as written ({@code 1.50} stays {@code 1.50}).
     */
    private static final ObjectMapper JSON = Json.MAPPER;
    /** Trailing content is reported here, with its line: {@link #read}. */
    private static final ObjectReader ONE_DOCUMENT =
            JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Seconds always written ({@code 10:00:00+05:30}, where {@code OffsetDateTime.toString()} writes 10:00). */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final String source;
    private final JsonNode document;
    private final String name;
    private final String description;
    private final long campaignId;
    private final List<Step> steps;
    private final List<String> rules;
    private final boolean byRequest;
    /** The baseline campaign's id, or {@code null} when the scenario serves no baseline. */
    private final Long baselineCampaignId;
    /** The answer for the baseline campaign, whenever it is asked for. */
    private final String baselineBody;

    private Scenario(
            String source,
            JsonNode document,
            String name,
            String description,
            long campaignId,
            List<Step> steps,
            List<String> rules) {
        this.byRequest = document.path("replay").asBoolean(false);
        this.source = source;
        this.document = document;
        this.name = name;
        this.description = description;
        this.campaignId = campaignId;
        this.steps = List.copyOf(steps);
        this.rules = List.copyOf(rules);
        JsonNode baseline = document.path("baseline");
        this.baselineCampaignId =
                baseline.isObject() ? baseline.path("campaign").path("id").longValue() : null;
        this.baselineBody = baseline.isObject()
                ? snapshotBody(baseline.path("campaign"), baseline.path("calls"), baseline.path("uploads"))
                : null;
    }

    /**
     * One answer of the timeline.
     *
     * @param status   the HTTP status
     * @param body     the whole body: {@code {"success":true,"data":...}} for a snapshot, as given for an error
     */
    public record Step(Duration at, int status, String contentType, String body) {}

    /** A built-in scenario by name, or a scenario file by path (a relative one from the current folder). */
    public static Scenario load(String nameOrPath) throws InvalidConfigurationException {
        return load(nameOrPath, Path.of(""));
    }

    /**
     * A built-in scenario by name, or a scenario file by path: a relative path is resolved against
     * {@code baseDirectory} (the project's base directory), and a missing file is named by its absolute path.
     */
    public static Scenario load(String nameOrPath, Path baseDirectory) throws InvalidConfigurationException {
        String text = nameOrPath == null ? "" : nameOrPath.trim();
        if (BUILT_IN.contains(text)) {
            try (InputStream in = Scenario.class.getResourceAsStream("scenarios/" + text + ".json")) {
                return parse(text, read(JSON.createParser(in)));
            } catch (IOException e) {
                throw new IllegalStateException("built-in scenario " + text + " is unreadable", e);
            }
        }
        Path path;
        try {
            path = baseDirectory.toAbsolutePath().resolve(text).normalize();
        } catch (InvalidPathException e) {
            path = null;
        }
        if (text.isEmpty() || path == null || !Files.isRegularFile(path)) {
            throw new InvalidConfigurationException(
                    "simulation",
                    "Invalid " + Values.label("simulation") + " '"
                            + text + "': no built-in scenario of that name and "
                            + (path == null || text.isEmpty() ? "not a file path" : "no file " + path)
                            + ". Accepted: " + String.join(", ", BUILT_IN) + ", or the path of a scenario JSON file,"
                            + " relative to the project's base directory (" + baseDirectory.toAbsolutePath() + ").");
        }
        try {
            JsonNode document = read(JSON.createParser(Files.readAllBytes(path)));
            return parse(
                    path.toString(), Replay.isReport(document) ? Replay.scenario(path.toString(), document) : document);
        } catch (IOException e) {
            throw invalidFile(
                    path.toString(),
                    "it is not valid JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /**
     * This scenario, its campaign created at {@code start} (to the second, in the offset the scenario gives) when
     * its {@code campaign.created_at} is a date-time with an offset: every upload's {@code created_at} moves by as
     * much, while a step that sets the campaign's {@code created_at} is served as written (a campaign created long
     * ago, for one).
     */
    public Scenario createdAt(Instant start) {
        try {
            return parse(source, createdAt(document, start));
        } catch (InvalidConfigurationException e) {
            throw new IllegalStateException("scenario " + source + " was read once already", e);
        }
    }

    private static JsonNode createdAt(JsonNode root, Instant start) {
        OffsetDateTime written =
                Campaign.dateTime(root.path("campaign").path("created_at").textValue());
        if (written == null) {
            return root;
        }
        Duration shift = Duration.between(written.toInstant(), start.truncatedTo(ChronoUnit.SECONDS));
        ObjectNode moved = root.deepCopy();
        ((ObjectNode) moved.get("campaign"))
                .put("created_at", written.plus(shift).format(RFC_3339));
        for (JsonNode step : moved.path("timeline")) {
            for (JsonNode upload : step.path("uploads")) {
                OffsetDateTime at = Campaign.dateTime(upload.path("created_at").textValue());
                if (at != null) {
                    ((ObjectNode) upload).put("created_at", at.plus(shift).format(RFC_3339));
                }
            }
        }
        return moved;
    }

    /** One JSON document, closing {@code parser}; anything after it is an error. */
    private static JsonNode read(JsonParser parser) throws IOException {
        try (parser) {
            JsonNode document = ONE_DOCUMENT.readTree(parser);
            if (document == null) {
                throw new IOException("the document is empty");
            }
            if (parser.nextToken() != null) {
                throw new IOException("trailing content after the JSON value at line "
                        + parser.currentTokenLocation().getLineNr());
            }
            return document;
        }
    }

    static Scenario parse(String source, JsonNode root) throws InvalidConfigurationException {
        if (!root.isObject()) {
            throw invalidFile(source, "the top level must be a JSON object");
        }
        JsonNode campaign = root.path("campaign");
        if (!campaign.isObject() || !isLong(campaign.path("id"))) {
            throw invalidFile(source, "'campaign' must be an object with a numeric 'id'");
        }
        JsonNode timeline = root.path("timeline");
        if (!timeline.isArray() || timeline.isEmpty()) {
            throw invalidFile(source, "'timeline' must be a non-empty array of steps");
        }
        List<String> rules = rules(source, root);
        List<Step> steps = new ArrayList<>();
        ObjectNode campaignState = campaign.deepCopy();
        JsonNode calls = NullNode.getInstance();
        JsonNode uploads = NullNode.getInstance();
        Duration previous = Duration.ZERO;
        for (int i = 0; i < timeline.size(); i++) {
            String where = "timeline[" + i + "]";
            JsonNode step = timeline.get(i);
            if (!step.isObject()) {
                throw invalidFile(source, where + " must be an object");
            }
            Duration at = offset(source, where, step, previous);
            previous = at;
            if (step.path("response").isObject()) {
                steps.add(response(source, where, at, step.path("response")));
                continue;
            }
            if (step.path("campaign").isObject()) {
                campaignState.setAll((ObjectNode) step.get("campaign"));
            }
            calls = step.has("calls") ? step.get("calls") : calls;
            uploads = step.has("uploads") ? step.get("uploads") : uploads;
            if (calls.isNull() || uploads.isNull()) {
                throw invalidFile(source, where + " needs 'calls' and 'uploads' (later steps inherit them)");
            }
            steps.add(new Step(at, 200, "application/json", snapshotBody(campaignState, calls, uploads)));
        }
        checkBaseline(source, root, campaign.get("id").longValue());
        return new Scenario(
                source,
                root,
                text(root.path("name"), source),
                text(root.path("description"), ""),
                campaign.get("id").longValue(),
                steps,
                rules);
    }

    /** {@code {"success":true,"data":{"campaign":...,"calls":...,"uploads":...}}}. */
    private static String snapshotBody(JsonNode campaign, JsonNode calls, JsonNode uploads) {
        ObjectNode body = JSON.createObjectNode();
        body.put("success", true);
        ObjectNode data = body.putObject("data");
        data.set("campaign", campaign);
        data.set("calls", calls);
        data.set("uploads", uploads);
        return compact(body);
    }

    /** A baseline, when given, is a second campaign's snapshot: its campaign (another id), calls and uploads. */
    private static void checkBaseline(String source, JsonNode root, long campaignId)
            throws InvalidConfigurationException {
        if (!root.has("baseline")) {
            return;
        }
        JsonNode baseline = root.get("baseline");
        if (!baseline.isObject()
                || !baseline.path("campaign").isObject()
                || !isLong(baseline.path("campaign").path("id"))
                || !baseline.has("calls")
                || !baseline.has("uploads")) {
            throw invalidFile(
                    source,
                    "'baseline' must be an object with 'campaign' (with a numeric 'id'), 'calls'"
                            + " and 'uploads', as a snapshot's data");
        }
        if (baseline.path("campaign").path("id").longValue() == campaignId) {
            throw invalidFile(source, "the baseline's campaign id is the scenario's campaign id " + campaignId);
        }
    }

    /** The rules a scenario suggests, each checked. */
    private static List<String> rules(String source, JsonNode root) throws InvalidConfigurationException {
        List<String> rules = new ArrayList<>();
        if (!root.has("rules")) {
            return rules;
        }
        JsonNode list = root.get("rules");
        if (!list.isArray()) {
            throw invalidFile(source, "'rules' must be an array of rules such as \"failed <= 5%\"");
        }
        for (int i = 0; i < list.size(); i++) {
            String rule = text(list.get(i), "");
            try {
                Values.rule("simulation", rule);
            } catch (InvalidConfigurationException e) {
                throw invalidFile(
                        source,
                        "rules[" + i + "] '" + rule + "' is not a rule such as \"failed <= 5%\""
                                + " or \"picked >= 60%\"");
            }
            rules.add(rule);
        }
        return rules;
    }

    /** A step's {@code at}, which is never before the step's before it. */
    private static Duration offset(String source, String where, JsonNode step, Duration previous)
            throws InvalidConfigurationException {
        Duration at;
        try {
            at = Values.offset("simulation", text(step.path("at"), ""));
        } catch (InvalidConfigurationException e) {
            throw invalidFile(source, where + ".at must be an offset such as 0s, 2s or 1m");
        }
        if (at.compareTo(previous) < 0) {
            throw invalidFile(source, where + ".at goes back in time");
        }
        return at;
    }

    /** A step answering with a raw status and body. */
    private static Step response(String source, String where, Duration at, JsonNode response)
            throws InvalidConfigurationException {
        JsonNode status = response.path("status");
        if (!isLong(status) || status.longValue() < 100 || status.longValue() > 599) {
            throw invalidFile(source, where + ".response.status must be an HTTP status code");
        }
        // a text as it is, any other JSON value as JSON, none as an empty body
        JsonNode body = response.path("body");
        return new Step(
                at,
                status.intValue(),
                text(response.path("content_type"), "application/json"),
                body.isTextual() ? body.textValue() : body.isNull() || body.isMissingNode() ? "" : compact(body));
    }

    /** A whole number, as a JSON number without a fraction or an exponent (a long). */
    private static boolean isLong(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong();
    }

    private static String text(JsonNode node, String otherwise) {
        return node.isTextual() ? node.textValue() : otherwise;
    }

    private static String compact(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON to memory", e);
        }
    }

    private static InvalidConfigurationException invalidFile(String source, String problem) {
        return new InvalidConfigurationException(
                "simulation",
                "Invalid scenario " + source + " ("
                        + Values.label("simulation") + "): " + problem
                        + ". See 'Scenario files' in src/site/markdown/simulator.md.");
    }

    public String name() {
        return name;
    }

    /** The built-in scenario's name, or the scenario file's absolute path. */
    public String source() {
        return source;
    }

    public String description() {
        return description;
    }

    /** The rules the scenario suggests, used when the user configured none; may be empty. */
    public List<String> rules() {
        return rules;
    }

    public long campaignId() {
        return campaignId;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The id of the baseline campaign the scenario serves beside its own, or {@code null}. */
    public Long baselineCampaignId() {
        return baselineCampaignId;
    }

    /** The baseline campaign's answer, the same at every request; {@code null} without a baseline. */
    public String baselineBody() {
        return baselineBody;
    }

    /** Whether its steps answer the requests in order (a replay), rather than by the time since the first. */
    public boolean byRequest() {
        return byRequest;
    }

    /** This replay at its end: its last step answers every request (a check judges the campaign as it was left). */
    public Scenario atItsEnd() {
        return new Scenario(
                source, document, name, description, campaignId, List.of(steps.get(steps.size() - 1)), rules);
    }

    /** When its last step starts: from then on it answers as the campaign ended. */
    public Duration end() {
        return steps.get(steps.size() - 1).at();
    }

    /** The step answering request number {@code index} (from 0) of a replay: the last one answers every later one. */
    public Step stepFor(int index) {
        return steps.get(Math.min(index, steps.size() - 1));
    }

    /** The step in force {@code elapsed} after the first request. */
    public Step stepAt(Duration elapsed) {
        Step current = steps.get(0);
        for (Step step : steps) {
            if (step.at().compareTo(elapsed) <= 0) {
                current = step;
            }
        }
        return current;
    }
}
