package ai.osvi.gate.report.files;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.Gate;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.ScriptedSource;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.result.CampaignResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The chart, campaign-7.svg: parsed as any viewer would, by the JDK's XML parser. */
class CampaignChartTest {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final Instant FINISHED = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private final ScriptedSource source = new ScriptedSource(time);
    private final TestConfig config = new TestConfig();

    private CampaignResult run() throws Exception {
        GateConfig parsed = config.parse();
        CampaignResult result = new Gate(parsed, source, time, new RecordingLog(), new AbortSignal(), () -> 0).run();
        FileReports.write(dir, result, parsed, FINISHED);
        return result;
    }

    private Document chart() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(dir.resolve("campaign-7.svg").toFile());
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, name);
        return IntStream.range(0, nodes.getLength())
                .mapToObj(i -> (Element) nodes.item(i))
                .toList();
    }

    private static String text(Document document) {
        return document.getDocumentElement().getTextContent();
    }

    private void failingCampaign() {
        source.then(Snapshots.active().queues(19, false, false).calls("picked", 0, "failed", 0))
                .then(Snapshots.active().queues(19, true, false).calls("picked", 80, "failed", 20))
                .then(Snapshots.active().queues(19, true, true).calls("picked", 140, "failed", 60));
        config.maxFailureRatio = "5%";
        config.thresholds = List.of("picked >= 50%");
    }

    @Test
    void the_chart_should_be_svg_with_the_verdict_in_its_title_and_each_rule_limit_as_a_dashed_line() throws Exception {
        failingCampaign();

        run();

        Document chart = chart();
        Element root = chart.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("font-family")).isEqualTo("sans-serif");
        assertThat(elements(chart, "title").get(0).getTextContent())
                .isEqualTo("OSVI campaign 7 \u201cJune Renewals\u201d: FAIL, 1 of 2 rules breached on 200 calls");
        assertThat(elements(chart, "text"))
                .extracting(Element::getTextContent)
                .contains(
                        "Campaign 7 \u201cJune Renewals\u201d \u2014 FAIL",
                        "1 of 2 rules breached on 200 calls",
                        "Calls",
                        "Rule failed <= 5%",
                        "Rule picked >= 50%",
                        "Queues completed",
                        "calls",
                        "% of calls",
                        "queues",
                        "elapsed time (s)",
                        "failed ratio",
                        "limit <= 5%",
                        "picked ratio",
                        "limit >= 50%",
                        "30% (limit 5%)",
                        "70% (limit 50%)");
        List<Element> limits = elements(chart, "line").stream()
                .filter(line -> line.getAttribute("class").equals("limit"))
                .toList();
        assertThat(limits).hasSize(2).allSatisfy(limit -> {
            assertThat(limit.getAttribute("stroke-dasharray")).isNotEmpty();
            assertThat(limit.getAttribute("y1")).isEqualTo(limit.getAttribute("y2"));
        });
        assertThat(limits)
                .extracting(limit -> limit.getTextContent())
                .containsExactly("limit of failed <= 5%", "limit of picked >= 50%");
        // each rule on its own axis: failed (30% against 5%) to 40%, picked (80% then 70%) to 100%
        assertThat(elements(chart, "text"))
                .extracting(Element::getTextContent)
                .contains("0%", "10%", "40%", "25%", "100%");
        assertThat(elements(chart, "polygon")).hasSize(2);
        assertThat(elements(chart, "polyline")).hasSizeGreaterThanOrEqualTo(4);
        // nothing a viewer would fetch or run
        assertThat(Files.readString(dir.resolve("campaign-7.svg")))
                .doesNotContain("<script", "href", "@import", "url(", "<style");
    }

    @Test
    void the_limit_line_should_sit_at_its_ratio_on_the_axis() throws Exception {
        failingCampaign();
        config.thresholds = List.of();

        run();

        Document chart = chart();
        Element limit = elements(chart, "line").stream()
                .filter(line -> line.getAttribute("class").equals("limit"))
                .findFirst()
                .orElseThrow();
        double zero = tickY(chart, "0%");
        double forty = tickY(chart, "40%");
        double five = Double.parseDouble(limit.getAttribute("y1"));
        assertThat((zero - five) / (zero - forty)).isCloseTo(5 / 40.0, Offset.offset(0.01));
    }

    /** The y of the grid line whose tick label reads {@code label} (the label sits 4 px below it). */
    private static double tickY(Document chart, String label) {
        Element text = elements(chart, "text").stream()
                .filter(t -> t.getTextContent().equals(label))
                .findFirst()
                .orElseThrow();
        return Double.parseDouble(text.getAttribute("y")) - 4;
    }

    @Test
    void a_hostile_campaign_name_should_stay_text() throws Exception {
        String hostile = "</svg><script>alert(1)</script><svg onload=\"alert(2)\">&amp; \u0007";
        source.then(Snapshots.active()
                .queues(19, true)
                .calls("picked", 95, "failed", 5)
                .name(hostile));
        config.maxFailureRatio = "5%";

        run();

        Document chart = chart();
        assertThat(elements(chart, "script")).isEmpty();
        assertThat(chart.getElementsByTagName("script").getLength()).isZero();
        assertThat(elements(chart, "svg")).hasSize(1);
        assertThat(elements(chart, "svg").get(0).hasAttribute("onload")).isFalse();
        assertThat(elements(chart, "title").get(0).getTextContent())
                .contains("\u201c</svg><script>alert(1)</script><svg onload=\"alert(2)\">&amp; \ufffd\u201d");
        assertThat(text(chart)).contains("PASS");
    }

    @Test
    void the_token_should_be_redacted_from_the_chart() throws Exception {
        source.then(Snapshots.active()
                .queues(19, true)
                .calls("picked", 95, "failed", 5)
                .name("Renewals tokSECRET123"));
        config.maxFailureRatio = "5%";
        GateConfig parsed = config.parse();
        CampaignResult result = new Gate(parsed, source, time, new RecordingLog(), new AbortSignal(), () -> 0).run();

        FileReports.write(dir, result, parsed, FINISHED, text -> text.replace("tokSECRET123", "****"), null);

        assertThat(Files.readString(dir.resolve("campaign-7.svg")))
                .doesNotContain("tokSECRET123")
                .contains("Renewals ****");
    }

    @Test
    void a_timeout_should_be_drawn_with_its_verdict_and_the_time_in_minutes() throws Exception {
        source.then(Snapshots.active().queues(19, true, false).calls("picked", 30, "failed", 2));
        config.maxFailureRatio = "10%";
        config.timeout = "5m";

        CampaignResult result = run();

        Document chart = chart();
        assertThat(elements(chart, "title").get(0).getTextContent()).endsWith(": TIMEOUT, did not complete within 5m");
        assertThat(elements(chart, "text"))
                .extracting(Element::getTextContent)
                .contains("Campaign 7 “June Renewals” — TIMEOUT", "elapsed time (min)", "0", "1", "5")
                .contains("OSVI gate: waited 5m, 20 polls, 0 errors, 20 snapshots shown");
        assertThat(result.waitResult().timeline().points()).hasSize(20);
    }

    @Test
    void without_a_snapshot_there_should_be_no_chart_not_even_an_earlier_one() throws Exception {
        Files.writeString(dir.resolve("campaign-7.svg"), "<svg xmlns=\"" + SVG + "\"/>");
        source.then(ApiException.refused(401, "HTTP 401"));
        config.maxFailureRatio = "5%";

        CampaignResult result = run();

        assertThat(dir.resolve("campaign-7.svg")).doesNotExist();
        assertThat(!result.waitResult().timeline().isEmpty()).isFalse();
        assertThat(dir.resolve("campaign-7.json")).exists();
    }

    @Test
    void a_campaign_without_rules_should_still_draw_its_calls_and_queues() throws Exception {
        source.then(Snapshots.active().queues(19, true).calls("picked", 95, "not_picked", 5));

        run();

        Document chart = chart();
        assertThat(elements(chart, "text"))
                .extracting(Element::getTextContent)
                .contains("no rule configured", "Calls", "Queues completed");
        assertThat(elements(chart, "line").stream()
                        .filter(line -> line.getAttribute("class").equals("limit")))
                .isEmpty();
        assertThat(CampaignChart.svg(run(), config.parse(), "passing")).contains("simulated: scenario 'passing'");
    }

    @Test
    void a_breach_just_over_its_limit_should_be_drawn_visibly_above_the_limit_line_whatever_the_other_rules()
            throws Exception {
        // failed at 6% against 5%, beside a rule on picked at 90%: on one shared 0-100% axis the two would touch
        source.then(Snapshots.active().queues(19, true, false).calls("picked", 45, "failed", 3, "not_picked", 2))
                .then(Snapshots.active().queues(19, true, true).calls("picked", 90, "failed", 6, "not_picked", 4));
        config.maxFailureRatio = "5%";
        config.thresholds = List.of("picked >= 60%");

        run();

        Document chart = chart();
        Element limit = elements(chart, "line").stream()
                .filter(line -> line.getAttribute("class").equals("limit"))
                .findFirst()
                .orElseThrow();
        double limitY = Double.parseDouble(limit.getAttribute("y1"));
        // the failed ratio's points: red, in the first rule's panel
        double lastFailedY = elements(chart, "circle").stream()
                .filter(circle -> circle.getAttribute("class").equals("ratio"))
                .filter(circle -> circle.getAttribute("fill").equals("#d62728"))
                .mapToDouble(circle -> Double.parseDouble(circle.getAttribute("cy")))
                .min()
                .orElseThrow();
        assertThat(limitY - lastFailedY)
                .as("pixels between the 6% point and the 5% limit line")
                .isGreaterThan(10);
        assertThat(elements(chart, "text")).extracting(Element::getTextContent).contains("6% (limit 5%)");
        // the failed rule is red, as the failed calls are in the calls panel
        assertThat(elements(chart, "text"))
                .filteredOn(text -> text.getTextContent().equals("6% (limit 5%)"))
                .singleElement()
                .satisfies(text -> assertThat(text.getAttribute("fill")).isEqualTo("#d62728"));
    }

    @Test
    void failed_polls_should_be_marked_on_the_time_axis_and_named_in_the_legend() throws Exception {
        config.pollInterval = "1s";
        source.thenTimes(2, ApiException.transientFault("HTTP 503 Service Unavailable"))
                .then(Snapshots.active().queues(19, false).calls("picked", 40, "failed", 2))
                .then(Snapshots.active().queues(19, true).calls("picked", 90, "failed", 6));
        config.maxFailureRatio = "5%";

        run();

        Document chart = chart();
        List<Element> marks = elements(chart, "polygon").stream()
                .filter(polygon -> polygon.getAttribute("class").equals("failed-poll"))
                .toList();
        // two failed polls, marked under the time axis of each of the three panels
        assertThat(marks)
                .hasSize(6)
                .extracting(Element::getTextContent)
                .containsOnly("failed poll at 0 s", "failed poll at 1 s");
        double firstSnapshotX = elements(chart, "circle").stream()
                .mapToDouble(circle -> Double.parseDouble(circle.getAttribute("cx")))
                .min()
                .orElseThrow();
        assertThat(marks).allSatisfy(mark -> assertThat(tipX(mark)).isLessThan(firstSnapshotX));
        assertThat(elements(chart, "text")).extracting(Element::getTextContent).contains("failed poll");
    }

    @Test
    void a_wait_without_failed_polls_should_have_no_such_mark_nor_legend_word() throws Exception {
        failingCampaign();

        run();

        Document chart = chart();
        assertThat(elements(chart, "polygon"))
                .noneSatisfy(
                        polygon -> assertThat(polygon.getAttribute("class")).isEqualTo("failed-poll"));
        assertThat(elements(chart, "text")).extracting(Element::getTextContent).doesNotContain("failed poll");
    }

    @Test
    void a_wait_of_two_snapshots_should_draw_its_points_as_markers_inside_the_frame() throws Exception {
        // the default 15 s interval and a campaign of about 10 s: a snapshot at the start and one at the end
        config.pollInterval = "15s";
        source.then(Snapshots.active().queues(19, false, false, false).calls("picked", 0, "failed", 0))
                .then(Snapshots.active().queues(19, true, true, true).calls("picked", 140, "failed", 60));
        config.maxFailureRatio = "5%";

        run();

        Document chart = chart();
        List<Element> markers = elements(chart, "circle");
        // calls and failed calls at both snapshots, the ratio at the one with calls, the queues at both
        assertThat(markers).hasSize(7).allSatisfy(marker -> {
            assertThat(Double.parseDouble(marker.getAttribute("r"))).isGreaterThanOrEqualTo(4);
            assertThat(Double.parseDouble(marker.getAttribute("cx"))).isLessThan(CampaignChart.WIDTH - 24 - 20);
        });
        // a time axis that ends at a tick after the last snapshot, at 15 s
        assertThat(elements(chart, "text")).extracting(Element::getTextContent).contains("16", "30% (limit 5%)");
    }

    /**
     * No label crosses a data line, area or marker, nor leaves the image, in the charts a user meets: the failing
     * campaign with two rules, a breach just over its limit after failed polls, a wait of two snapshots, a long wait
     * in minutes, and a rule whose limit sits on the axis's top. Label boxes are estimated from the font size (0.6
     * em a character, from 0.75 em above the baseline to 0.25 em below), a little wider than sans-serif draws.
     */
    @ParameterizedTest(name = "chart {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void no_label_should_cross_a_data_line(int chartNumber) throws Exception {
        List<Runnable> scripts = List.of(
                this::failingCampaign,
                () -> {
                    config.pollInterval = "1s";
                    source.thenTimes(2, ApiException.transientFault("HTTP 503"))
                            .then(Snapshots.active().queues(19, true, false).calls("picked", 47, "failed", 3))
                            .then(Snapshots.active().queues(19, true, true).calls("picked", 94, "failed", 6));
                    config.maxFailureRatio = "5%";
                },
                () -> {
                    config.pollInterval = "15s";
                    source.then(Snapshots.active().queues(19, false).calls("picked", 0, "failed", 0))
                            .then(Snapshots.active().queues(19, true).calls("picked", 140, "failed", 60));
                    config.thresholds = List.of("failed <= 5%", "picked >= 60%", "not_picked <= 10%");
                },
                () -> {
                    source.then(Snapshots.active().queues(19, true, false).calls("picked", 30, "failed", 2));
                    config.maxFailureRatio = "10%";
                    config.timeout = "5m";
                },
                () -> {
                    source.then(Snapshots.active().queues(19, true, false).calls("picked", 0, "failed", 100))
                            .then(Snapshots.active().queues(19, true, true).calls("picked", 1, "failed", 199));
                    config.thresholds = List.of("failed <= 100%", "picked >= 100%");
                });
        scripts.get(chartNumber).run();
        run();
        Document chart = chart();
        List<Element> texts = elements(chart, "text");
        for (Element text : texts) {
            double[] box = box(text);
            assertThat(box[0] >= 0 && box[2] <= CampaignChart.WIDTH)
                    .as("'%s' inside the image", text.getTextContent())
                    .isTrue();
            for (double[][] segment : dataSegments(chart)) {
                assertThat(crosses(segment, box))
                        .as("'%s' crosses data %s", text.getTextContent(), Arrays.deepToString(segment))
                        .isFalse();
            }
        }
    }

    /** The x of a failed-poll mark's tip, its first point. */
    private static double tipX(Element mark) {
        return Double.parseDouble(mark.getAttribute("points").split("[ ,]")[0]);
    }

    /** {minX, minY, maxX, maxY} of a text as drawn, rotated texts turned about their origin. */
    private static double[] box(Element text) {
        double x = Double.parseDouble(text.getAttribute("x"));
        double y = Double.parseDouble(text.getAttribute("y"));
        double size = text.hasAttribute("font-size") ? Double.parseDouble(text.getAttribute("font-size")) : 12;
        double width = text.getTextContent().length() * 0.6 * size;
        String anchor = text.getAttribute("text-anchor");
        double start = anchor.equals("end") ? x - width : anchor.equals("middle") ? x - width / 2 : x;
        if (text.getAttribute("transform").startsWith("rotate(-90")) {
            return new double[] {x - 0.75 * size, y - width / 2, x + 0.25 * size, y + width / 2};
        }
        return new double[] {start, y - 0.75 * size, start + width, y + 0.25 * size};
    }

    /** The segments of every data line, area edge and limit line, and each marker's box as its diagonal. */
    private static List<double[][]> dataSegments(Document chart) {
        List<double[][]> segments = new ArrayList<>();
        for (String shape : List.of("polyline", "polygon")) {
            for (Element element : elements(chart, shape)) {
                String[] numbers = element.getAttribute("points").trim().split("[ ,]+");
                for (int i = 2; i + 1 < numbers.length; i += 2) {
                    segments.add(new double[][] {
                        {Double.parseDouble(numbers[i - 2]), Double.parseDouble(numbers[i - 1])},
                        {Double.parseDouble(numbers[i]), Double.parseDouble(numbers[i + 1])}
                    });
                }
            }
        }
        elements(chart, "line").stream()
                .filter(line -> line.getAttribute("class").equals("limit"))
                .forEach(line -> segments.add(new double[][] {
                    {Double.parseDouble(line.getAttribute("x1")), Double.parseDouble(line.getAttribute("y1"))},
                    {Double.parseDouble(line.getAttribute("x2")), Double.parseDouble(line.getAttribute("y2"))}
                }));
        for (Element circle : elements(chart, "circle")) {
            double cx = Double.parseDouble(circle.getAttribute("cx"));
            double cy = Double.parseDouble(circle.getAttribute("cy"));
            double r = Double.parseDouble(circle.getAttribute("r"));
            segments.add(new double[][] {{cx - r, cy - r}, {cx + r, cy + r}});
            segments.add(new double[][] {{cx - r, cy + r}, {cx + r, cy - r}});
        }
        return segments;
    }

    /** Whether a point of the segment, sampled every half pixel, lies in the box. */
    private static boolean crosses(double[][] segment, double[] box) {
        double length = Math.hypot(segment[1][0] - segment[0][0], segment[1][1] - segment[0][1]);
        int steps = Math.max(1, (int) Math.ceil(length * 2));
        for (int i = 0; i <= steps; i++) {
            double x = segment[0][0] + (segment[1][0] - segment[0][0]) * i / steps;
            double y = segment[0][1] + (segment[1][1] - segment[0][1]) * i / steps;
            if (x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3]) {
                return true;
            }
        }
        return false;
    }
}
