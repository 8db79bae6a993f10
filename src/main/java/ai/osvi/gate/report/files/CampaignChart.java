package ai.osvi.gate.report.files;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.Timeline;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.report.WaitCourse;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.rules.Percentages;
import ai.osvi.gate.rules.Rule;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The course of the wait as an SVG image, {@code campaign-<id>.svg}: calls over time (those in the failure statuses
 * against the rest), each rule's ratio over time with its limit, and the queues completed. Self-contained (no script,
 * no external font or stylesheet) and well-formed XML, so that it opens as it is in a browser and in the artifact
 * viewers of CI servers.
 */
public final class CampaignChart {

    static final int WIDTH = 960;
    private static final int LEFT = 72;
    private static final int RIGHT = WIDTH - 24;
    private static final int PLOT_WIDTH = RIGHT - LEFT;
    /** Markers on every point of a short course, where a line alone could hide a single point. */
    private static final int MARKERS_UP_TO = 60;
    /** Larger markers for a course this short, whose few points are the chart. */
    private static final int LARGE_MARKERS_UP_TO = 12;
    /** Characters of the campaign's name in the visible title, which must leave room for the verdict. */
    private static final int TITLE_NAME_MAX = 48;
    /** Characters of the name in the document's title, which a viewer shows on hovering. */
    private static final int TOOLTIP_NAME_MAX = 200;

