package ai.osvi.gate.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.ScriptedSource;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.TimedCampaign;
import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the log says while the gate waits: a line at least every minute, however long the pause; each with the queues
 * completed, the calls made of those queued, the time left when the campaign's pace supports a figure, and when the
 * next poll comes.
 */
class WaitLinesTest {

    private final FakeTime time = new FakeTime();
    private final TestConfig config = new TestConfig();
    /** Every line, with the second of the wait it came at. */
    private final List<String> lines = new ArrayList<>();

    private final List<Double> at = new ArrayList<>();

    private final GateLog log = new GateLog() {
        private void line(String level, String message) {
            lines.add(level + " " + message);
            at.add(time.elapsed().toNanos() / 1e9);
        }

        @Override
        public void info(String message) {
            line("INFO", message);
        }

        @Override
        public void warn(String message) {
            line("WARN", message);
        }

        @Override
        public void error(String message) {
            line("ERROR", message);
        }

        @Override
        public void debug(String message) {}
    };

    private WaitResult await(StatusSource source) {
        return new CampaignWaiter(config.parse(), source, time, log, new AbortSignal(), () -> 0).await();
    }

    private static CampaignStatus snapshot(long calls, int completedQueues) {
        return new CampaignStatus(
                new Campaign(7L, "June Renewals", "active", false, null, null),
                new CallCounts(calls, Map.of("picked", calls)),
                List.of(new Upload(19, 4, completedQueues, 1000L)));
    }

    @Test
    void a_line_should_come_at_least_every_minute_when_pauses_are_longer() {
        config.pollStrategy = "adaptive";
        config.timeout = "2h";
        TimedCampaign campaign = new TimedCampaign(time, TimedCampaign.LINEAR, Duration.ofHours(1), Duration.ZERO);

        await(campaign);

        assertThat(campaign.polls())
                .as("polls over an hour, most of them 2 min apart")
                .isLessThan(60);
        double longest = 0;
        for (int i = 1; i < at.size(); i++) {
            longest = Math.max(longest, at.get(i) - at.get(i - 1));
        }
        // a minute, plus the request when the minute ends during one
        assertThat(longest).as("longest silence, in seconds").isLessThanOrEqualTo(60.1 + 1e-6);
    }

    @Test
    void lines_should_say_how_far_along_how_long_is_left_and_when_the_next_poll_is() {
        config.pollStrategy = "adaptive";
        // 10 calls every 15 s: far from the end, the pause grows to 2 min
        ScriptedSource source = new ScriptedSource(time)
                .then(snapshot(0, 0))
                .then(snapshot(10, 0))
                .then(snapshot(20, 0))
                .then(snapshot(40, 0))
                .then(snapshot(1000, 4));

        await(source);

        assertThat(lines)
                .containsExactly(
                        "INFO campaign 7: queues 0/4 completed, 0/1000 calls, 0% (picked 0), elapsed 0s, next poll in 15s",
                        // one interval with progress: the campaign may have started anywhere in it, no figure yet
                        "INFO campaign 7: queues 0/4 completed, 10/1000 calls, 1% (picked 10), elapsed 15s, next poll in 15s",
                        // 980 calls at 10 per 15 s: 24 min 30 s
                        "INFO campaign 7: queues 0/4 completed, 20/1000 calls, 2% (picked 20), elapsed 30s, about 25 min left,"
                                + " next poll in 2m",
                        "INFO campaign 7: still waiting, queues 0/4 completed, 20/1000 calls, 2% (picked 20), elapsed 1m30s,"
                                + " last poll 1m ago, about 24 min left, next poll in 1m",
                        // 20 calls in 2 min after 10 every 15 s: the pace fell to a quarter, no figure
                        "INFO campaign 7: queues 0/4 completed, 40/1000 calls, 4% (picked 40), elapsed 2m30s,"
                                + " next poll in 2m",
                        "INFO campaign 7: still waiting, queues 0/4 completed, 40/1000 calls, 4% (picked 40),"
                                + " elapsed 3m30s, last poll 1m ago, next poll in 1m",
                        "INFO campaign 7: queues 4/4 completed, 1000/1000 calls, 100% (picked 1000), elapsed 4m30s");
    }

