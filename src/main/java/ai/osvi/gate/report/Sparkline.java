package ai.osvi.gate.report;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.polling.Timeline;
import ai.osvi.gate.rules.Percentages;
import ai.osvi.gate.rules.Rule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The course of the wait in a line of text, for the log's verdict block and the step summary, where no image shows:
 * {@code failed ratio  0% ▁▁▂▃▅▆▇█ 30%}. Each character is a level from 0 to the series' largest value; the lowest
 * level is kept for 0, so that any failed call shows. A ratio without calls yet is drawn at the lowest level and
 * written {@code n/a}.
 */
public final class Sparkline {

    static final String BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    /** For a console whose encoding has no block characters. */
    static final String ASCII = "_.:-=+*#";
    /** One character per snapshot up to this many; beyond, this many characters evenly spaced in time. */
    static final int MAX_WIDTH = 40;

    private Sparkline() {
    }

    /** The characters of {@code values} (each at least 0), scaled from 0 to the largest. */
    static String of(double[] values, boolean unicode) {
        String levels = unicode ? BLOCKS : ASCII;
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        StringBuilder line = new StringBuilder(values.length);
        int top = levels.length() - 1;
        for (double value : values) {
            // any value above 0 gets at least the second level: one failed call shows
            int level = value <= 0 || max <= 0 ? 0
                    : (int) Math.max(1, Math.min(top, Math.ceil(value / max * top - 1e-9)));
            line.append(levels.charAt(level));
        }
        return line.toString();
    }

    /**
     * The lines of a wait with at least two snapshots, else none: the failure ratio (of the statuses the chart shows
     * as failed) and the calls, each with its first and last value.
     */
    public static List<String> lines(Timeline timeline, GateConfig config, boolean unicode) {
        if (timeline.points().size() < 2) {
            return List.of();
        }
        List<Timeline.Point> points = sample(timeline.points());
        List<String> failing = CampaignChart.failureStatuses(config);
        // the ratio as the rule over the same statuses shows it, so that it never reads as passing beside a FAIL
        List<Rule> rules = config.rules().stream().filter(rule -> rule.statuses().equals(failing)).toList();
        double[] ratios = new double[points.size()];
        double[] calls = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            CallCounts counts = points.get(i).calls();
            calls[i] = counts.total();
            ratios[i] = counts.total() <= 0 ? 0 : CampaignChart.failedCalls(counts, failing) / (double) counts.total();
        }
        CallCounts first = points.get(0).calls();
        CallCounts last = points.get(points.size() - 1).calls();
        String[][] rows = {
            {String.join("+", failing) + " ratio", percent(first, failing, rules), of(ratios, unicode),
                percent(last, failing, rules)},
            {"calls", Long.toString(first.total()), of(calls, unicode), Long.toString(last.total())},
        };
        int label = Math.max(rows[0][0].length(), rows[1][0].length());
        int value = Math.max(rows[0][1].length(), rows[1][1].length());
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            lines.add(String.format(Locale.ROOT, "%-" + label + "s  %" + value + "s %s %s", (Object[]) row));
        }
        return lines;
    }

    /** "Course of the wait, 9 snapshots", or for a thinned timeline "Course of the wait, 314 of 5000 snapshots". */
    public static String heading(Timeline timeline) {
        return "Course of the wait, " + CampaignChart.snapshots(timeline);
    }

    /** Every point up to {@link #MAX_WIDTH}; beyond, the last point at or before each of as many even steps. */
    static List<Timeline.Point> sample(List<Timeline.Point> points) {
        if (points.size() <= MAX_WIDTH) {
            return points;
        }
        long from = points.get(0).elapsed().toNanos();
        long span = points.get(points.size() - 1).elapsed().toNanos() - from;
        List<Timeline.Point> sampled = new ArrayList<>(MAX_WIDTH);
        int next = 0;
        for (int column = 0; column < MAX_WIDTH; column++) {
            double at = from + (double) span * column / (MAX_WIDTH - 1);
            while (next + 1 < points.size() && points.get(next + 1).elapsed().toNanos() <= at) {
                next++;
            }
            sampled.add(points.get(column == MAX_WIDTH - 1 ? points.size() - 1 : next));
        }
        return sampled;
    }

    private static String percent(CallCounts calls, List<String> statuses, List<Rule> rules) {
        if (calls.total() <= 0) {
            return "n/a";
        }
        return Percentages.consistentRatio(BigInteger.valueOf(CampaignChart.failedCalls(calls, statuses)),
                calls.total(), 3, rules).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