    private static final String FAILED_COLOUR = "#d62728";
    private static final String OTHER_COLOUR = "#9ecae1";
    private static final String QUEUE_COLOUR = "#2ca02c";
    private static final String AXIS_COLOUR = "#555555";
    private static final String GRID_COLOUR = "#e4e4e4";
    private static final String FAILED_POLL_COLOUR = "#222222";
    private static final String NO_RULE = "no rule configured";
    private static final String[] RULE_COLOURS = {"#1f77b4", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"};
    private static final String LIMIT_DASHES = "7 5";
    private static final String AWAITED_DASHES = "4 4";

    private CampaignChart() {}

    /** The failure statuses' red for a rule on them, as in the calls panel; another colour for each other rule. */
    private static String ruleColour(Rule rule, List<String> failing, int index) {
        return rule.statuses().equals(failing) ? FAILED_COLOUR : RULE_COLOURS[index % RULE_COLOURS.length];
    }

    /**
     * The SVG document; {@code simulation} names the simulator's scenario when the run was simulated, else {@code null}. Requires at least one point in the timeline.
     */
    public static String svg(CampaignResult result, GateConfig config, String simulation) {
        WaitResult wait = result.waitResult();
        Timeline timeline = wait.timeline();
        if (timeline.isEmpty()) {
            throw new IllegalArgumentException("no snapshot, no chart");
        }
        return new Drawing(result, config, simulation).draw();
    }

    /** One chart being drawn. */
    private static final class Drawing {

        private final CampaignResult result;
        private final GateConfig config;
        private final String simulation;
        private final List<Timeline.Point> points;
        private final List<String> failing;
        private final XmlWriter xml;
        /** The time axis's span, from the start of the wait to the first tick at or after its end. */
        private final double seconds;

        private final TimeUnit unit;
        private final Axis time;
        private final double markerRadius;

        Drawing(CampaignResult result, GateConfig config, String simulation) {
            this.result = result;
            this.config = config;
            this.simulation = simulation;
            this.points = result.waitResult().timeline().points();
            this.failing = WaitCourse.failureStatuses(config);
            this.xml = new XmlWriter();
            double last = points.get(points.size() - 1).elapsed().toMillis() / 1000.0;
            double waited =
                    Math.max(1, Math.max(last, result.waitResult().elapsed().toMillis() / 1000.0));
            this.unit = TimeUnit.of(waited);
            // to a tick a little after the end, so that the last snapshot's points stand inside the frame, not on it
            this.time = Axis.of(waited * 1.03 / unit.seconds, 8, false);
            this.seconds = time.max * unit.seconds;
            this.markerRadius = points.size() <= LARGE_MARKERS_UP_TO ? 4 : 2.5;
        }

        /** The document's start: its size, its title for screen readers, a white background. */
        private void frame(int height) {
            xml.start("svg")
                    .attribute("xmlns", "http://www.w3.org/2000/svg")
                    .attribute("width", Integer.toString(WIDTH))
                    .attribute("height", Integer.toString(height))
                    .attribute("viewBox", "0 0 " + WIDTH + " " + height)
                    .attribute("font-family", "sans-serif")
                    .attribute("font-size", "12")
                    .attribute("role", "img");
            newline();
            element("title", plainTitle());
            newline();
            xml.start("rect")
                    .attribute("width", "100%")
                    .attribute("height", "100%")
                    .attribute("fill", "#ffffff")
                    .end();
        }

        String draw() {
            List<Key> callKeys = new ArrayList<>(List.of(
                    new Key(FAILED_COLOUR, String.join("+", failing), null, Sample.AREA),
                    new Key(OTHER_COLOUR, "other statuses", null, Sample.AREA)));
            if (!failedPolls().isEmpty()) {
                callKeys.add(new Key(FAILED_POLL_COLOUR, "failed poll", null, Sample.MARK));
            }
            Panel calls = new Panel(
                    "Calls", "calls", callKeys, 84, 200, config.rules().isEmpty() ? NO_RULE : null);
            List<Panel> rulePanels = rulePanels(calls.next());
            int cursor = rulePanels.isEmpty()
                    ? calls.next()
                    : rulePanels.get(rulePanels.size() - 1).next();
            Panel queues = new Panel(
                    "Queues completed",
                    "queues",
                    List.of(
                            new Key(QUEUE_COLOUR, "completed", null, Sample.LINE),
                            new Key(AXIS_COLOUR, "awaited", AWAITED_DASHES, Sample.LINE)),
                    cursor,
                    90,
                    null);
            int height = queues.bottom() + 46;
            frame(height);
            header();
            callsPanel(calls);
            if (config.rules().isEmpty()) {
                text(RIGHT, calls.titleY, NO_RULE, "end", 11, AXIS_COLOUR);
            }
            for (int r = 0; r < rulePanels.size(); r++) {
                rulePanel(rulePanels.get(r), r);
            }
            queuesPanel(queues);
            text(LEFT + PLOT_WIDTH / 2.0, height - 10, "elapsed time (" + unit.label + ")", "middle", 12, AXIS_COLOUR);
            newline();
            xml.end();
            xml.text("\n");
            return xml.toString();
        }

        /** One panel per rule, scaled to its own values and limit, so that 6 % against 5 % shows above its line. */
        private List<Panel> rulePanels(int cursor) {
            List<Panel> panels = new ArrayList<>();
            for (int r = 0; r < config.rules().size(); r++) {
                Rule rule = config.rules().get(r);
                Panel panel = new Panel(
                        "Rule " + rule.describe(),
                        "% of calls",
                        List.of(
                                new Key(ruleColour(rule, failing, r), rule.subject() + " ratio", null, Sample.LINE),
                                new Key(
                                        AXIS_COLOUR,
                                        "limit " + rule.operator().symbol() + " " + rule.limitText(),
                                        LIMIT_DASHES,
                                        Sample.LINE)),
                        cursor,
                        110,
                        lastValue(rule));
                panels.add(panel);
                cursor = panel.next();
            }
            return panels;
        }

        /** The name quoted, cut to {@code max} characters: {@code  “June Renewals”}; nothing without a name. */
        private String campaignName(int max) {
            CampaignStatus last = result.waitResult().lastSnapshot();
            String name = last == null ? null : last.campaign().name();
            if (name == null || name.isBlank()) {
                return "";
            }
            int cut = name.offsetByCodePoints(0, Math.min(max, name.codePointCount(0, name.length())));
            return " \u201c" + name.substring(0, cut) + (cut < name.length() ? "\u2026" : "") + "\u201d";
        }

        private String plainTitle() {
            return "OSVI campaign " + result.campaignId() + campaignName(TOOLTIP_NAME_MAX) + ": " + result.verdict()
                    + ", " + result.summary();
        }

        private void header() {
            newline();
            xml.start("text")
                    .attribute("x", Integer.toString(LEFT))
                    .attribute("y", "30")
                    .attribute("font-size", "18")
                    .attribute("font-weight", "bold")
                    .attribute("fill", "#222222");
            xml.text("Campaign " + result.campaignId() + campaignName(TITLE_NAME_MAX) + " \u2014 ");
            xml.start("tspan")
                    .attribute("fill", verdictColour())
                    .text(result.verdict().name())
                    .end();
            xml.end();
            text(LEFT, 52, result.summary(), "start", 13, "#222222");
            WaitResult wait = result.waitResult();
            StringBuilder meta = new StringBuilder("OSVI gate: waited ")
                    .append(Values.format(Duration.ofSeconds(wait.elapsed().toSeconds())))
                    .append(", ")
                    .append(wait.polls())
                    .append(wait.polls() == 1 ? " poll, " : " polls, ")
                    .append(wait.errors())
                    .append(wait.errors() == 1 ? " error, " : " errors, ")
                    .append(WaitCourse.snapshots(wait.timeline()))
                    .append(" shown");
            if (simulation != null) {
                meta.append("; simulated: scenario '").append(simulation).append("', nothing real was contacted");
            }
            text(LEFT, 70, meta.toString(), "start", 11, "#666666");
        }

        private String verdictColour() {
            return result.outcome() == BuildOutcome.SUCCESS
                    ? "#1a7f37"
                    : result.outcome() == BuildOutcome.WARN ? "#b35900" : "#cf222e";
        }

        private void callsPanel(Panel panel) {
            long max = 1;
            for (Timeline.Point point : points) {
                max = Math.max(max, point.calls().total());
            }
            Axis y = Axis.of(max, 4, true);
            panel.frame(this, y, Axis::label);

            StringBuilder rest = new StringBuilder();
            StringBuilder failed = new StringBuilder();
            StringBuilder totalLine = new StringBuilder();
            for (Timeline.Point point : points) {
                double x = x(point);
                coordinate(totalLine, x, panel.y(y, point.calls().total()));
                coordinate(failed, x, panel.y(y, WaitCourse.failedCalls(point.calls(), failing)));
            }
            rest.append(totalLine);
            for (int i = points.size() - 1; i >= 0; i--) {
                coordinate(
                        rest,
                        x(points.get(i)),
                        panel.y(y, WaitCourse.failedCalls(points.get(i).calls(), failing)));
            }
            for (int i = points.size() - 1; i >= 0; i--) {
                coordinate(failed, x(points.get(i)), panel.bottom());
            }
            newline();
            xml.start("polygon")
                    .attribute("points", rest.toString().trim())
                    .attribute("fill", OTHER_COLOUR)
                    .attribute("stroke", "none")
                    .end();
            newline();
            xml.start("polygon")
                    .attribute("points", failed.toString().trim())
                    .attribute("fill", FAILED_COLOUR)
                    .attribute("fill-opacity", "0.85")
                    .attribute("stroke", "none")
                    .end();
            polyline(totalLine, "#3182bd", 1.5, null);
            if (points.size() <= MARKERS_UP_TO) {
                for (Timeline.Point point : points) {
                    marker(x(point), panel.y(y, point.calls().total()), "#3182bd");
                    marker(x(point), panel.y(y, WaitCourse.failedCalls(point.calls(), failing)), FAILED_COLOUR);
                }
            }
        }

        /**
         * A rule's ratio over the wait, on an axis from 0 to a quarter above the larger of its values and its limit,
         * with the limit dashed and the last value written with the limit at the right end of the title line, where
         * no data can reach it.
         */
        private void rulePanel(Panel panel, int r) {
            Rule rule = config.rules().get(r);
            String colour = ruleColour(rule, failing, r);
            double top = limitPercent(rule);
            for (Timeline.Point point : points) {
                if (point.calls().total() > 0) {
                    top = Math.max(top, ratio(point.calls(), rule.statuses()));
                }
            }
            Axis y = Axis.of(Math.min(100, Math.max(top * 1.25, 0.1)), 4, false);
            panel.frame(this, y, value -> Axis.label(value) + "%");
            double at = panel.y(y, limitPercent(rule));
            newline();
            xml.start("line")
                    .attribute("x1", number(LEFT))
                    .attribute("x2", number(RIGHT))
                    .attribute("y1", number(at))
                    .attribute("y2", number(at))
                    .attribute("stroke", AXIS_COLOUR)
                    .attribute("stroke-width", "1.5")
                    .attribute("stroke-dasharray", LIMIT_DASHES)
                    .attribute("class", "limit");
            element("title", "limit of " + rule.describe());
            xml.end();
            StringBuilder line = new StringBuilder();
            Timeline.Point last = null;
            for (Timeline.Point point : points) {
                if (point.calls().total() > 0) {
                    coordinate(line, x(point), panel.y(y, ratio(point.calls(), rule.statuses())));
                    last = point;
                }
            }
            polyline(line, colour, 2, null);
            for (Timeline.Point point : points) {
                if (point.calls().total() > 0 && (points.size() <= MARKERS_UP_TO || point == last)) {
                    marker(x(point), panel.y(y, ratio(point.calls(), rule.statuses())), colour, "ratio");
                }
            }
            newline();
            xml.start("text")
                    .attribute("x", number(RIGHT))
                    .attribute("y", number(panel.titleY))
                    .attribute("text-anchor", "end")
                    .attribute("font-size", "12")
                    .attribute("font-weight", "bold")
                    .attribute("fill", colour)
                    .attribute("class", "last-value")
                    .text(lastValue(rule))
                    .end();
        }

        /** The limit as a percentage on the axis: a baseline's limit beyond 0 to 100 % is drawn at the edge. */
        private static double limitPercent(Rule rule) {
            return Math.max(0, Math.min(100, percent(rule.limit().value().doubleValue())));
        }

        /** "6% (limit 5%)": the rule's ratio on the last snapshot with calls, beside its limit. */
        private String lastValue(Rule rule) {
            for (int i = points.size() - 1; i >= 0; i--) {
                if (points.get(i).calls().total() > 0) {
                    return shownRatio(points.get(i).calls(), rule) + " (limit " + rule.limitText() + ")";
                }
            }
            return "no calls yet (limit " + rule.limitText() + ")";
        }

        /** The last ratio as the verdict shows it: never reading as passing beside a breach. */
        private static String shownRatio(CallCounts calls, Rule rule) {
            return Percentages.consistentRatio(
                                    BigInteger.valueOf(WaitCourse.failedCalls(calls, rule.statuses())),
                                    calls.total(),
                                    3,
                                    List.of(rule))
                            .movePointRight(2)
                            .stripTrailingZeros()
                            .toPlainString()
                    + "%";
        }

        private void queuesPanel(Panel panel) {
            int max = 1;
            for (Timeline.Point point : points) {
                max = Math.max(max, Math.max(point.queuesAwaited(), point.queuesCompleted()));
            }
            Axis y = max <= 6 ? new Axis(max, 1) : Axis.of(max, 3, true);
            panel.frame(this, y, Axis::label);
            StringBuilder completed = new StringBuilder();
            StringBuilder awaited = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                Timeline.Point point = points.get(i);
                double x = x(point);
                if (i > 0) {
                    // a step: the count holds until the poll that saw it change
                    coordinate(completed, x, panel.y(y, points.get(i - 1).queuesCompleted()));
                    coordinate(awaited, x, panel.y(y, points.get(i - 1).queuesAwaited()));
                }
                coordinate(completed, x, panel.y(y, point.queuesCompleted()));
                coordinate(awaited, x, panel.y(y, point.queuesAwaited()));
            }
            polyline(awaited, AXIS_COLOUR, 1.5, AWAITED_DASHES);
            polyline(completed, QUEUE_COLOUR, 2.5, null);
            if (points.size() <= MARKERS_UP_TO) {
                for (Timeline.Point point : points) {
                    marker(x(point), panel.y(y, point.queuesCompleted()), QUEUE_COLOUR);
                }
            }
        }

        private double x(Timeline.Point point) {
            return LEFT + point.elapsed().toMillis() / 1000.0 / seconds * PLOT_WIDTH;
        }

        private static double ratio(CallCounts calls, List<String> statuses) {
            return percent(WaitCourse.failedCalls(calls, statuses) / (double) calls.total());
        }

        private static double percent(double ratio) {
            return ratio * 100;
        }

        void key(Key key, double x, double baseline) {
            newline();
            if (key.sample() == Sample.AREA) {
                xml.start("rect")
                        .attribute("x", number(x))
                        .attribute("y", number(baseline - 10))
                        .attribute("width", "16")
                        .attribute("height", "10")
                        .attribute("fill", key.colour())
                        .end();
            } else if (key.sample() == Sample.MARK) {
                triangle(x + 9, baseline - 8, null);
            } else {
                xml.start("line")
                        .attribute("x1", number(x))
                        .attribute("x2", number(x + 18))
                        .attribute("y1", number(baseline - 4))
                        .attribute("y2", number(baseline - 4))
                        .attribute("stroke", key.colour())
                        .attribute("stroke-width", "2");
                if (key.dashes() != null) {
                    xml.attribute("stroke-dasharray", key.dashes());
                }
                xml.end();
            }
            text(x + 24, baseline, key.label(), "start", 12, "#222222");
        }

        /** When polls failed, in seconds since the wait began. */
        private List<Double> failedPolls() {
            return result.waitResult().timeline().failedPolls().stream()
                    .map(at -> at.toMillis() / 1000.0)
                    .toList();
        }

        /**
         * A mark under the time axis at {@code axisY} for each failed poll, so that the time without snapshots it
         * leaves is explained where it shows.
         */
        void failedPollMarks(double axisY) {
            for (double at : failedPolls()) {
                triangle(
                        LEFT + Math.min(1, at / seconds) * PLOT_WIDTH,
                        axisY,
                        "failed poll at " + Axis.label(Math.round(at * 10) / 10.0) + " s");
            }
        }

        /** A small triangle pointing up at its tip ({@code x}, {@code tipY}), with a tooltip when given. */
        private void triangle(double x, double tipY, String title) {
            newline();
            xml.start("polygon")
                    .attribute(
                            "points",
                            number(x) + "," + number(tipY) + " " + number(x - 4) + "," + number(tipY + 6) + " "
                                    + number(x + 4) + "," + number(tipY + 6))
                    .attribute("fill", FAILED_POLL_COLOUR);
            if (title != null) {
                xml.attribute("class", "failed-poll");
                element("title", title);
            }
            xml.end();
        }

        private void polyline(StringBuilder coordinates, String colour, double width, String dashes) {
            if (coordinates.length() == 0) {
                return;
            }
            newline();
            xml.start("polyline")
                    .attribute("points", coordinates.toString().trim())
                    .attribute("fill", "none")
                    .attribute("stroke", colour)
                    .attribute("stroke-width", number(width))
                    .attribute("stroke-linejoin", "round");
            if (dashes != null) {
                xml.attribute("stroke-dasharray", dashes);
            }
            xml.end();
        }

        private void marker(double x, double y, String colour) {
            marker(x, y, colour, null);
        }

        /** @param kind the marker's class, for programs that read the chart; {@code null} for none */
        private void marker(double x, double y, String colour, String kind) {
            newline();
            xml.start("circle")
                    .attribute("cx", number(x))
                    .attribute("cy", number(y))
                    .attribute("r", number(markerRadius))
                    .attribute("fill", colour);
            if (kind != null) {
                xml.attribute("class", kind);
            }
            xml.end();
        }

        void text(double x, double y, String text, String anchor, int size, String colour) {
            newline();
            xml.start("text").attribute("x", number(x)).attribute("y", number(y));
            if (!anchor.equals("start")) {
                xml.attribute("text-anchor", anchor);
            }
            if (size != 12) {
                xml.attribute("font-size", Integer.toString(size));
            }
            xml.attribute("fill", colour).text(text).end();
        }

        void line(double x1, double y1, double x2, double y2, String colour) {
            newline();
            xml.start("line")
                    .attribute("x1", number(x1))
                    .attribute("y1", number(y1))
                    .attribute("x2", number(x2))
                    .attribute("y2", number(y2))
                    .attribute("stroke", colour)
                    .attribute("stroke-width", "1")
                    .end();
        }

        private void element(String name, String text) {
            xml.start(name).text(text).end();
        }

        private void newline() {
            xml.text("\n");
        }

        private static void coordinate(StringBuilder points, double x, double y) {
            points.append(number(x)).append(',').append(number(y)).append(' ');
        }
    }