    @Test
    void lines_should_keep_coming_while_a_retry_after_runs_and_say_the_last_poll_failed() {
        ScriptedSource source = new ScriptedSource(time)
                .then(ApiException.transientFault("HTTP 503 Service Unavailable", Duration.ofSeconds(150)))
                .then(snapshot(0, 0))
                .then(ApiException.transientFault("HTTP 503 Service Unavailable", Duration.ofSeconds(100)))
                .then(snapshot(1000, 4));

        await(source);

        assertThat(lines)
                .containsExactly(
                        "WARN campaign 7: poll failed (1 in a row, the wait ends at 5): HTTP 503 Service Unavailable;"
                                + " next poll in 2m30s",
                        "INFO campaign 7: still waiting, no answer yet, elapsed 50s, last poll failed, next poll in 1m40s",
                        "INFO campaign 7: still waiting, no answer yet, elapsed 1m40s, last poll failed, next poll in 50s",
                        "INFO campaign 7: queues 0/4 completed, 0/1000 calls, 0% (picked 0), elapsed 2m30s,"
                                + " next poll in 15s",
                        "WARN campaign 7: poll failed (1 in a row, the wait ends at 5): HTTP 503 Service Unavailable;"
                                + " next poll in 1m40s",
                        "INFO campaign 7: still waiting, queues 0/4 completed, 0/1000 calls, 0% (picked 0), elapsed 3m35s,"
                                + " last poll failed, next poll in 50s",
                        "INFO campaign 7: queues 4/4 completed, 1000/1000 calls, 100% (picked 1000), elapsed 4m25s");
    }

    @Test
    void lines_should_say_when_the_timeout_comes_before_the_next_poll() {
        config.timeout = "20s";
        ScriptedSource source = new ScriptedSource(time).then(snapshot(0, 0)).then(snapshot(10, 0));

        await(source);

        assertThat(lines)
                .containsExactly(
                        "INFO campaign 7: queues 0/4 completed, 0/1000 calls, 0% (picked 0), elapsed 0s, next poll in 15s",
                        "INFO campaign 7: queues 0/4 completed, 10/1000 calls, 1% (picked 10), elapsed 15s, timeout in 5s");
    }

    private static final Pattern LEFT = Pattern.compile("about (?:(\\d+) h)? ?(?:(\\d+) min)? ?(?:(\\d+) s)? left");

    /** The seconds of the line's "about ... left", or -1 without one. */
    private static double figure(String line) {
        Matcher matcher = LEFT.matcher(line);
        if (!matcher.find()) {
            return -1;
        }
        double seconds = 0;
        int[] units = {3600, 60, 1};
        for (int group = 1; group <= 3; group++) {
            if (matcher.group(group) != null) {
                seconds += Long.parseLong(matcher.group(group)) * units[group - 1];
            }
        }
        return seconds;
    }

    private static final Pattern CALLS = Pattern.compile("(\\d+)/1000 calls");

    private static final Pattern LAST_POLL = Pattern.compile(", last poll (?:(\\d+)m)?(?:(\\d+)s)? ago");

    /**
     * Each progress line of a campaign awaited with the defaults: {campaign second, true time left, figure or -1,
     * calls, the campaign second of the poll whose counts it gives}.
     */
    private List<double[]> figures(DoubleUnaryOperator shape, Duration length, int offsetSeconds) {
        config.pollStrategy = "adaptive";
        config.timeout = "2h";
        TimedCampaign campaign = new TimedCampaign(time, shape, length, Duration.ofSeconds(offsetSeconds));
        List<double[]> figures = new ArrayList<>();
        GateLog reading = new GateLog() {
            @Override
            public void info(String message) {
                Matcher calls = CALLS.matcher(message);
                assertThat(calls.find()).as(message).isTrue();
                Matcher ago = LAST_POLL.matcher(message);
                double polledAt = !ago.find()
                        ? campaign.now()
                        : campaign.now()
                                - 60 * (ago.group(1) == null ? 0 : Long.parseLong(ago.group(1)))
                                - (ago.group(2) == null ? 0 : Long.parseLong(ago.group(2)));
                figures.add(new double[] {
                    campaign.now(), campaign.left(), figure(message), Long.parseLong(calls.group(1)), polledAt
                });
            }

            @Override
            public void warn(String message) {}

            @Override
            public void error(String message) {}

            @Override
            public void debug(String message) {}
        };
        new CampaignWaiter(config.parse(), campaign, time, reading, new AbortSignal(), () -> 0).await();
        return figures;
    }

