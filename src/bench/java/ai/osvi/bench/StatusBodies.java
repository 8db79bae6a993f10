package ai.osvi.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Builds {@code GET /v1/campaigns/{id}/status} bodies shaped like the API reference's example: a campaign, call
 * counts per status and {@code uploads} uploads of {@link #QUEUES_PER_UPLOAD} queues each, every field present with
 * realistic values (ids, file names, agent ids, dates), compact as the API sends them. Every queue is completed, so
 * a completion check has to look at all of them, as it does on the snapshot that ends a wait.
 */
public final class StatusBodies {

    public static final int QUEUES_PER_UPLOAD = 5;

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private StatusBodies() {
    }

    /** A 200 body with {@code uploads} uploads; the same bytes for the same argument. */
    public static byte[] body(int uploads) {
        Random random = new Random(uploads);
        String[] agents = new String[QUEUES_PER_UPLOAD];
        for (int i = 0; i < agents.length; i++) {
            agents[i] = "agent_" + token(random, 8) + "_" + token(random, 13);
        }
        int[] totals = new int[uploads * QUEUES_PER_UPLOAD];
        long queued = 0;
        for (int i = 0; i < totals.length; i++) {
            totals[i] = 10 + random.nextInt(191);
            queued += totals[i];
        }
        // 76% picked, 19.5% not picked, 4.5% failed: both benchmark rules hold
        long failed = queued * 45 / 1000;
        long picked = queued * 76 / 100;
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + uploads * 700);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeBooleanField("success", true);
            json.writeObjectFieldStart("data");

            json.writeObjectFieldStart("campaign");
            json.writeNumberField("id", 7);
            json.writeStringField("name", "June Renewals");
            json.writeStringField("status", "active");
            json.writeBooleanField("is_retry_enabled", true);
            json.writeNumberField("retry_threshold", 2);
            json.writeNumberField("retry_delay", 1800);
            json.writeStringField("created_at", "2026-06-01T10:00:00+05:30");
            json.writeEndObject();

            json.writeObjectFieldStart("calls");
            json.writeNumberField("total", queued);
            json.writeObjectFieldStart("by_status");
            json.writeNumberField("picked", picked);
            json.writeNumberField("not_picked", queued - picked - failed);
            json.writeNumberField("failed", failed);
            json.writeEndObject();
            json.writeEndObject();

            json.writeArrayFieldStart("uploads");
            for (int u = 0; u < uploads; u++) {
                json.writeStartObject();
                json.writeNumberField("campaign_upload_id", 19 + u);
                if (u % 10 == 9) {
                    json.writeNullField("file_name");
                    json.writeNullField("agent_uuid");
                } else {
                    json.writeStringField("file_name", (1718000000L + u * 60L) + "-api_contacts_" + hex(random, 16)
                            + ".csv");
                    json.writeStringField("agent_uuid", agents[u % agents.length]);
                }
                json.writeStringField("created_at", String.format("2026-06-%02dT%02d:%02d:00+05:30",
                        2 + (u / 1440) % 27, (u / 60) % 24, u % 60));
                json.writeArrayFieldStart("queues");
                for (int q = 0; q < QUEUES_PER_UPLOAD; q++) {
                    json.writeStartObject();
                    json.writeStringField("agent_uuid", agents[(u + q) % agents.length]);
                    json.writeNumberField("total_queued", totals[u * QUEUES_PER_UPLOAD + q]);
                    json.writeBooleanField("completed", true);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String token(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String hex(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }
}