    /** How a legend entry is drawn: a filled box (an area), a line, or a mark on the time axis. */
    private enum Sample {
        AREA,
        LINE,
        MARK
    }

    /** An entry of a panel's legend; a line is dashed when {@code dashes} is given. */
    private record Key(String colour, String label, String dashes, Sample sample) {

        /** About 6.5 px a character at 12 px sans-serif, after the sample, and a gap to the next entry. */
        double width() {
            return 24 + label.length() * 6.5 + 22;
        }
    }

    /**
     * A plot area with its title and legend above it (the legend wraps onto more lines when long), grid, y axis and
     * time axis.
     */
    private static final class Panel {

        private static final int KEYS_FROM = LEFT + 150;
        private static final int LINE = 17;

        final String title;
        final String unit;
        final int titleY;
        final int top;
        final int height;
        final List<Key> keys;
        final List<double[]> keyAt = new ArrayList<>();

        /**
         * @param cursor where the panel's title line starts
         * @param corner what stands at the right end of the title line, where no data can reach it (the legend wraps
         *               before it); {@code null} for nothing
         */
        Panel(String title, String unit, List<Key> keys, int cursor, int height, String corner) {
            this.title = title;
            this.unit = unit;
            this.keys = keys;
            this.titleY = cursor + 14;
            double right = RIGHT - (corner == null ? 0 : corner.length() * 7.5 + 16);
            // the first line's keys start after the title (13 px text, some 7.2 px a character): a rule's title can be
            // long ("Rule failed <= baseline + 1%")
            double first = Math.max(KEYS_FROM, LEFT + title.length() * 7.2 + 16);
            double x = first;
            int line = 0;
            for (Key key : keys) {
                if (x > (line == 0 ? first : KEYS_FROM) && x + key.width() - 22 > right) {
                    x = KEYS_FROM;
                    line++;
                }
                keyAt.add(new double[] {x, titleY + line * LINE});
                x += key.width();
            }
            this.top = titleY + line * LINE + 12;
            this.height = height;
        }

