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
 * The adaptive schedule with pollInterval 5 s and maxPollInterval 2 min: a quarter of the way to the end predicted
 * from the last four answers, doubling without progress, pollInterval once every queued call is made.
 */
class AdaptiveScheduleTest {

    private final PollSchedule.Adaptive schedule = new PollSchedule.Adaptive(Duration.ofSeconds(5),
            Duration.ofMinutes(2));

    /** {@code calls} made so far of {@code queued} queued in all (null: a queue does not say), at second {@code at}. */
    private Duration next(long at, long calls, Long queued) {
        CampaignStatus snapshot = new CampaignStatus(new Campaign(7L, "c", "active", true, 0, 60),
                new CallCounts(calls, Map.of("picked", calls)), List.of(new Upload(19, 1, 0, queued)));
        return schedule.next(snapshot, Duration.ofSeconds(at).toNanos());
    }

    @Test
    void first_answer_should_be_followed_by_pollInterval_when_there_is_no_rate_yet() {
        assertThat(next(0, 0, 1000L)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void pause_should_be_a_quarter_of_the_predicted_time_left_when_two_answers_show_progress() {
        next(0, 0, 1000L);
        // 100 calls in 10 s, 900 to go: 90 s left, a quarter of it
        assertThat(next(10, 100, 1000L)).isEqualTo(Duration.ofMillis(22_500));
    }

    @Test
    void rate_should_come_from_the_last_four_answers_when_there_are_more() {
        assertThat(next(0, 0, 1000L)).isEqualTo(Duration.ofSeconds(5));
        assertThat(next(10, 100, 1000L)).isEqualTo(Duration.ofMillis(22_500)); // 900 at 100 per 10 s
        assertThat(next(20, 100, 1000L)).isEqualTo(Duration.ofSeconds(45)); // 900 at 100 per 20 s
        assertThat(next(30, 100, 1000L)).isEqualTo(Duration.ofMillis(67_500)); // 900 at 100 per 30 s
        // the answer at 0 s leaves the window: 800 at 100 per 30 s (from 10 s)
        assertThat(next(40, 200, 1000L)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void pause_should_double_up_to_maxPollInterval_when_no_call_is_made() {
        assertThat(next(0, 100, 1000L)).isEqualTo(Duration.ofSeconds(5));
        assertThat(next(10, 100, 1000L)).isEqualTo(Duration.ofSeconds(10));
        assertThat(next(20, 100, 1000L)).isEqualTo(Duration.ofSeconds(20));
        assertThat(next(40, 100, 1000L)).isEqualTo(Duration.ofSeconds(40));
        assertThat(next(80, 100, 1000L)).isEqualTo(Duration.ofSeconds(80));
        assertThat(next(160, 100, 1000L)).isEqualTo(Duration.ofMinutes(2));
        assertThat(next(280, 100, 1000L)).isEqualTo(Duration.ofMinutes(2));
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
        assertThat(next(10, 100, null)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void queued_calls_beyond_a_long_should_be_treated_as_unknown_rather_than_wrapped() {
        // three uploads of Long.MAX_VALUE queued calls: 2^64 + 2^63 - 3 in all, whose low 64 bits are a positive long
        List<Upload> huge = List.of(new Upload(19, 1, 0, Long.MAX_VALUE), new Upload(20, 1, 0, Long.MAX_VALUE),
                new Upload(21, 1, 0, Long.MAX_VALUE));
        Campaign campaign = new Campaign(7L, "c", "active", true, 0, 60);
        schedule.next(new CampaignStatus(campaign, new CallCounts(0, Map.of()), huge), 0);
        Duration pause = schedule.next(new CampaignStatus(campaign, new CallCounts(100, Map.of("picked", 100L)), huge),
                Duration.ofSeconds(10).toNanos());
        assertThat(pause).as("polls at pollInterval, as when the expected end is unknown").isEqualTo(Duration.ofSeconds(5));
    }
}
