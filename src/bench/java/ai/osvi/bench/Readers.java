package ai.osvi.bench;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusParser;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.rules.Rule;
import ai.osvi.gate.rules.RuleResult;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The ways of getting a {@link Judgement} out of a status body that the benchmarks compare: the plugin's own
 * parser and rules, and three unvalidated baselines on plain Jackson (tree model, streaming, databind into records).
 */
public final class Readers {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final ObjectReader BODY_READER = MAPPER.readerFor(BodyDto.class);

    private final Rule failedRule;
    private final Rule pickedRule;

    public Readers() {
        try {
            failedRule = Values.rule("thresholds", Judgement.FAILED_RULE);
            pickedRule = Values.rule("thresholds", Judgement.PICKED_RULE);
        } catch (InvalidConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** (a) What the plugin does with each snapshot: strict parse into records, completion check, two rules. */
    public Judgement plugin(byte[] body) throws ApiException {
        CampaignStatus status = StatusParser.parse(body);
        boolean complete = status.isComplete(OptionalLong.empty());
        RuleResult failed = RuleResult.judge(failedRule, status.calls());
        RuleResult picked = RuleResult.judge(pickedRule, status.calls());
        return new Judgement(complete, status.calls().total(), failed.count().longValueExact(),
                picked.count().longValueExact(), failed.passed(),
                picked.passed());
    }

    /** (b) Baseline: {@code ObjectMapper.readTree} and a walk of the {@link JsonNode}s, no validation. */
    public static Judgement tree(byte[] body) throws IOException {
        JsonNode data = MAPPER.readTree(body).path("data");
        JsonNode calls = data.path("calls");
        JsonNode byStatus = calls.path("by_status");
        boolean any = false;
        boolean all = true;
        for (JsonNode upload : data.path("uploads")) {
            for (JsonNode queue : upload.path("queues")) {
                any = true;
                all &= queue.path("completed").booleanValue();
            }
        }
        return Judgement.of(any && all, calls.path("total").longValue(), byStatus.path("failed").longValue(),
                byStatus.path("picked").longValue());
    }

    /** (c) Baseline: Jackson's streaming {@link JsonParser}, skipping every field the judgement does not need. */
    public static Judgement streaming(byte[] body) throws IOException {
        try (JsonParser json = FACTORY.createParser(body)) {
            StreamState state = new StreamState();
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                if ("data".equals(name)) {
                    streamData(json, state);
                } else {
                    json.skipChildren();
                }
            }
            return Judgement.of(state.anyQueue && state.allCompleted, state.total, state.failed, state.picked);
        }
    }

    private static final class StreamState {
        boolean anyQueue;
        boolean allCompleted = true;
        long total;
        long failed;
        long picked;
    }

    private static void streamData(JsonParser json, StreamState state) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            if ("calls".equals(name)) {
                streamCalls(json, state);
            } else if ("uploads".equals(name)) {
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    streamUpload(json, state);
                }
            } else {
                json.skipChildren();
            }
        }
    }

    private static void streamCalls(JsonParser json, StreamState state) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            if ("total".equals(name)) {
                state.total = json.getLongValue();
            } else if ("by_status".equals(name)) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String status = json.currentName();
                    json.nextToken();
                    if ("failed".equals(status)) {
                        state.failed = json.getLongValue();
                    } else if ("picked".equals(status)) {
                        state.picked = json.getLongValue();
                    }
                }
            } else {
                json.skipChildren();
            }
        }
    }

    private static void streamUpload(JsonParser json, StreamState state) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            if ("queues".equals(name)) {
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String field = json.currentName();
                        json.nextToken();
                        if ("completed".equals(field)) {
                            state.anyQueue = true;
                            state.allCompleted &= json.getBooleanValue();
                        } else {
                            json.skipChildren();
                        }
                    }
                }
            } else {
                json.skipChildren();
            }
        }
    }

    /** (d) Baseline: databind straight into records (unknown fields ignored, dates kept as text), no validation. */
    public static Judgement databind(byte[] body) throws IOException {
        BodyDto parsed = BODY_READER.readValue(body);
        boolean any = false;
        boolean all = true;
        for (UploadDto upload : parsed.data().uploads()) {
            for (QueueDto queue : upload.queues()) {
                any = true;
                all &= queue.completed();
            }
        }
        CallsDto calls = parsed.data().calls();
        return Judgement.of(any && all, calls.total(), calls.byStatus().getOrDefault("failed", 0L),
                calls.byStatus().getOrDefault("picked", 0L));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BodyDto(Boolean success, DataDto data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DataDto(CampaignDto campaign, CallsDto calls, List<UploadDto> uploads) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CampaignDto(Long id, String name, String status, @JsonProperty("is_retry_enabled") Boolean retryEnabled,
            @JsonProperty("retry_threshold") Integer retryThreshold, @JsonProperty("retry_delay") Integer retryDelay,
            @JsonProperty("created_at") String createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallsDto(long total, @JsonProperty("by_status") Map<String, Long> byStatus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UploadDto(@JsonProperty("campaign_upload_id") long campaignUploadId,
            @JsonProperty("file_name") String fileName, @JsonProperty("agent_uuid") String agentUuid,
            @JsonProperty("created_at") String createdAt, List<QueueDto> queues) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QueueDto(@JsonProperty("agent_uuid") String agentUuid, @JsonProperty("total_queued") Long totalQueued,
            boolean completed) {
    }
}
