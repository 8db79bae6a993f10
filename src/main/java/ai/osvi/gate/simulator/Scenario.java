package ai.osvi.gate.simulator;

import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A timeline of what the simulated API answers: snapshots (the {@code data} object of the status response) and
 * error responses, each from an offset after the first request on. The file format: src/site/markdown/simulator.md.
 */
public final class Scenario {

    /** The scenarios shipped in the plugin, usable by name. */
    public static final List<String> BUILT_IN = List.of("passing", "failing", "stalled", "inactive");

    private final String name;
    private final String description;
    private final long campaignId;
    private final List<Step> steps;
    private final List<String> rules;

    private Scenario(String name, String description, long campaignId, List<Step> steps, List<String> rules) {
        this.name = name;
        this.description = description;
        this.campaignId = campaignId;
        this.steps = List.copyOf(steps);
        this.rules = List.copyOf(rules);
    }

    /**
     * One answer of the timeline.
     *
     * @param status   the HTTP status
     * @param body     the whole body: {@code {"success":true,"data":...}} for a snapshot, as given for an error
     */
    public record Step(Duration at, int status, String contentType, String body) {
    }

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
                return parse(text, Json.read(in));
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
            throw new InvalidConfigurationException("simulation", "Invalid " + Values.label("simulation") + " '"
                    + text + "': no built-in scenario of that name and " + (path == null || text.isEmpty()
                            ? "not a file path" : "no file " + path)
                    + ". Accepted: " + String.join(", ", BUILT_IN) + ", or the path of a scenario JSON file,"
                    + " relative to the project's base directory (" + baseDirectory.toAbsolutePath() + ").");
        }
        try {
            return parse(path.toString(), Json.read(Files.readAllBytes(path)));
        } catch (IOException e) {
            throw invalidFile(path.toString(), "it is not valid JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
    }

    static Scenario parse(String source, Object document) throws InvalidConfigurationException {
        if (!(document instanceof Map<?, ?> root)) {
            throw invalidFile(source, "the top level must be a JSON object");
        }
        if (!(root.get("campaign") instanceof Map<?, ?> campaign) || !(campaign.get("id") instanceof Long id)) {
            throw invalidFile(source, "'campaign' must be an object with a numeric 'id'");
        }
        if (!(root.get("timeline") instanceof List<?> timeline) || timeline.isEmpty()) {
            throw invalidFile(source, "'timeline' must be a non-empty array of steps");
        }
        List<String> rules = new ArrayList<>();
        if (root.containsKey("rules")) {
            if (!(root.get("rules") instanceof List<?> list)) {
                throw invalidFile(source, "'rules' must be an array of rules such as \"failed <= 5%\"");
            }
            for (int i = 0; i < list.size(); i++) {
                String rule = list.get(i) instanceof String text ? text : "";
                try {
                    Values.rule("simulation", rule);
                } catch (InvalidConfigurationException e) {
                    throw invalidFile(source, "rules[" + i + "] '" + rule + "' is not a rule such as \"failed <= 5%\""
                            + " or \"picked >= 60%\"");
                }
                rules.add(rule);
            }
        }
        List<Step> steps = new ArrayList<>();
        Map<Object, Object> campaignState = new LinkedHashMap<>(campaign);
        Object calls = null;
        Object uploads = null;
        Duration previous = Duration.ZERO;
        for (int i = 0; i < timeline.size(); i++) {
            String where = "timeline[" + i + "]";
            if (!(timeline.get(i) instanceof Map<?, ?> step)) {
                throw invalidFile(source, where + " must be an object");
            }
            Duration at;
            try {
                at = Values.offset("simulation", step.get("at") instanceof String text ? text : "");
            } catch (InvalidConfigurationException e) {
                throw invalidFile(source, where + ".at must be an offset such as 0s, 2s or 1m");
            }
            if (at.compareTo(previous) < 0) {
                throw invalidFile(source, where + ".at goes back in time");
            }
            previous = at;
            if (step.get("response") instanceof Map<?, ?> response) {
                if (!(response.get("status") instanceof Long status) || status < 100 || status > 599) {
                    throw invalidFile(source, where + ".response.status must be an HTTP status code");
                }
                Object body = response.get("body");
                steps.add(new Step(at, status.intValue(),
                        response.get("content_type") instanceof String type ? type : "application/json",
                        body instanceof String text ? text : body == null ? "" : Json.compact(body)));
                continue;
            }
            if (step.get("campaign") instanceof Map<?, ?> overrides) {
                campaignState.putAll(overrides);
            }
            calls = step.containsKey("calls") ? step.get("calls") : calls;
            uploads = step.containsKey("uploads") ? step.get("uploads") : uploads;
            if (calls == null || uploads == null) {
                throw invalidFile(source, where + " needs 'calls' and 'uploads' (later steps inherit them)");
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("campaign", campaignState);
            data.put("calls", calls);
            data.put("uploads", uploads);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", true);
            body.put("data", data);
            steps.add(new Step(at, 200, "application/json", Json.compact(body)));
        }
        return new Scenario(root.get("name") instanceof String name ? name : source,
                root.get("description") instanceof String description ? description : "", id, steps, rules);
    }

    private static InvalidConfigurationException invalidFile(String source, String problem) {
        return new InvalidConfigurationException("simulation", "Invalid scenario " + source + " ("
                + Values.label("simulation") + "): " + problem
                + ". See 'Scenario files' in src/site/markdown/simulator.md.");
    }

    public String name() {
        return name;
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
