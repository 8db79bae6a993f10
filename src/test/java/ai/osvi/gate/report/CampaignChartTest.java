package ai.osvi.gate.report;

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
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        ReportFiles.write(dir, result, parsed, FINISHED);
        return result;
    }

    private Document chart() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(dir.resolve("campaign-7.svg").toFile());
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
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
    void the_chart_should_be_svg_with_the_verdict_in_its_title_and_each_rule_limit_as_a_dashed_line()
            throws Exception {
        failingCampaign();

        run();

        Document chart = chart();
        Element root = chart.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("font-family")).isEqualTo("sans-serif");
        assertThat(elements(chart, "title").get(0).getTextContent())
                .isEqualTo("OSVI campaign 7 \u201cJune Renewals\u201d: FAIL, 1 of 2 rules breached on 200 calls");
        assertThat(elements(chart, "text")).extracting(Element::getTextContent)
                .contains("Campaign 7 \u201cJune Renewals\u201d \u2014 FAIL", "1 of 2 rules breached on 200 calls",
                        "Calls", "Rule failed <= 5%", "Rule picked >= 50%", "Queues completed", "calls",
                        "% of calls", "queues", "elapsed time (s)", "failed ratio", "limit <= 5%", "picked ratio",
                        "limit >= 50%", "30% (limit 5%)", "70% (limit 50%)");
        List<Element> limits = elements(chart, "line").stream()
                .filter(line -> line.getAttribute("class").equals("limit")).toList();
        assertThat(limits).hasSize(2).allSatisfy(limit -> {
            assertThat(limit.getAttribute("stroke-dasharray")).isNotEmpty();
            assertThat(limit.getAttribute("y1")).isEqualTo(limit.getAttribute("y2"));
        });
        assertThat(limits).extracting(limit -> limit.getTextContent())
                .containsExactly("limit of failed <= 5%", "limit of picked >= 50%");
        // each rule on its own axis: failed (30% against 5%) to 40%, picked (80% then 70%) to 100%
        assertThat(elements(chart, "text")).extracting(Element::getTextContent).contains("0%", "10%", "40%", "25%",
                "100%");
        assertThat(elements(chart, "polygon")).hasSize(2);
        assertThat(elements(chart, "polyline")).hasSizeGreaterThanOrEqualTo(4);
        // nothing a viewer would fetch or run
        assertThat(Files.readString(dir.resolve("campaign-7.svg"))).doesNotContain("<script", "href", "@import",
                "url(", "<style");
    }

    @Test
    void the_limit_line_should_sit_at_its_ratio_on_the_axis() throws Exception {
        failingCampaign();
        config.thresholds = List.of();

        run();

        Document chart = chart();
        Element limit = elements(chart, "line").stream().filter(line -> line.getAttribute("class").equals("limit"))
                .findFirst().orElseThrow();
        double zero = tickY(chart, "0%");
        double forty = tickY(chart, "40%");
        double five = Double.parseDouble(limit.getAttribute("y1"));
        assertThat((zero - five) / (zero - forty)).isCloseTo(5 / 40.0, org.assertj.core.data.Offset.offset(0.01));
    }

    /** The y of the grid line whose tick label reads {@code label} (the label sits 4 px below it). */
    private static double tickY(Document chart, String label) {
        Element text = elements(chart, "text").stream().filter(t -> t.getTextContent().equals(label)).findFirst()
                .orElseThrow();
        return Double.parseDouble(text.getAttribute("y")) - 4;
    }

    @Test
    void a_hostile_campaign_name_should_stay_text() throws Exception {
        String hostile = "</svg><script>alert(1)</script><svg onload=\"alert(2)\">&amp; \u0007";
        source.then(Snapshots.active().queues(19, true).calls("picked", 95, "failed", 5).name(hostile));
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
        source.then(Snapshots.active().queues(19, true).calls("picked", 95, "failed", 5)
                .name("Renewals tokSECRET123"));
        config.maxFailureRatio = "5%";
        GateConfig parsed = config.parse();
        CampaignResult result = new Gate(parsed, source, time, new RecordingLog(), new AbortSignal(), () -> 0).run();

        ReportFiles.write(dir, result, parsed, FINISHED, text -> text.replace("tokSECRET123", "****"));

        assertThat(Files.readString(dir.resolve("campaign-7.svg"))).doesNotContain("tokSECRET123")
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
        assertThat(elements(chart, "text")).extracting(Element::getTextContent)
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
        assertThat(ReportFiles.hasChart(result)).isFalse();
        assertThat(dir.resolve("campaign-7.json")).exists();
    }

    @Test
    void a_campaign_without_rules_should_still_draw_its_calls_and_queues() throws Exception {
        source.then(Snapshots.active().queues(19, true).calls("picked", 95, "not_picked", 5));

        run();

        Document chart = chart();
        assertThat(elements(chart, "text")).extracting(Element::getTextContent)
                .contains("no rule configured", "Calls", "Queues completed");
        assertThat(elements(chart, "line").stream().filter(line -> line.getAttribute("class").equals("limit")))
                .isEmpty();
        assertThat(CampaignChart.svg(run(), config.parse(), UnaryOperator.identity(), "passing"))
                .contains("simulated: scenario 'passing'");
    }

    @Test
    void a_breach_just_over_its_limit_should_be_drawn_visibly_above_the_limit_line_whatever_the_other_rules() throws Exception {
        // failed at 6% against 5%, beside a rule on picked at 90%: on one shared 0-100% axis the two would touch
        source.then(Snapshots.active().queues(19, true, false).calls("picked", 45, "failed", 3, "not_picked", 2))
                .then(Snapshots.active().queues(19, true, true).calls("picked", 90, "failed", 6, "not_picked", 4));
        config.maxFailureRatio = "5%";
        config.thresholds = List.of("picked >= 60%");

        run();

        Document chart = chart();
        Element limit = elements(chart, "line").stream().filter(line -> line.getAttribute("class").equals("limit"))
                .findFirst().orElseThrow();
        double limitY = Double.parseDouble(limit.getAttribute("y1"));
        // the failed ratio's points: red, in the first rule's panel
        double lastFailedY = elements(chart, "circle").stream()
                .filter(circle -> circle.getAttribute("class").equals("ratio"))
                .filter(circle -> circle.getAttribute("fill").equals("#d62728"))
                .mapToDouble(circle -> Double.parseDouble(circle.getAttribute("cy"))).min().orElseThrow();
        assertThat(limitY - lastFailedY).as("pixels between the 6% point and the 5% limit line").isGreaterThan(10);
        assertThat(elements(chart, "text")).extracting(Element::getTextContent).contains("6% (limit 5%)");
        // the failed rule is red, as the failed calls are in the calls panel
        assertThat(elements(chart, "text")).filteredOn(text -> text.getTextContent().equals("6% (limit 5%)"))
                .singleElement().satisfies(text -> assertThat(text.getAttribute("fill")).isEqualTo("#d62728"));
    }
}
