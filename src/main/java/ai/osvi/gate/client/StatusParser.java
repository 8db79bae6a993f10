package ai.osvi.gate.client;

import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Queue;
import ai.osvi.gate.model.Upload;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a campaign-status body strictly where the gate's verdict depends on it (counts, queues, completion) and
 * leniently elsewhere: unknown fields are ignored, nullable fields may be null, informational fields that are
 * missing or malformed are left {@code null}.
 */
public final class StatusParser {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StatusParser() {
    }

    /** Parses a 200 body. */
    public static CampaignStatus parse(byte[] body) throws TransientApiException {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw unexpected("the body is not a JSON object");
        }
        JsonNode success = root.get("success");
        if (success != null && !success.isNull() && !success.isBoolean()) {
            throw unexpected(field("success", "a boolean", success));
        }
        if (success != null && success.isBoolean() && !success.booleanValue()) {
            throw new TransientApiException("the API answered success: false" + errorSuffix(root));
        }
        JsonNode data = requireObject(root, "data", "data");
        Campaign campaign = campaign(requireObject(data, "campaign", "data.campaign"));
        CallCounts calls = calls(requireObject(data, "calls", "data.calls"));
        JsonNode uploadsNode = requireArray(data, "uploads", "data.uploads");
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < uploadsNode.size(); i++) {
            uploads.add(upload(uploadsNode.get(i), "data.uploads[" + i + "]"));
        }
        return new CampaignStatus(campaign, calls, uploads);
    }

    /** The {@code error} text of an error body (401, 404, {@code success: false}), or {@code null}. */
    public static String errorText(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            return error != null && error.isTextual() ? error.textValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode readTree(byte[] body) throws TransientApiException {
        if (body.length == 0) {
            throw unexpected("the body is empty");
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw unexpected("the body is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            String start = new String(body, 0, Math.min(body.length, 64), java.nio.charset.StandardCharsets.UTF_8)
                    .trim().toLowerCase(java.util.Locale.ROOT);
            if (start.startsWith("<")) {
                throw unexpected("the body is HTML or XML, not JSON (a proxy or gateway error page?)");
            }
            throw unexpected("the body is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw unexpected("the body could not be read (" + e.getMessage() + ")");
        }
    }

    private static Campaign campaign(JsonNode node) throws TransientApiException {
        JsonNode status = node.get("status");
        if (status != null && !status.isNull() && !status.isTextual()) {
            throw unexpected(field("data.campaign.status", "a string", status));
        }
        return new Campaign(
                optionalLong(node, "id"),
                optionalText(node, "name"),
                status == null || status.isNull() ? null : status.textValue(),
                node.path("is_retry_enabled").isBoolean() ? node.get("is_retry_enabled").booleanValue() : null,
                optionalInt(node, "retry_threshold"),
                optionalInt(node, "retry_delay"),
                optionalDate(node, "created_at"));
    }

    private static CallCounts calls(JsonNode node) throws TransientApiException {
        long total = requireCount(node, "total", "data.calls.total");
        JsonNode byStatusNode = requireObject(node, "by_status", "data.calls.by_status");
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = byStatusNode.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            byStatus.put(entry.getKey(), requireCount(byStatusNode, entry.getKey(),
                    "data.calls.by_status." + entry.getKey()));
        }
        return new CallCounts(total, byStatus);
    }

    private static Upload upload(JsonNode node, String path) throws TransientApiException {
        if (node == null || !node.isObject()) {
            throw unexpected(field(path, "an object", node));
        }
        long id = requireCount(node, "campaign_upload_id", path + ".campaign_upload_id");
        JsonNode queuesNode = requireArray(node, "queues", path + ".queues");
        List<Queue> queues = new ArrayList<>();
        for (int i = 0; i < queuesNode.size(); i++) {
            String queuePath = path + ".queues[" + i + "]";
            JsonNode queue = queuesNode.get(i);
            if (!queue.isObject()) {
                throw unexpected(field(queuePath, "an object", queue));
            }
            JsonNode completed = queue.get("completed");
            if (completed == null || !completed.isBoolean()) {
                throw unexpected(field(queuePath + ".completed", "a boolean", completed));
            }
            Long totalQueued = queue.hasNonNull("total_queued")
                    ? requireCount(queue, "total_queued", queuePath + ".total_queued")
                    : null;
            queues.add(new Queue(optionalText(queue, "agent_uuid"), totalQueued, completed.booleanValue()));
        }
        return new Upload(id, optionalText(node, "file_name"), optionalText(node, "agent_uuid"),
                optionalDate(node, "created_at"), queues);
    }

    private static JsonNode requireObject(JsonNode parent, String name, String path) throws TransientApiException {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw unexpected(field(path, "an object", node));
        }
        return node;
    }

    private static JsonNode requireArray(JsonNode parent, String name, String path) throws TransientApiException {
        JsonNode node = parent.get(name);
        if (node == null || !node.isArray()) {
            throw unexpected(field(path, "an array", node));
        }
        return node;
    }

    private static long requireCount(JsonNode parent, String name, String path) throws TransientApiException {
        JsonNode node = parent.get(name);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw unexpected(field(path, "a whole number", node));
        }
        if (node.longValue() < 0) {
            throw unexpected(path + " is " + node.longValue() + ", a negative count");
        }
        return node.longValue();
    }

    private static String field(String path, String expected, JsonNode actual) {
        if (actual == null) {
            return path + " is missing (expected " + expected + ")";
        }
        return path + " is " + describe(actual) + ", expected " + expected;
    }

    private static String describe(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "the string \"" + abbreviate(node.textValue()) + "\"";
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        return node.isArray() ? "an array" : "an object";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static TransientApiException unexpected(String problem) {
        return new TransientApiException("unexpected response: " + problem);
    }

    private static String errorSuffix(JsonNode root) {
        JsonNode error = root.get("error");
        return error != null && error.isTextual() ? " (error: " + abbreviate(error.textValue()) + ")" : "";
    }

    private static String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Long optionalLong(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
    }

    private static Integer optionalInt(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null;
    }

    private static OffsetDateTime optionalDate(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
