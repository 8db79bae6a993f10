package ai.osvi.gate.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.Gate;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.ScriptedSource;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.log.Style;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.Timeline;
import ai.osvi.gate.report.ci.StepSummary;
import ai.osvi.gate.result.CampaignResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The course of the wait where no image shows: the log's verdict block and the GitHub step summary. */
class SparklineTest {

    private final TestConfig config = new TestConfig();

    /** 100 to 800 calls, the failed ratio rising by 5 points a poll from 0% to 35%. */
    private static Timeline rising() {
        long[] failed = {0, 10, 30, 60, 100, 150, 210, 280};
        List<Timeline.Point> points = new ArrayList<>();
        for (int i = 0; i < failed.length; i++) {
            long total = 100L * (i + 1);
            points.add(new Timeline.Point(
                    Duration.ofSeconds(15L * i),
                    0,
                    2,
                    new CallCounts(total, Map.of("picked", total - failed[i], "failed", failed[i]))));
        }
        return new Timeline(points, 0);
    }

    private GateConfig failedAtMost5Percent() {
        config.maxFailureRatio = "5%";
        return config.parse();
    }

    @Test
    void a_known_series_should_climb_the_eight_blocks() {
        assertThat(Sparkline.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, true)).isEqualTo("▁▂▃▄▅▆▇█");
        assertThat(Sparkline.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, false)).isEqualTo("_.:-=+*#");
        assertThat(Sparkline.of(new double[] {0, 0, 0}, true)).isEqualTo("▁▁▁");
        // one failed call in a thousand polls' worth still shows above the floor
        assertThat(Sparkline.of(new double[] {0, 0.001, 1000}, true)).isEqualTo("▁▂█");
    }

    @Test
    void the_lines_should_give_the_failed_ratio_and_the_calls_with_first_and_last_values() {
        GateConfig parsed = failedAtMost5Percent();

        assertThat(Sparkline.lines(rising(), parsed, true))
                .containsExactly("failed ratio   0% ▁▂▃▄▅▆▇█ 35%  limit <= 5% at ▂", "calls         100 ▂▃▄▅▆▇██ 800");
        assertThat(Sparkline.lines(rising(), parsed, false))
                .containsExactly("failed ratio   0% _.:-=+*# 35%  limit <= 5% at .", "calls         100 .:-=+*## 800");
    }

    @Test
    void the_failed_ratio_should_count_the_failure_statuses_and_never_round_to_a_pass() {
        config.maxFailureRatio = "5%";
        config.failureStatuses = "failed,not_picked";
        List<Timeline.Point> points = List.of(
                new Timeline.Point(Duration.ZERO, 0, 1, new CallCounts(0, Map.of())),
                new Timeline.Point(
                        Duration.ofSeconds(15),
                        1,
                        1,
                        new CallCounts(10_000, Map.of("picked", 9_499L, "failed", 300L, "not_picked", 201L))));

        assertThat(Sparkline.lines(new Timeline(points, 0), config.parse(), true))
                .containsExactly(
                        // no ratio without calls: a gap, and the first value is the first with calls
                        "failed+not_picked ratio  5.01%  █ 5.01%  limit <= 5% at █",
                        "calls                        0 ▁█ 10000");
    }

    @Test
    void a_long_wait_should_fit_in_40_characters_with_its_true_first_and_last_values() {
        List<Timeline.Point> points = new ArrayList<>();
        for (int i = 0; i <= 400; i++) {
            points.add(new Timeline.Point(
                    Duration.ofSeconds(15L * i), 0, 1, new CallCounts(i, Map.of("failed", (long) i / 10))));
        }

        List<String> lines = Sparkline.lines(new Timeline(points, 0), failedAtMost5Percent(), true);

        // 40 characters, each the last snapshot at or before its time
        assertThat(lines.get(1))
                .isEqualTo("calls           0 ▁" + "▂".repeat(5) + "▃".repeat(6) + "▄".repeat(5) + "▅".repeat(6)
                        + "▆".repeat(5) + "▇".repeat(6) + "█".repeat(6) + " 400");
        assertThat(lines.get(0)).startsWith("failed ratio  10%  ").endsWith(" 10%  limit <= 5% at ▅");
    }

    @Test
    void a_single_snapshot_should_draw_no_line() {
        Timeline one = new Timeline(List.of(rising().points().get(0)), 0);

        assertThat(Sparkline.lines(one, failedAtMost5Percent(), true)).isEmpty();
    }

    private CampaignResult gate(GateLog log) {
        FakeTime time = new FakeTime();
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active().queues(19, false, false).calls("picked", 0, "failed", 0))
                .then(Snapshots.active().queues(19, true, false).calls("picked", 80, "failed", 20))
                .then(Snapshots.active().queues(19, true, true).calls("picked", 140, "failed", 60));
        return new Gate(failedAtMost5Percent(), source, time, log, new AbortSignal(), () -> 0).run();
    }

    @Test
    void the_verdict_block_should_show_the_course_before_its_last_line() {
        RecordingLog log = new RecordingLog();

        gate(log);

        List<String> lines = log.lines;
        int course = lines.indexOf("INFO Course of the wait, 3 snapshots:");
        assertThat(course).isPositive();
        assertThat(lines.subList(course + 1, course + 3))
                .containsExactly(
                        "INFO   failed ratio  20%  ▆█ 30%  limit <= 5% at ▃", "INFO   calls           0 ▁▅█ 200");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("ERROR OSVI gate: FAIL campaign 7: 1 of 1 rule breached on" + " 200 calls");
    }

    @Test
    void a_console_that_cannot_show_blocks_should_get_ascii() {
        RecordingLog recording = new RecordingLog();
        GateLog ascii = new GateLog() {
            @Override
            public void info(String message) {
                recording.info(message);
            }

            @Override
            public void warn(String message) {
                recording.warn(message);
            }

            @Override
            public void error(String message) {
                recording.error(message);
            }

            @Override
            public void debug(String message) {
                recording.debug(message);
            }

            @Override
            public Style style() {
                return Style.PLAIN.withUnicode(false);
            }
        };

        gate(ascii);

        assertThat(recording.lines)
                .contains("INFO   failed ratio  20%  +# 30%  limit <= 5% at :", "INFO   calls           0 _=# 200");
        assertThat(recording.text()).doesNotContainPattern("[\u2581-\u2588]");
    }

    @Test
    void the_step_summary_should_show_the_course_in_unicode_whatever_the_console() {
        CampaignResult result = gate(new RecordingLog());

        String markdown = StepSummary.markdown(result, config.parse(), null);

        assertThat(markdown)
                .contains("\nCourse of the wait, 3 snapshots:\n\n```text\n"
                        + "failed ratio  20%  ▆█ 30%  limit <= 5% at ▃\n"
                        + "calls           0 ▁▅█ 200\n"
                        + "```\n");
    }

    @Test
    void each_rule_should_have_its_own_line_over_its_own_statuses() {
        config.thresholds = List.of("picked >= 80%");

        List<String> lines = Sparkline.lines(rising(), config.parse(), true);

        // picked falls from 100% to 65% against a minimum of 80%: no "failed ratio" line for a gate without that rule
        assertThat(lines)
                .containsExactly(
                        "picked ratio  100% ███▇▇▇▆▆ 65%  limit >= 80% at ▇", "calls          100 ▂▃▄▅▆▇██ 800");
    }
}
