package ai.osvi.gate.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.model.CampaignStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The streaming parser against an oracle built from the same generated campaign: random uploads and queues, fields
 * in random order, {@code total_queued} present, null or absent, informational fields present, null, absent or of
 * the wrong type, and fields the API reference does not know. Every body is valid by the API's contract, so the
 * parser must accept it and reduce it to exactly the oracle's counts and completion.
 */
class StatusParserPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One generated queue: what the oracle knows of it. */
    private record GeneratedQueue(boolean completed, Long totalQueued) {}

    /** One generated upload. */
    private record GeneratedUpload(long id, List<GeneratedQueue> queues) {}

    @Property(tries = 2_000)
    void parsed_counts_and_completion_should_match_the_generated_campaign(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        List<GeneratedUpload> uploads = new ArrayList<>();
        int uploadCount = random.nextInt(6);
        for (int u = 0; u < uploadCount; u++) {
            List<GeneratedQueue> queues = new ArrayList<>();
            int queueCount = random.nextInt(5);
            for (int q = 0; q < queueCount; q++) {
                int kind = random.nextInt(10);
                Long queued = kind == 0 ? null : kind == 1 ? -1L : (long) random.nextInt(500);
                queues.add(new GeneratedQueue(random.nextInt(4) != 0, queued));
            }
            // ids may repeat: an upload id filter then awaits the queues of every upload with that id
            uploads.add(new GeneratedUpload(1 + random.nextInt(4), queues));
        }

        CampaignStatus parsed = StatusParser.parse(
                JSON.writeValueAsString(body(uploads, random)).getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.uploads()).hasSize(uploads.size());
        for (int i = 0; i < uploads.size(); i++) {
            GeneratedUpload expected = uploads.get(i);
            assertThat(parsed.uploads().get(i).campaignUploadId()).isEqualTo(expected.id());
            assertThat(parsed.uploads().get(i).queues())
                    .isEqualTo(expected.queues().size());
            assertThat(parsed.uploads().get(i).completedQueues()).isEqualTo((int)
                    expected.queues().stream().filter(GeneratedQueue::completed).count());
            assertThat(parsed.uploads().get(i).totalQueued()).isEqualTo(sumOrNull(expected.queues()));
        }
        for (OptionalLong filter : List.of(OptionalLong.empty(), OptionalLong.of(1), OptionalLong.of(3))) {
            List<GeneratedQueue> awaited = uploads.stream()
                    .filter(upload -> filter.isEmpty() || upload.id() == filter.getAsLong())
                    .flatMap(upload -> upload.queues().stream())
                    .toList();
            assertThat(parsed.awaitedQueues(filter)).isEqualTo(awaited.size());
            // complete: some upload awaited, and each awaited upload has queues, all of them completed
            List<GeneratedUpload> awaitedUploads = uploads.stream()
                    .filter(upload -> filter.isEmpty() || upload.id() == filter.getAsLong())
                    .toList();
            assertThat(parsed.isComplete(filter))
                    .as("complete for %s", filter)
                    .isEqualTo(!awaitedUploads.isEmpty()
                            && awaitedUploads.stream()
                                    .allMatch(upload -> !upload.queues().isEmpty()
                                            && upload.queues().stream().allMatch(GeneratedQueue::completed)));
        }
        List<GeneratedQueue> all =
                uploads.stream().flatMap(upload -> upload.queues().stream()).toList();
        Long total = sumOrNull(all);
        assertThat(parsed.totalQueued())
                .isEqualTo(total == null ? Optional.empty() : Optional.of(BigInteger.valueOf(total)));
    }

    private static Long sumOrNull(List<GeneratedQueue> queues) {
        long sum = 0;
        for (GeneratedQueue queue : queues) {
            if (queue.totalQueued() == null || queue.totalQueued() < 0) {
                return null;
            }
            sum += queue.totalQueued();
        }
        return sum;
    }

    /** The body; a {@code totalQueued} of -1 stands for a queue without the field, null for an explicit null. */
    private static Map<String, Object> body(List<GeneratedUpload> uploads, Random random) {
        List<Object> uploadNodes = new ArrayList<>();
        for (GeneratedUpload upload : uploads) {
            List<Object> queueNodes = new ArrayList<>();
            for (GeneratedQueue queue : upload.queues()) {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("completed", queue.completed());
                if (queue.totalQueued() == null || queue.totalQueued() >= 0) {
                    node.put("total_queued", queue.totalQueued());
                }
                informational(node, "agent_uuid", random);
                unknown(node, random);
                queueNodes.add(node);
            }
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("campaign_upload_id", upload.id());
            node.put("queues", queueNodes);
            informational(node, "file_name", random);
            informational(node, "agent_uuid", random);
            informational(node, "created_at", random);
            unknown(node, random);
            uploadNodes.add(node);
        }
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("id", 7);
        campaign.put("name", "Generated");
        campaign.put("status", random.nextBoolean() ? "active" : "inactive");
        campaign.put("is_retry_enabled", true);
        campaign.put("retry_threshold", random.nextBoolean() ? 2 : null);
        campaign.put("retry_delay", random.nextBoolean() ? 1800 : null);
        campaign.put("created_at", "2026-06-01T10:00:00+05:30");
        Map<String, Object> byStatus = new LinkedHashMap<>();
        byStatus.put("picked", 3);
        byStatus.put("failed", 1);
        Map<String, Object> calls = new LinkedHashMap<>();
        calls.put("total", 4);
        calls.put("by_status", byStatus);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaign", shuffled(campaign, random));
        data.put("calls", calls);
        data.put("uploads", uploadNodes);
        unknown(data, random);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", shuffled(data, random));
        return shuffled(body, random);
    }

    /** An informational field: a plausible value, null, absent, or a value of the wrong type. */
    private static void informational(Map<String, Object> node, String name, Random random) {
        switch (random.nextInt(5)) {
            case 0 -> node.put(name, null);
            case 1 -> {}
            case 2 -> node.put(name, random.nextInt(100));
            case 3 -> node.put(name, List.of("x", Map.of("nested", true)));
            default -> node.put(name, name.equals("created_at") ? "2026-06-02T11:00:00+05:30" : "value \"quoted\"");
        }
        shuffleInPlace(node, random);
    }

    private static void unknown(Map<String, Object> node, Random random) {
        if (random.nextInt(3) == 0) {
            node.put("extra_" + random.nextInt(3), Map.of("completed", false, "queues", List.of(1, 2)));
        }
        shuffleInPlace(node, random);
    }

    private static Map<String, Object> shuffled(Map<String, Object> node, Random random) {
        shuffleInPlace(node, random);
        return node;
    }

    private static void shuffleInPlace(Map<String, Object> node, Random random) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(node.entrySet());
        Collections.shuffle(entries, random);
        node.clear();
        for (Map.Entry<String, Object> entry : entries) {
            node.put(entry.getKey(), entry.getValue());
        }
    }
}
