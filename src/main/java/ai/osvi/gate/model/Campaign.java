package ai.osvi.gate.model;

/**
 * The {@code data.campaign} object, as far as the gate reads it. Every field but {@code status} is informational; the
 * nullable ones of the API ({@code retry_threshold}, {@code retry_delay}) are {@code null} here when absent. The
 * report shows the API's own object, every field included.
 */
public record Campaign(
        Long id,
        String name,
        String status,
        Boolean retryEnabled,
        Integer retryThreshold,
        Integer retryDelaySeconds) {

    public boolean isInactive() {
        return "inactive".equals(status);
    }
}
