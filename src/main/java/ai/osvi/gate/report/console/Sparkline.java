package ai.osvi.gate.report.console;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.polling.Timeline;
import ai.osvi.gate.report.WaitCourse;
import ai.osvi.gate.rules.Percentages;
import ai.osvi.gate.rules.Rule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The course of the wait in lines of text, for the log's verdict block and the step summary, where no image shows:
 * {@code failed ratio  1% ▁▂▃▅▆▇█ 6%  limit <= 5% at ▅}. One line per rule, over its own statuses, then the calls.
 * Each character is a level from 0 to the larger of the series' largest value and the rule's limit, whose level the
 * line ends with, so that 4.5 % under a 5 % limit and 30 % over it do not look alike. A snapshot without calls has no
 * ratio: it is a gap, not a 0.
 */
public final class Sparkline {

    static final String BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    /** For a console whose encoding has no block characters. */
    static final String ASCII = "_.:-=+*#";
    /** One character per snapshot up to this many; beyond, this many characters evenly spaced in time. */
    static final int MAX_WIDTH = 40;

    private Sparkline() {}

    /** The characters of {@code values} (each at least 0; {@code NaN} for a gap), scaled from 0 to {@code max}. */
    static String of(double[] values, double max, boolean unicode) {
        StringBuilder line = new StringBuilder(values.length);
        for (double value : values) {
            line.append(Double.isNaN(value) ? ' ' : level(value, max, unicode));
        }
        return line.toString();
    }

    /** The characters of {@code values}, scaled from 0 to the largest. */
    static String of(double[] values, boolean unicode) {
        double max = 0;
        for (double value : values) {
            max = Double.isNaN(value) ? max : Math.max(max, value);
        }
        return of(values, max, unicode);
    }

    /** The level of {@code value} on a scale from 0 to {@code max}: any value above 0 shows, one failed call too. */
    private static char level(double value, double max, boolean unicode) {
        String levels = unicode ? BLOCKS : ASCII;
        int top = levels.length() - 1;
        int level = value <= 0 || max <= 0 ? 0 : (int) Math.max(1, Math.min(top, Math.ceil(value / max * top - 1e-9)));
        return levels.charAt(level);
    }

    /**
     * The lines of a wait with at least two snapshots, else none: each rule's ratio (with no rule, the ratio of the
     * statuses the chart shows as failed) and the calls, each with its first and last value; a rule's line ends with
     * its limit, in words and as the level it sits at.
     */
    public static List<String> lines(Timeline timeline, GateConfig config, boolean unicode) {
        if (timeline.points().size() < 2) {
            return List.of();
        }
        List<Timeline.Point> points = sample(timeline.points());
        List<String[]> rows = new ArrayList<>();
        if (config.rules().isEmpty()) {
            rows.add(ratioRow(points, WaitCourse.failureStatuses(config), null, List.of(), unicode));
        }
        for (Rule rule : config.rules()) {
            rows.add(ratioRow(points, rule.statuses(), rule, List.of(rule), unicode));
        }
        double[] calls = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            calls[i] = points.get(i).calls().total();
        }
        rows.add(new String[] {
            "calls",
            Long.toString(points.get(0).calls().total()),
            of(calls, unicode),
            Long.toString(points.get(points.size() - 1).calls().total()),
            ""
        });
        int label = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
        int value = rows.stream().mapToInt(row -> row[1].length()).max().orElse(0);
        int last = rows.stream().mapToInt(row -> row[3].length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            lines.add(
                    String.format(Locale.ROOT, "%-" + label + "s  %" + value + "s %s %-" + last + "s%s", (Object[]) row)
                            .stripTrailing());
        }
        return lines;
    }

    /** The limit as a ratio on the line's scale: a baseline's limit beyond 0 to 100 % is drawn at the edge. */
    private static double limit(Rule rule) {
        return Math.max(0, Math.min(1, rule.limit().value().doubleValue()));
    }

    /** {label, first ratio with calls, sparkline, last ratio, "  limit <= 5% at ▅"}. */
    private static String[] ratioRow(
            List<Timeline.Point> points, List<String> statuses, Rule rule, List<Rule> rules, boolean unicode) {
        double[] ratios = new double[points.size()];
        double max = rule == null ? 0 : limit(rule);
        CallCounts first = null;
        for (int i = 0; i < points.size(); i++) {
            CallCounts counts = points.get(i).calls();
            ratios[i] = counts.total() <= 0
                    ? Double.NaN
                    : WaitCourse.failedCalls(counts, statuses) / (double) counts.total();
            if (counts.total() > 0) {
                max = Math.max(max, ratios[i]);
                first = first == null ? counts : first;
            }
        }
        CallCounts last = points.get(points.size() - 1).calls();
        String limit = rule == null
                ? ""
                : "  limit " + rule.operator().symbol() + " " + rule.limitText() + " at "
                        + level(limit(rule), max, unicode);
        return new String[] {
            String.join("+", statuses) + " ratio",
            first == null ? "n/a" : percent(first, statuses, rules),
            of(ratios, max, unicode),
            percent(last, statuses, rules),
            limit
        };
    }

    /** "Course of the wait, 9 snapshots", or for a thinned timeline "Course of the wait, 314 of 5000 snapshots". */
    public static String heading(Timeline timeline) {
        return "Course of the wait, " + WaitCourse.snapshots(timeline);
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
        return Percentages.consistentRatio(
                                BigInteger.valueOf(WaitCourse.failedCalls(calls, statuses)), calls.total(), 3, rules)
                        .movePointRight(2)
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }
}