        int bottom() {
            return top + height;
        }

        /** Where the next panel starts: below the tick labels of this one. */
        int next() {
            return bottom() + 34;
        }

        double y(Axis axis, double value) {
            return bottom() - Math.max(0, Math.min(1, value / axis.max)) * height;
        }

        void frame(Drawing drawing, Axis y, DoubleFunction<String> label) {
            drawing.text(LEFT, titleY, title, "start", 13, "#222222");
            for (int i = 0; i < keys.size(); i++) {
                drawing.key(keys.get(i), keyAt.get(i)[0], keyAt.get(i)[1]);
            }
            for (int i = 0; i * y.step <= y.max + y.step / 1000; i++) {
                double at = y(y, i * y.step);
                drawing.line(LEFT, at, RIGHT, at, GRID_COLOUR);
                drawing.text(LEFT - 6, at + 4, label.apply(i * y.step), "end", 11, AXIS_COLOUR);
            }
            Axis time = drawing.time;
            for (int i = 0; i * time.step <= time.max + time.step / 1000; i++) {
                double t = i * time.step;
                double x = LEFT + t * drawing.unit.seconds / drawing.seconds * PLOT_WIDTH;
                if (x > RIGHT + 0.5) {
                    break;
                }
                drawing.line(x, top, x, bottom(), GRID_COLOUR);
                drawing.line(x, bottom(), x, bottom() + 4, AXIS_COLOUR);
                drawing.text(x, bottom() + 16, Axis.label(t), "middle", 11, AXIS_COLOUR);
            }
            drawing.line(LEFT, top, LEFT, bottom(), AXIS_COLOUR);
            drawing.line(LEFT, bottom(), RIGHT, bottom(), AXIS_COLOUR);
            drawing.failedPollMarks(bottom());
            double middle = top + height / 2.0;
            drawing.newline();
            drawing.xml
                    .start("text")
                    .attribute("x", "20")
                    .attribute("y", number(middle))
                    .attribute("text-anchor", "middle")
                    .attribute("fill", AXIS_COLOUR)
                    .attribute("transform", "rotate(-90 20 " + number(middle) + ")")
                    .text(unit)
                    .end();
        }
    }

