package ai.osvi.gate.report;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.polling.Timeline;
import ai.osvi.gate.rules.Rule;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the chart, the log's sparklines and the step summary all say of the course of a wait. */
public final class WaitCourse {

    private WaitCourse() {}

    /**
     * The statuses the chart and the sparklines count as failed: those of {@code maxFailureRatio}'s rule
     * ({@code failureStatuses}); without it, those of every upper-bound rule; without any, {@code failed}.
     */
    public static List<String> failureStatuses(GateConfig config) {
        for (Rule rule : config.rules()) {
            if (rule.origin().equals("maxFailureRatio")) {
                return rule.statuses();
            }
        }
        Set<String> statuses = new LinkedHashSet<>();
        config.rules().stream()
                .filter(rule -> rule.operator().isUpperBound())
                .forEach(rule -> statuses.addAll(rule.statuses()));
        return statuses.isEmpty() ? List.of("failed") : List.copyOf(statuses);
    }

    /** The calls of {@code calls} in {@code statuses}, never more than the total (the API may contradict itself). */
    public static long failedCalls(CallCounts calls, List<String> statuses) {
        BigInteger sum = calls.sum(statuses);
        return sum.compareTo(BigInteger.valueOf(calls.total())) > 0 ? Math.max(0, calls.total()) : sum.longValue();
    }

    /** "9 snapshots", or for a thinned timeline "314 of 5000 snapshots". */
    public static String snapshots(Timeline timeline) {
        int kept = timeline.points().size();
        return timeline.dropped() > 0
                ? kept + " of " + (kept + timeline.dropped()) + " snapshots"
                : kept + (kept == 1 ? " snapshot" : " snapshots");
    }
}
