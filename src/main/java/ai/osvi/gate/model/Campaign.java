package ai.osvi.gate.model;

import java.time.OffsetDateTime;

/**
 * The {@code data.campaign} object, as far as the gate reads it. Every field but {@code status} is informational; the
 * nullable ones of the API ({@code retry_threshold}, {@code retry_delay}) are {@code null} here when absent. The
 * report shows the API's own object, every field included. {@code createdAt} is {@code null} when {@code created_at}
 * is absent or not a date-time with an offset.
 */
public record Campaign(
        Long id,
        String name,
        String status,
        Boolean retryEnabled,
        Integer retryThreshold,
        Integer retryDelaySeconds,
        OffsetDateTime createdAt) {

    /** A campaign whose {@code created_at} is absent. */
    public Campaign(Long id, String name, String status, Boolean retryEnabled, Integer retryThreshold,
            Integer retryDelaySeconds) {
        this(id, name, status, retryEnabled, retryThreshold, retryDelaySeconds, null);
    }

    public boolean isInactive() {
        return "inactive".equals(status);
    }
}
