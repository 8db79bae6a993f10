package ai.osvi.gate.polling;

import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The course of a wait: a point per snapshot received, oldest first. A wait of days would poll thousands of times, so
 * at most {@link #MAX_POINTS} are kept: when full, every other point is dropped and from then on only every other
 * snapshot is recorded, and so on, so the points stay spread evenly over the whole wait (every 2nd, 4th, 8th...
 * snapshot) and number between half of {@link #MAX_POINTS} and all of it. The first point and the last (the last
 * snapshot) are always kept.
 *
 * @param dropped     how many snapshots have no point
 * @param failedPolls when polls failed (an error, no snapshot), since the wait began: the first {@link #MAX_POINTS}
 */
public record Timeline(List<Point> points, long dropped, List<Duration> failedPolls) {

    public static final int MAX_POINTS = 500;

    public static final Timeline EMPTY = new Timeline(List.of(), 0);

    public Timeline {
        points = List.copyOf(points);
        failedPolls = failedPolls == null ? List.of() : List.copyOf(failedPolls);
    }

    public Timeline(List<Point> points, long dropped) {
        this(points, dropped, List.of());
    }

    /**
     * One snapshot.
     *
     * @param elapsed         since the wait began
     * @param queuesCompleted of the awaited queues
     * @param queuesAwaited   the awaited queues at that time (uploads may add some)
     * @param calls           the campaign's call counts
     * @param campaignStatus  the campaign's {@code status} ({@code active}, {@code inactive}), or {@code null}
     * @param uploads         every upload's queues, as the snapshot gave them: what a replay of the wait serves again
     */
    public record Point(
            Duration elapsed,
            int queuesCompleted,
            int queuesAwaited,
            CallCounts calls,
            String campaignStatus,
            List<Upload> uploads) {

        public Point {
            uploads = List.copyOf(uploads);
        }

        /** A point without what a replay needs, for a chart drawn from counts alone. */
        public Point(Duration elapsed, int queuesCompleted, int queuesAwaited, CallCounts calls) {
            this(elapsed, queuesCompleted, queuesAwaited, calls, null, List.of());
        }

        static Point of(Duration elapsed, CampaignStatus snapshot, OptionalLong uploadId) {
            return new Point(
                    elapsed,
                    snapshot.completedQueues(uploadId),
                    snapshot.awaitedQueues(uploadId),
                    snapshot.calls(),
                    snapshot.campaign().status(),
                    snapshot.uploads());
        }
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** Collects the points of one wait; not thread-safe (one waiter, one thread). */
    static final class Recorder {

        private final int capacity;
        private final OptionalLong uploadId;
        private List<Point> points = new ArrayList<>();
        private final List<Duration> failedPolls = new ArrayList<>();
        /** Points are kept for every {@code stride}-th snapshot (the first is the 0th). */
        private long stride = 1;

        private long seen;
        private Point latest;

        Recorder(OptionalLong uploadId) {
            this(MAX_POINTS, uploadId);
        }

        Recorder(int capacity, OptionalLong uploadId) {
            if (capacity < 3) {
                throw new IllegalArgumentException("a timeline needs room for at least 3 points, not " + capacity);
            }
            this.capacity = capacity;
            this.uploadId = uploadId;
        }

        void add(long elapsedNanos, CampaignStatus snapshot) {
            add(Point.of(Duration.ofNanos(elapsedNanos), snapshot, uploadId));
        }

        void add(Point point) {
            latest = point;
            if (seen % stride == 0 && points.size() >= capacity - 1) {
                // one place stays free for the latest point, whichever snapshot it is
                List<Point> kept = new ArrayList<>(capacity);
                for (int i = 0; i < points.size(); i += 2) {
                    kept.add(points.get(i));
                }
                points = kept;
                stride *= 2;
            }
            if (seen % stride == 0) {
                points.add(point);
            }
            seen++;
        }

        /** A poll that failed {@code elapsedNanos} into the wait. */
        void failed(long elapsedNanos) {
            if (failedPolls.size() < capacity) {
                failedPolls.add(Duration.ofNanos(elapsedNanos));
            }
        }

        Timeline timeline() {
            List<Point> all = new ArrayList<>(points);
            if (latest != null && (all.isEmpty() || all.get(all.size() - 1) != latest)) {
                all.add(latest);
            }
            return new Timeline(all, seen - all.size(), failedPolls);
        }
    }
}