    /** A linear axis from 0 to {@code max} in steps of 1, 2, 2.5 or 5 times a power of ten. */
    record Axis(double max, double step) {

        static Axis of(double top, int ticks, boolean whole) {
            double raw = Math.max(top, Double.MIN_NORMAL) / ticks;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double normal = raw / magnitude;
            double step = (normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 2.5 ? 2.5 : normal <= 5 ? 5 : 10) * magnitude;
            if (whole) {
                step = Math.max(1, Math.ceil(step));
            }
            return new Axis(Math.max(step, Math.ceil(top / step - 1e-9) * step), step);
        }

        /** "0", "2.5", "0.25", "1200". */
        static String label(double value) {
            String text = String.format(Locale.ROOT, "%.3f", value);
            text = text.replaceAll("0+$", "");
            return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        }
    }

    /** The unit of the time axis, chosen so that its labels stay short. */
    private enum TimeUnit {
        SECONDS("s", 1),
        MINUTES("min", 60),
        HOURS("h", 3600);

        final String label;
        final double seconds;

        TimeUnit(String label, double seconds) {
            this.label = label;
            this.seconds = seconds;
        }

        static TimeUnit of(double seconds) {
            return seconds <= 180 ? SECONDS : seconds <= 3 * 3600 ? MINUTES : HOURS;
        }
    }

    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
