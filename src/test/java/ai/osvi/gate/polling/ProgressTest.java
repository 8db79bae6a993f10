package ai.osvi.gate.polling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The text of progress lines: calls made of those queued, and the time left as people say it. */
class ProgressTest {

    private static CampaignStatus snapshot(long calls, Upload... uploads) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        byStatus.put("picked", calls - calls / 10);
        byStatus.put("failed", calls / 10);
        return new CampaignStatus(
                new Campaign(7L, "c", "active", false, null, null), new CallCounts(calls, byStatus), List.of(uploads));
    }

    @Test
    void line_should_give_the_calls_made_of_those_queued_in_digits_as_every_report_does() {
        assertThat(Progress.line(
                        snapshot(12_340, new Upload(19, 4, 1, 20_000L), new Upload(20, 2, 0, 10_000L)),
                        OptionalLong.empty()))
                .isEqualTo("queues 1/6 completed, 12340/30000 calls, 41% (picked 11106, failed 1234)");
    }

    @Test
    void line_should_round_the_share_down_so_that_100_percent_means_every_call_made() {
        assertThat(Progress.line(snapshot(999, new Upload(19, 4, 3, 1000L)), OptionalLong.empty()))
                .startsWith("queues 3/4 completed, 999/1000 calls, 99% (");
    }

    @Test
    void line_should_give_the_calls_alone_when_a_queue_does_not_say_how_many_are_queued() {
        assertThat(Progress.line(snapshot(1500, new Upload(19, 4, 1, null)), OptionalLong.empty()))
                .isEqualTo("queues 1/4 completed, 1500 calls (picked 1350, failed 150)");
    }

    @Test
    void line_should_show_more_calls_than_queued_as_they_are() {
        // calls.total counts every call made: with retries it may pass the calls queued
        assertThat(Progress.line(snapshot(1050, new Upload(19, 4, 4, 1000L)), OptionalLong.empty()))
                .startsWith("queues 4/4 completed, 1050/1000 calls, 105% (");
    }

    @Test
    void describe_should_stay_as_it_was_for_messages_and_reports() {
        assertThat(Progress.describe(snapshot(1500, new Upload(19, 4, 1, 2000L)), OptionalLong.empty()))
                .isEqualTo("queues 1/4 completed, 1500 calls (picked 1350, failed 150)");
    }

    @Test
    void time_left_should_be_rounded_as_people_say_it() {
        // within 20 % or 2 s at short scale: 2 s is not "about 10 s"
        assertThat(Progress.timeLeft(Duration.ofSeconds(2))).isEqualTo("about 2 s left");
        assertThat(Progress.timeLeft(Duration.ofSeconds(3))).isEqualTo("about 3 s left");
        assertThat(Progress.timeLeft(Duration.ofSeconds(12))).isEqualTo("about 10 s left");
        assertThat(Progress.timeLeft(Duration.ofSeconds(44))).isEqualTo("about 45 s left");
        assertThat(Progress.timeLeft(Duration.ofSeconds(50))).isEqualTo("about 50 s left");
        assertThat(Progress.timeLeft(Duration.ofSeconds(58))).isEqualTo("about 1 min left");
        assertThat(Progress.timeLeft(Duration.ofSeconds(100))).isEqualTo("about 1 min 30 s left");
        assertThat(Progress.timeLeft(Duration.ofSeconds(130))).isEqualTo("about 2 min left");
        assertThat(Progress.timeLeft(Duration.ofSeconds(9 * 60 + 50))).isEqualTo("about 10 min left");
        assertThat(Progress.timeLeft(Duration.ofSeconds(1470))).isEqualTo("about 25 min left");
        assertThat(Progress.timeLeft(Duration.ofMinutes(59).plusSeconds(40))).isEqualTo("about 1 h left");
        assertThat(Progress.timeLeft(Duration.ofMinutes(72))).isEqualTo("about 1 h 10 min left");
        assertThat(Progress.timeLeft(Duration.ofHours(26).plusMinutes(58))).isEqualTo("about 27 h left");
    }
}