    @Test
    void time_left_on_a_linear_campaign_should_be_given_on_most_lines_and_be_close() {
        for (Duration length : List.of(Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofHours(1))) {
            for (int offset : new int[] {0, 7}) {
                List<double[]> lines = figures(TimedCampaign.LINEAR, length, offset);
                // after the first two intervals, before the completion line
                List<double[]> later = lines.subList(3, lines.size() - 1);
                assertThat(later)
                        .as("lines of a %s campaign with a figure", length)
                        .filteredOn(line -> line[2] >= 0)
                        .hasSizeGreaterThanOrEqualTo(later.size() * 3 / 4);
                assertThat(later)
                        .filteredOn(line -> line[2] >= 0)
                        .allSatisfy(line -> assertThat(line[2])
                                .as("figure at %.0f s of a %s campaign", line[0], length)
                                .isCloseTo(line[1], within(15 + 0.1 * line[1])));
            }
        }
    }

    @Test
    void time_left_should_be_given_only_once_a_long_tails_pace_is_steady_again() {
        // 90 % of the calls in 20 min, the last 100 over 40 min
        List<double[]> lines = figures(TimedCampaign.LONG_TAIL, Duration.ofHours(1), 0);

        // before the pace falls, the figure cannot foresee it; for 10 minutes after, no figure; then close ones
        assertThat(lines)
                .filteredOn(line -> line[0] > 1230 && line[0] < 1800)
                .allSatisfy(line ->
                        assertThat(line[2]).as("figure at %.0f s", line[0]).isEqualTo(-1));
        List<double[]> tail =
                lines.stream().filter(line -> line[0] > 2100 && line[1] > 0).toList();
        // a call every 24 s: a pace counted from 10 or so calls, give or take one
        assertThat(tail)
                .filteredOn(line -> line[2] >= 0)
                .hasSizeGreaterThanOrEqualTo(tail.size() * 3 / 4)
                .allSatisfy(line -> assertThat(line[2])
                        .as("figure at %.0f s", line[0])
                        .isCloseTo(line[1], within(20 + 0.15 * line[1])));
    }

    @Test
    void time_left_should_not_be_given_while_the_pace_keeps_falling_or_calling_has_paused() {
        for (Duration length : List.of(Duration.ofMinutes(10), Duration.ofHours(1))) {
            List<double[]> decaying = figures(TimedCampaign.DECAYING_TAIL, length, 0);
            assertThat(decaying)
                    .as("a decaying tail of %s, after its first tenth", length)
                    .filteredOn(line -> line[0] > length.toSeconds() / 10.0 && line[1] > 60)
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line[2]).isEqualTo(-1));
        }
        // no call from 40 % to 70 % of 10 minutes: once a poll has seen no progress, no figure until one sees some
        List<double[]> paused = figures(TimedCampaign.RETRY_PAUSE, Duration.ofMinutes(10), 0);
        // a poll without progress prints no line of its own: a later line gives its time as "last poll ... ago"
        List<double[]> stopped = new ArrayList<>();
        double[] lastPoll = null;
        boolean stalled = false;
        for (double[] line : paused) {
            if (lastPoll == null || line[4] > lastPoll[4] + 1) {
                stalled = lastPoll != null && line[3] == lastPoll[3];
                lastPoll = line;
            }
            if (stalled) {
                stopped.add(line);
            }
        }
        assertThat(stopped)
                .as("lines after a poll without progress")
                .isNotEmpty()
                .allSatisfy(line ->
                        assertThat(line[2]).as("figure at %.0f s", line[0]).isEqualTo(-1));
        assertThat(paused)
                .as("figures before the pause")
                .filteredOn(line -> line[0] < 240 && line[2] >= 0)
                .isNotEmpty();
    }
}
