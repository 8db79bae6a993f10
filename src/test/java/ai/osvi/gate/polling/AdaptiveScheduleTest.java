package ai.osvi.gate.polling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The adaptive schedule with pollInterval 5 s and maxPollInterval 2 min: half the time to the earliest end (the calls
 * still to make, less the last batch, at the fastest pace of the last four intervals with progress), pollInterval
 * when nothing bounds the end.
 */
class AdaptiveScheduleTest {

    private final PollSchedule.Adaptive schedule =
            new PollSchedule.Adaptive(Duration.ofSeconds(5), Duration.ofMinutes(2));

    /** {@code calls} made so far of {@code queued} queued in all (null: a queue does not say), at second {@code at}. */
    private Duration next(long at, long calls, Long queued) {
        CampaignStatus snapshot = new CampaignStatus(
                new Campaign(7L, "c", "active", true, 0, 60),
                new CallCounts(calls, Map.of("picked", calls)),
                List.of(new Upload(19, 1, 0, queued)));
        return schedule.next(snapshot, Duration.ofSeconds(at).toNanos());
    }

    @Test
    void pause_should_be_pollInterval_until_two_intervals_show_progress() {
        assertThat(next(0, 0, 1000L)).isEqualTo(Duration.ofSeconds(5));
        // the campaign may have started calling anywhere in the first interval: its pace says little
        assertThat(next(10, 100, 1000L)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void pause_should_be_half_the_time_to_the_earliest_end_when_two_intervals_show_progress() {
        next(0, 0, 1000L);
        next(10, 100, 1000L);
        // 800 to go, less the last batch of 100 (it may have come at once), at 10 calls/s: 70 s, half of it
        assertThat(next(20, 200, 1000L)).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void pace_should_be_the_fastest_of_the_last_four_intervals_with_progress() {
        next(0, 0, 1000L);
        next(10, 100, 1000L); // 10 calls/s
        next(20, 150, 1000L); // 5 calls/s from here on
        next(30, 200, 1000L);
        // 750 to go, less 50, at 10 calls/s: 70 s
        assertThat(next(40, 250, 1000L)).isEqualTo(Duration.ofSeconds(35));
        // the 10 calls/s interval leaves the window: 700 to go, less 50, at 5 calls/s: 130 s
        assertThat(next(50, 300, 1000L)).isEqualTo(Duration.ofSeconds(65));
    }

    @Test
    void pause_should_stay_as_it_was_while_no_call_is_made() {
        next(0, 0, 1000L);
        next(10, 100, 1000L);
        assertThat(next(20, 200, 1000L)).isEqualTo(Duration.ofSeconds(35));
        // a retry delay: the campaign may resume at its pace at any moment, so the pause does not grow
        assertThat(next(55, 200, 1000L)).isEqualTo(Duration.ofSeconds(35));
        assertThat(next(90, 200, 1000L)).isEqualTo(Duration.ofSeconds(35));
        assertThat(next(125, 200, 1000L)).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void pause_should_be_maxPollInterval_at_most_when_the_end_is_far() {
        next(0, 0, 3200L);
        next(10, 100, 3200L);
        // 2,900 to go at 10 calls/s: 290 s, half of it beyond 2 min
        assertThat(next(20, 200, 3200L)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void pause_should_be_pollInterval_when_the_last_batch_could_finish_the_campaign() {
        next(0, 0, 1000L);
        next(20, 200, 1000L);
        // 400 to go, as many as the last batch: they may come at once, the campaign may end at any moment
        assertThat(next(60, 600, 1000L)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void pause_should_be_pollInterval_when_every_queued_call_is_made_even_without_progress() {
        assertThat(next(0, 1000, 1000L)).isEqualTo(Duration.ofSeconds(5));
        assertThat(next(10, 1000, 1000L)).isEqualTo(Duration.ofSeconds(5));
        assertThat(next(20, 1000, 1000L)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void pause_should_be_pollInterval_when_the_queues_do_not_say_how_many_calls_are_queued() {
        next(0, 0, null);
        next(10, 100, null);
        assertThat(next(20, 200, null)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void queued_calls_beyond_a_long_should_be_treated_as_unknown_rather_than_wrapped() {
        // three uploads of Long.MAX_VALUE queued calls: 2^64 + 2^63 - 3 in all, whose low 64 bits are a positive long
        List<Upload> huge = List.of(
                new Upload(19, 1, 0, Long.MAX_VALUE),
                new Upload(20, 1, 0, Long.MAX_VALUE),
                new Upload(21, 1, 0, Long.MAX_VALUE));
        Campaign campaign = new Campaign(7L, "c", "active", true, 0, 60);
        schedule.next(new CampaignStatus(campaign, new CallCounts(0, Map.of()), huge), 0);
        schedule.next(
                new CampaignStatus(campaign, new CallCounts(100, Map.of("picked", 100L)), huge),
                Duration.ofSeconds(10).toNanos());
        Duration pause = schedule.next(
                new CampaignStatus(campaign, new CallCounts(200, Map.of("picked", 200L)), huge),
                Duration.ofSeconds(20).toNanos());
        assertThat(pause)
                .as("polls at pollInterval, as when the expected end is unknown")
                .isEqualTo(Duration.ofSeconds(5));
    }
}
