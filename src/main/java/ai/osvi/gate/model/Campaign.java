package ai.osvi.gate.model;

import java.time.OffsetDateTime;

/**
 * The {@code data.campaign} object. Every field but {@code status} is informational; the nullable ones of the API
 * ({@code retry_threshold}, {@code retry_delay}) are {@code null} here when absent.
 */
public record Campaign(
        Long id,
        String name,
        String status,
        Boolean retryEnabled,
        Integer retryThreshold,
        Integer retryDelaySeconds,
        OffsetDateTime createdAt) {

    public boolean isInactive() {
        return "inactive".equals(status);
    }
}
