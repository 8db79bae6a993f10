package ai.osvi.gate.simulator;

import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A timeline of what the simulated API answers: snapshots (the {@code data} object of the status response) and
 * error responses, each from an offset after the first request on. See the README for the file format.
 */
public final class Scenario {

    /** The scenarios shipped in the plugin, usable by name. */
    public static final List<String> BUILT_IN = List.of("passing", "failing", "stalled", "inactive");

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final String description;
    private final long campaignId;
    private final List<Step> steps;

    private Scenario(String name, String description, long campaignId, List<Step> steps) {
        this.name = name;
        this.description = description;
        this.campaignId = campaignId;
        this.steps = List.copyOf(steps);
    }

    /**
     * One answer of the timeline.
     *
     * @param data     the full {@code data} object, or {@code null} for an error response
     * @param status   the HTTP status
     * @param body     the raw body of an error response
     */
    public record Step(Duration at, ObjectNode data, int status, String contentType, String body) {
    }

    /** A built-in scenario by name, or a scenario file by path. */
    public static Scenario load(String nameOrPath) throws InvalidConfigurationException {
        String text = nameOrPath == null ? "" : nameOrPath.trim();
        if (BUILT_IN.contains(text)) {
            try (InputStream in = Scenario.class.getResourceAsStream("scenarios/" + text + ".json")) {
                return parse(text, MAPPER.readTree(in));
            } catch (IOException e) {
                throw new IllegalStateException("built-in scenario " + text + " is unreadable", e);
            }
        }
        Path path = Path.of(text);
        if (text.isEmpty() || !Files.isRegularFile(path)) {
            throw new InvalidConfigurationException("simulation", "Invalid " + Values.label("simulation") + " '"
                    + text + "': no built-in scenario of that name and no such file. Accepted: "
                    + String.join(", ", BUILT_IN) + ", or the path of a scenario JSON file.");
        }
        try {
            return parse(path.toString(), MAPPER.readTree(path.toFile()));
        } catch (IOException e) {
            throw invalidFile(path.toString(), "it is not valid JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
    }

    static Scenario parse(String source, JsonNode root) throws InvalidConfigurationException {
        if (root == null || !root.isObject()) {
            throw invalidFile(source, "the top level must be a JSON object");
        }
        JsonNode campaign = root.get("campaign");
        if (campaign == null || !campaign.isObject() || !campaign.path("id").canConvertToLong()
                || !campaign.path("id").isIntegralNumber()) {
            throw invalidFile(source, "'campaign' must be an object with a numeric 'id'");
        }
        JsonNode timeline = root.get("timeline");
        if (timeline == null || !timeline.isArray() || timeline.isEmpty()) {
            throw invalidFile(source, "'timeline' must be a non-empty array of steps");
        }
        List<Step> steps = new ArrayList<>();
        ObjectNode campaignState = (ObjectNode) campaign.deepCopy();
        JsonNode calls = null;
        JsonNode uploads = null;
        Duration previous = Duration.ZERO;
        for (int i = 0; i < timeline.size(); i++) {
            JsonNode step = timeline.get(i);
            String where = "timeline[" + i + "]";
            if (!step.isObject()) {
                throw invalidFile(source, where + " must be an object");
            }
            Duration at;
            try {
                at = Values.offset("simulation", step.path("at").asText(""));
            } catch (InvalidConfigurationException e) {
                throw invalidFile(source, where + ".at must be an offset such as 0s, 2s or 1m");
            }
            if (at.compareTo(previous) < 0) {
                throw invalidFile(source, where + ".at goes back in time");
            }
            previous = at;
            JsonNode response = step.get("response");
            if (response != null) {
                if (!response.path("status").canConvertToInt()) {
                    throw invalidFile(source, where + ".response.status must be an HTTP status code");
                }
                JsonNode body = response.path("body");
                steps.add(new Step(at, null, response.get("status").intValue(),
                        response.path("content_type").asText("application/json"),
                        body.isTextual() ? body.textValue() : body.isMissingNode() ? "" : body.toString()));
                continue;
            }
            if (step.get("campaign") instanceof ObjectNode overrides) {
                Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    campaignState.set(field.getKey(), field.getValue());
                }
            }
            calls = step.has("calls") ? step.get("calls") : calls;
            uploads = step.has("uploads") ? step.get("uploads") : uploads;
            if (calls == null || uploads == null) {
                throw invalidFile(source, where + " needs 'calls' and 'uploads' (later steps inherit them)");
            }
            ObjectNode data = MAPPER.createObjectNode();
            data.set("campaign", campaignState.deepCopy());
            data.set("calls", calls);
            data.set("uploads", uploads);
            steps.add(new Step(at, data, 200, "application/json", null));
        }
        return new Scenario(root.path("name").asText(source), root.path("description").asText(""),
                campaign.get("id").longValue(), steps);
    }

    private static InvalidConfigurationException invalidFile(String source, String problem) {
        return new InvalidConfigurationException("simulation", "Invalid scenario " + source + " ("
                + Values.label("simulation") + "): " + problem + ". See the README's 'Scenario files' section.");
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public long campaignId() {
        return campaignId;
    }

    public List<Step> steps() {
        return steps;
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
