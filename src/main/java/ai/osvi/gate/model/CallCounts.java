package ai.osvi.gate.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code data.calls} object: the total number of calls and an open map of counts per call status, in the order
 * the API sent them. Statuses the gate does not know are kept as they are.
 */
public record CallCounts(long total, Map<String, Long> byStatus) {

    public CallCounts {
        byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
    }

    public long count(String status) {
        return byStatus.getOrDefault(status, 0L);
    }

    public long sumOfStatuses() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
