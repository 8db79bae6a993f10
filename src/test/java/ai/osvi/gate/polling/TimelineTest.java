package ai.osvi.gate.polling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.ScriptedSource;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.client.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The course of a wait: a point per snapshot received, bounded for a wait of days. */
class TimelineTest {

    private static long seconds(Timeline.Point point) {
        return point.elapsed().toSeconds();
    }

    @Test
    void every_snapshot_received_should_add_a_point_and_a_failed_poll_none() {
        FakeTime time = new FakeTime();
        TestConfig config = new TestConfig();
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active().queues(19, false, false).calls("picked", 0))
                .then(ApiException.transientFault("HTTP 503"))
                .then(Snapshots.active().queues(19, true, false).calls("picked", 8, "failed", 2))
                .then(Snapshots.active().queues(19, true, true).calls("picked", 15, "failed", 5));

        WaitResult wait = new CampaignWaiter(
                        config.parse(), source, time, new RecordingLog(), new AbortSignal(), () -> 0)
                .await();

        assertThat(wait.outcome()).isEqualTo(WaitResult.Outcome.COMPLETED);
        List<Timeline.Point> points = wait.timeline().points();
        assertThat(points).extracting(TimelineTest::seconds).containsExactly(0L, 30L, 45L);
        assertThat(points).extracting(Timeline.Point::queuesCompleted).containsExactly(0, 1, 2);
        assertThat(points).extracting(Timeline.Point::queuesAwaited).containsExactly(2, 2, 2);
        assertThat(points).extracting(point -> point.calls().total()).containsExactly(0L, 10L, 20L);
        assertThat(points.get(2).calls().byStatus())
                .containsEntry("picked", 15L)
                .containsEntry("failed", 5L);
        assertThat(points.get(2).calls()).isEqualTo(wait.lastSnapshot().calls());
        assertThat(wait.timeline().dropped()).isZero();
    }

    @Test
    void a_wait_of_days_should_keep_at_most_500_points_the_first_and_the_last_among_them() {
        Timeline.Recorder recorder = new Timeline.Recorder(OptionalLong.empty());
        int polls = 3 * 24 * 3600 / 15 + 7; // three days at 15 s
        for (int i = 0; i < polls; i++) {
            recorder.add(
                    (long) i * 15_000_000_000L,
                    Snapshots.active().queues(19, false).calls("picked", i).build());
        }

        Timeline timeline = recorder.timeline();

        assertThat(timeline.points())
                .hasSizeLessThanOrEqualTo(Timeline.MAX_POINTS)
                .hasSizeGreaterThanOrEqualTo(Timeline.MAX_POINTS / 2);
        assertThat(timeline.dropped()).isEqualTo(polls - timeline.points().size());
        assertThat(timeline.points().get(0).calls().total()).isZero();
        assertThat(timeline.points().get(timeline.points().size() - 1).calls().total())
                .isEqualTo(polls - 1);
        assertThat(timeline.points())
                .extracting(point -> point.calls().total())
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void thinning_should_keep_the_points_spread_evenly_over_the_whole_wait() {
        Timeline.Recorder recorder = new Timeline.Recorder(8, OptionalLong.empty());
        for (int i = 0; i < 9; i++) {
            recorder.add(
                    Duration.ofSeconds(i).toNanos(),
                    Snapshots.active().calls("picked", i).build());
        }

        // full at 7 points and the latest (0..7): every other one goes, then every 2nd snapshot is kept
        assertThat(recorder.timeline().points())
                .extracting(TimelineTest::seconds)
                .containsExactly(0L, 2L, 4L, 6L, 8L);
        assertThat(recorder.timeline().dropped()).isEqualTo(4);

        for (int i = 9; i < 40; i++) {
            recorder.add(
                    Duration.ofSeconds(i).toNanos(),
                    Snapshots.active().calls("picked", i).build());
        }

        // the early course as finely kept as the late one, and the last snapshot whatever the step
        assertThat(recorder.timeline().points())
                .extracting(TimelineTest::seconds)
                .containsExactly(0L, 8L, 16L, 24L, 32L, 39L);
        assertThat(recorder.timeline().dropped()).isEqualTo(40 - 6);
    }

    @Test
    void the_smallest_timeline_should_keep_the_first_and_the_latest_snapshot() {
        Timeline.Recorder recorder = new Timeline.Recorder(3, OptionalLong.empty());
        for (int i = 0; i < 5; i++) {
            recorder.add(
                    Duration.ofSeconds(i).toNanos(),
                    Snapshots.active().calls("picked", i).build());
        }

        assertThat(recorder.timeline().points())
                .extracting(TimelineTest::seconds)
                .containsExactly(0L, 4L);
    }

    @Test
    void a_full_timeline_should_thin_before_the_latest_point_takes_its_last_place() {
        Timeline.Recorder recorder = new Timeline.Recorder(8, OptionalLong.empty());
        for (int i = 0; i < 8; i++) {
            recorder.add(
                    Duration.ofSeconds(i).toNanos(),
                    Snapshots.active().calls("picked", i).build());
        }

        assertThat(recorder.timeline().points())
                .extracting(TimelineTest::seconds)
                .containsExactly(0L, 2L, 4L, 6L, 7L);
    }
}
