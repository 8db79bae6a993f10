package ai.osvi.gate.polling;

import ai.osvi.gate.model.CampaignStatus;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalLong;

/**
 * When the campaign will end, from its progress between good answers: the calls still to make (the queues'
 * {@code total_queued} less {@code calls.total}) at the pace of the recent intervals between two answers that showed
 * progress. Intervals without progress are left out: a campaign that pauses (a retry delay) may resume at its pace at
 * any moment. Nothing is estimated before two intervals with progress: the campaign may have started calling
 * anywhere within the first.
 */
final class Forecast {

    /** Intervals with progress that the pace is taken from. */
    static final int WINDOW = 4;
    /** How much the pace may change, either way, from the older recent intervals to the newer, for a figure. */
    static final double STEADY = 1.25;
    /** The fewest calls a pace shown to users is counted from: below, it is mostly counting noise. */
    static final long MIN_CALLS = 10;

    /** Calls made and nanoseconds taken, of the last 2 x {@link #WINDOW} intervals with progress, the newest last. */
    private final ArrayDeque<long[]> intervals = new ArrayDeque<>();

    private long previousNanos;
    private long previousCalls = -1;
    private long remaining = -1;
    private boolean progressed;

    /** Records the answer received at {@code nanos}. */
    void add(CampaignStatus snapshot, long nanos) {
        long calls = snapshot.calls().total();
        progressed = previousCalls >= 0 && calls > previousCalls && nanos - previousNanos > 0;
        if (progressed) {
            intervals.addLast(new long[] {calls - previousCalls, nanos - previousNanos});
            if (intervals.size() > 2 * WINDOW) {
                intervals.removeFirst();
            }
        }
        previousCalls = calls;
        previousNanos = nanos;
        // beyond a long, the expected end is too far to estimate
        long queued = snapshot.totalQueued()
                .filter(total -> total.bitLength() < 64)
                .map(BigInteger::longValue)
                .orElse(-1L);
        remaining = queued < 0 ? -1 : queued - calls;
    }

    /**
     * The expected time from the last answer to the end, for people: the calls still to make at the pace of the newer
     * half of the recent intervals with progress. Empty when the data cannot support a figure: no progress in the
     * last interval (the campaign may be paused for any time); a pace that is not steady, the newer half's more than
     * {@link #STEADY} times slower or faster than the older half's (in a tail the figure would be far too short);
     * either half counting fewer than {@link #MIN_CALLS} calls; or when {@link #earliest()} is empty.
     */
    OptionalLong expected() {
        int n = intervals.size();
        if (!progressed || n < 2 || remaining <= 0) {
            return OptionalLong.empty();
        }
        List<long[]> all = List.copyOf(intervals);
        List<long[]> older = all.subList(0, n / 2);
        List<long[]> newer = all.subList(n / 2, n);
        double pace = pace(newer);
        if (pace * STEADY < pace(older)
                || pace > pace(older) * STEADY
                || calls(older) < MIN_CALLS
                || calls(newer) < MIN_CALLS) {
            return OptionalLong.empty();
        }
        return nanos(remaining, pace);
    }

    /**
     * The earliest end, from the last answer, for the schedule: the calls still to make, less those of the last
     * interval with progress (they may all have come at once, just after the answer before it), at the fastest pace of
     * the last {@link #WINDOW} intervals with progress. A campaign that keeps its pace or slows down, as in a long
     * tail, ends later; one that pauses keeps this bound. Empty when nothing bounds the end: fewer than two intervals
     * with progress, no {@code total_queued}, or every queued call made (the end is then the queues' saying so).
     */
    OptionalLong earliest() {
        int n = intervals.size();
        if (n < 2 || remaining <= 0) {
            return OptionalLong.empty();
        }
        double fastest = 0;
        for (long[] interval : List.copyOf(intervals).subList(Math.max(0, n - WINDOW), n)) {
            fastest = Math.max(fastest, (double) interval[0] / interval[1]);
        }
        return nanos(Math.max(0, remaining - intervals.getLast()[0]), fastest);
    }

    /** Calls per nanosecond over {@code intervals}. */
    private static double pace(List<long[]> intervals) {
        return (double) calls(intervals)
                / intervals.stream().mapToLong(interval -> interval[1]).sum();
    }

    private static long calls(List<long[]> intervals) {
        return intervals.stream().mapToLong(interval -> interval[0]).sum();
    }

    private static OptionalLong nanos(long calls, double callsPerNano) {
        return OptionalLong.of((long) Math.min(Long.MAX_VALUE / 4, calls / callsPerNano));
    }
}
