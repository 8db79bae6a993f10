package ai.osvi.bench;

import ai.osvi.gate.Gate;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.RawGateConfig;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.result.CampaignResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wait as a user sees it with the default polling parameters, beside fixed polling at 15 s, in virtual time
 * (deterministic, about a second of CPU): time-driven campaigns of 1,000 calls in four queues of 250, of 3 min,
 * 10 min and 1 h, linear, with a long tail (a knee, or a pace that decays all along), with a retry pause, and the
 * surprises: a campaign that completes with 3 % of its calls made, one that stalls, one whose pace doubles. Each
 * campaign is awaited {@link #OFFSETS} times, the gate starting 0 to 14 s into it; each request takes
 * {@link #REQUEST_TIME} and sees the campaign as it is when it ends. Per row: the detection latency (campaign end to
 * verdict), the requests, the longest silence in the log, the error of the "about N left" figures against the true
 * time left (read from the last progress line at or before 25, 50 and 75 % of the campaign), and how many lines gave
 * a figure with the largest error of any. A Java main rather than a test: it asserts nothing, and runs only when
 * asked ({@code .ci/bench-polling}). Usage: {@code PollingBench out.md}.
 */
public final class PollingBench {

    static final long QUEUED = 1_000;
    static final int QUEUES = 4;
    static final Duration REQUEST_TIME = Duration.ofMillis(100);
    static final int OFFSETS = 15;
    static final double[] MARKS = {0.25, 0.5, 0.75};

    /** A campaign shape: the share of the calls made by a share of the campaign's duration. */
    record Shape(String name, DoubleUnaryOperator share) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("linear", x -> x),
            // 90 % of the calls in the first third, the last 10 % evenly over the rest
            new Shape("long tail", x -> x <= 1.0 / 3 ? 0.9 * 3 * x : 0.9 + 0.1 * (x - 1.0 / 3) * 1.5),
            // a pace that falls all along: 1 - e^(-5x), scaled to reach every call at the end (half of them by 14 %
            // of the time, 90 % by 46 %)
            new Shape("decaying tail", x -> (1 - Math.exp(-5 * x)) / (1 - Math.exp(-5))),
            // 60 % of the calls by 40 % of the time, none until 70 %, then the rest: a campaign's retry delay
            new Shape("retry pause", x -> x <= 0.4 ? 0.6 * x / 0.4 : x <= 0.7 ? 0.6 : 0.6 + 0.4 * (x - 0.7) / 0.3),
            // the surprises: 3 % of the calls evenly, then every queue completes (the other contacts could not be
            // reached)
            new Shape("early end (3 %)", x -> 0.03 * x),
            // half the calls in the first 30 % of the time, then none until the end, where every queue completes
            new Shape("stall", x -> x <= 0.3 ? x * 0.5 / 0.3 : 0.5),
            // a third of the calls in the first half, the rest in the second: the pace doubles halfway
            new Shape("doubling pace", x -> x <= 0.5 ? x * 2 / 3 : 1.0 / 3 + (x - 0.5) * 4 / 3));

    static final List<Duration> LENGTHS = List.of(Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofHours(1));

    /** {@code errors}: per mark, the absolute error in seconds and the true time left, or null without a figure. */
    record Run(double latency, int requests, double longestSilence, double[][] errors, double[] worst, int figures) {
    }

    /** Sleeping advances the clock at once. */
    static final class VirtualTime implements TimeSource {
        long nanos = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void sleep(Duration duration) {
            nanos += duration.toNanos();
        }
    }

    static Run run(Shape shape, Duration length, String strategy, double offset) {
        VirtualTime time = new VirtualTime();
        long zero = time.nanoTime();
        double end = length.toNanos() / 1e9;
        int[] requests = {0};
        StatusSource server = campaignId -> {
            requests[0]++;
            time.sleep(REQUEST_TIME);
            double t = offset + (time.nanoTime() - zero) / 1e9;
            // at its end every queue completes, with the calls the shape made by then: all, or fewer
            long calls = (long) Math.floor(QUEUED * shape.share().applyAsDouble(Math.min(1, t / end)) + 1e-9);
            int done = 0;
            for (int q = 0; q < QUEUES; q++) {
                done += t >= end || calls >= (q + 1) * (QUEUED / QUEUES) ? 1 : 0;
            }
            long failed = calls / 20;
            long notPicked = calls * 3 / 20;
            Map<String, Long> byStatus = new LinkedHashMap<>();
            byStatus.put("picked", calls - failed - notPicked);
            byStatus.put("not_picked", notPicked);
            byStatus.put("failed", failed);
            return new CampaignStatus(new Campaign(7L, shape.name(), "active", false, null, null),
                    new CallCounts(calls, byStatus), List.of(new Upload(19, QUEUES, done, QUEUED)));
        };
        List<double[]> lineTimes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        GateLog log = new GateLog() {
            private void line(String message) {
                lineTimes.add(new double[] {offset + (time.nanoTime() - zero) / 1e9});
                lines.add(message);
            }

            @Override
            public void info(String message) {
                line(message);
            }

            @Override
            public void warn(String message) {
                line(message);
            }

            @Override
            public void error(String message) {
                line(message);
            }

            @Override
            public void debug(String message) {
            }
        };
        RawGateConfig raw = new RawGateConfig();
        raw.campaignId = "7";
        raw.completionOnly = "true";
        raw.timeout = "3h";
        if (strategy.equals("fixed")) {
            raw.pollStrategy = "fixed";
        }
        GateConfig config;
        try {
            config = GateConfig.parse(raw);
        } catch (InvalidConfigurationException e) {
            throw new IllegalStateException(e);
        }
        CampaignResult result = new Gate(config, server, time, log, new AbortSignal(), () -> 0).awaitAndDecide();
        if (result.waitResult().lastSnapshot() == null || !result.waitResult().lastSnapshot().isComplete(config.uploadId())) {
            throw new IllegalStateException(shape.name() + " " + length + " " + strategy + ": not completed");
        }
        double detected = offset + (time.nanoTime() - zero) / 1e9;
        double silence = 0;
        double previous = offset;
        for (double[] at : lineTimes) {
            silence = Math.max(silence, at[0] - previous);
            previous = at[0];
        }
        silence = Math.max(silence, detected - previous);
        double[][] errors = new double[MARKS.length][];
        for (int m = 0; m < MARKS.length; m++) {
            double mark = MARKS[m] * end;
            String seen = null;
            double seenAt = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lineTimes.get(i)[0] <= mark && lines.get(i).startsWith("campaign 7: ")) {
                    seen = lines.get(i);
                    seenAt = lineTimes.get(i)[0];
                }
            }
            Double left = seen == null ? null : timeLeft(seen);
            errors[m] = left == null ? null : new double[] {Math.abs(left - (end - seenAt)), end - seenAt};
        }
        // the figure furthest from the truth, of every line that gave one
        double[] worst = null;
        int figures = 0;
        for (int i = 0; i < lines.size(); i++) {
            Double left = timeLeft(lines.get(i));
            if (left != null) {
                figures++;
                double truth = end - lineTimes.get(i)[0];
                if (worst == null || Math.abs(left - truth) > worst[0]) {
                    worst = new double[] {Math.abs(left - truth), truth};
                }
            }
        }
        return new Run(detected - end, requests[0], silence, errors, worst, figures);
    }

    private static final Pattern LEFT = Pattern.compile("about (?:(\\d+) h)? ?(?:(\\d+) min)? ?(?:(\\d+) s)? left");

    /** The seconds of "about 1 h 20 min left", "about 2 min left", "about 40 s left"; null without one. */
    static Double timeLeft(String line) {
        Matcher matcher = LEFT.matcher(line);
        if (!matcher.find()) {
            return null;
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

    public static void main(String[] args) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("| Campaign | Latency, defaults: median (max) | Latency, fixed 15s: median (max) "
                + "| Requests, defaults / fixed 15s (median) | Longest silence, defaults / fixed 15s (max) "
                + "| \"about N left\": error at 25 / 50 / 75 % of the campaign, defaults (median) "
                + "| Lines with a figure (median); the largest error of any figure |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Duration length : LENGTHS) {
            for (Shape shape : SHAPES) {
                Map<String, List<Run>> runs = new LinkedHashMap<>();
                for (String strategy : List.of("adaptive", "fixed")) {
                    List<Run> list = new ArrayList<>();
                    for (int i = 0; i < OFFSETS; i++) {
                        list.add(run(shape, length, strategy, i));
                    }
                    runs.put(strategy, list);
                }
                List<Run> adaptive = runs.get("adaptive");
                List<Run> fixed = runs.get("fixed");
                StringBuilder errors = new StringBuilder();
                for (int m = 0; m < MARKS.length; m++) {
                    int mark = m;
                    List<double[]> seen = adaptive.stream().map(run -> run.errors()[mark])
                            .filter(error -> error != null).toList();
                    errors.append(m == 0 ? "" : " / ").append(seen.size() < adaptive.size() / 2 + 1 ? "none"
                            : seconds(median(seen.stream().map(error -> error[0]).toList())) + String.format(
                                    Locale.ROOT, " (%.0f %%)", 100 * median(seen.stream()
                                            .map(error -> error[0] / error[1]).toList())));
                }
                double[] worst = adaptive.stream().map(Run::worst).filter(w -> w != null)
                        .max((a, b) -> Double.compare(a[0], b[0])).orElse(null);
                String worstText = String.format(Locale.ROOT, "%.0f; ", median(adaptive.stream()
                        .map(run -> (double) run.figures()).toList())) + (worst == null ? "none"
                        : seconds(worst[0]) + String.format(Locale.ROOT, " (%.0f %%)", 100 * worst[0] / worst[1]));
                table.append(String.format(Locale.ROOT, "| %s, %s | %s (%s) | %s (%s) | %.0f / %.0f | %s / %s | %s | %s |%n",
                        label(length), shape.name(),
                        seconds(median(adaptive.stream().map(Run::latency).toList())),
                        seconds(max(adaptive.stream().map(Run::latency).toList())),
                        seconds(median(fixed.stream().map(Run::latency).toList())),
                        seconds(max(fixed.stream().map(Run::latency).toList())),
                        median(adaptive.stream().map(run -> (double) run.requests()).toList()),
                        median(fixed.stream().map(run -> (double) run.requests()).toList()),
                        seconds(max(adaptive.stream().map(Run::longestSilence).toList())),
                        seconds(max(fixed.stream().map(Run::longestSilence).toList())),
                        errors, worstText));
            }
        }
        String text = "Defaults: adaptive, pollInterval 15s, maxPollInterval 2m. 1,000 calls in four queues, "
                + OFFSETS + " runs per row (the gate starting 0 to " + (OFFSETS - 1) + " s into the campaign), "
                + REQUEST_TIME.toMillis() + " ms per request, in virtual time. Latency: from the campaign's end to the"
                + " verdict. Silence: the longest time without a log line between the gate's first line and the"
                + " verdict. Estimate error: |\"about N left\" - the true time left| of the last progress line at or"
                + " before 25, 50 and 75 % of the campaign, in seconds and (in brackets) as a share of the true time"
                + " left, medians over the runs; \"none\": most runs showed no figure then. The last column counts the"
                + " lines that gave a figure, and gives the largest error of any figure of any run.\n\n" + table;
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench/polling-defaults.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
        System.out.print(text);
    }

    private static String label(Duration length) {
        return length.toHours() > 0 ? length.toHours() + " h" : length.toMinutes() + " min";
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, value < 100 ? "%.1f s" : "%.0f s", value);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
