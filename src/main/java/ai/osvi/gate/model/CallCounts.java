package ai.osvi.gate.model;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code data.calls} object: the total number of calls and an open map of counts per call status, in the order
 * the API sent them. Statuses the gate does not know are kept as they are. Sums are exact: API counts may be as large
 * as a {@code long} holds, and their sum beyond it.
 */
public record CallCounts(long total, Map<String, Long> byStatus) {

    public CallCounts {
        byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
    }

    public long count(String status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** The exact sum of the counts of {@code statuses} (0 for a status the API did not send). */
    public BigInteger sum(Collection<String> statuses) {
        BigInteger sum = BigInteger.ZERO;
        for (String status : statuses) {
            sum = sum.add(BigInteger.valueOf(count(status)));
        }
        return sum;
    }

    /** The exact sum of every count in {@code by_status}. */
    public BigInteger sumOfStatuses() {
        return sum(byStatus.keySet());
    }

    /** True when the counts of {@code by_status} add up to more than {@code total}: the data contradicts itself. */
    public boolean isInconsistent() {
        return sumOfStatuses().compareTo(BigInteger.valueOf(total)) > 0;
    }
}
