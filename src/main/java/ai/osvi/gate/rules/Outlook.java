package ai.osvi.gate.rules;

import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the calls still to come can do to the counts of a snapshot, so that a rule is called held or breached only
 * when no way of completing the campaign could change it.
 * <ul>
 * <li>A completed campaign makes no more calls: every count of {@code by_status} is final. Only the calls that no
 * status accounts for ({@code calls.total} minus the sum of {@code by_status}) could be in any status.</li>
 * <li>Before completion, counts of {@code picked} and {@code failed} only grow. {@code not_picked} calls may still be
 * retried into another status unless the campaign says retries are off. Calls in a status the API does not document
 * (e.g. one still in progress) and calls that no status accounts for may end in any status. The campaign makes at most
 * {@code total_queued} calls per queue, times {@code 1 + retry_threshold} when retries may happen; without that
 * bound (a queue that does not say, an upload without queues, retries without a threshold) nothing is certain.</li>
 * </ul>
 *
 * @param complete       whether the campaign completed
 * @param maxFinalTotal  the most calls the campaign can make in all, before completion; {@code null} when unknown
 * @param finalStatuses  the statuses whose counts can no longer decrease
 */
public record Outlook(boolean complete, BigInteger maxFinalTotal, Set<String> finalStatuses) {

    /** The statuses the API reference documents. */
    public static final List<String> DOCUMENTED_STATUSES = List.of("picked", "not_picked", "failed");

    public Outlook {
        finalStatuses = Set.copyOf(finalStatuses);
    }

    /** The outlook of a completed campaign: every count it reported is final. */
    public static Outlook completed(CallCounts calls) {
        return new Outlook(true, null, calls.byStatus().keySet());
    }

    /** The outlook of {@code snapshot}: completed when every awaited queue of {@code uploadId} (or all) completed. */
    public static Outlook of(CampaignStatus snapshot, OptionalLong uploadId) {
        if (snapshot.isComplete(uploadId)) {
            return completed(snapshot.calls());
        }
        Set<String> finals = new HashSet<>(List.of("picked", "failed"));
        if (Boolean.FALSE.equals(snapshot.campaign().retryEnabled())) {
            finals.add("not_picked");
        }
        return new Outlook(false, maxPossibleCalls(snapshot).orElse(null), finals);
    }

    /**
     * The most calls the campaign can make in all, or empty when the snapshot does not say enough: a queue without
     * {@code total_queued}, an upload without queues (its calls are unknown), or retries that may happen without a
     * {@code retry_threshold}.
     */
    public static Optional<BigInteger> maxPossibleCalls(CampaignStatus snapshot) {
        if (snapshot.uploads().isEmpty()
                || snapshot.uploads().stream().mapToInt(Upload::queues).anyMatch(q -> q == 0)) {
            return Optional.empty();
        }
        Optional<BigInteger> total = snapshot.totalQueued();
        if (total.isEmpty() || total.get().signum() == 0) {
            return Optional.empty();
        }
        Campaign campaign = snapshot.campaign();
        BigInteger attempts = BigInteger.ONE;
        if (!Boolean.FALSE.equals(campaign.retryEnabled())) {
            // Retries on, or not said: the bound needs to know how many there may be.
            if (campaign.retryThreshold() == null || campaign.retryThreshold() < 0) {
                return Optional.empty();
            }
            attempts = attempts.add(BigInteger.valueOf(campaign.retryThreshold()));
        }
        return Optional.of(total.get().multiply(attempts));
    }

    /** The calls of {@code calls} whose status may still change: those of no final status, or of none at all. */
    BigInteger movableCalls(CallCounts calls) {
        return BigInteger.valueOf(calls.total())
                .subtract(calls.sum(finalStatuses.stream()
                        .filter(calls.byStatus()::containsKey)
                        .toList()));
    }
}
