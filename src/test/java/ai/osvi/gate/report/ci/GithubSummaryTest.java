package ai.osvi.gate.report.ci;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.CallbackSource;
import ai.osvi.gate.FakeTime;
import ai.osvi.gate.Gate;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.ScriptedSource;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.client.ApiToken;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.report.files.FileReports;
import ai.osvi.gate.result.CampaignResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step summary as a GitHub-flavoured Markdown renderer shows it: text from the API exactly as it was sent. */
class GithubSummaryTest {

    private static final Parser MARKDOWN =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final FakeTime time = new FakeTime();

    private CampaignResult result(Snapshots snapshot) {
        ScriptedSource source = new ScriptedSource(time).then(snapshot.queues(19, true));
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";
        return new Gate(config.parse(), source, time, new RecordingLog(), new AbortSignal(), () -> 0).run();
    }

    private static GateConfig config() {
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";
        return config.parse();
    }

    @Test
    void a_campaign_name_and_statuses_from_the_api_should_show_exactly_as_sent() {
        String name = "*June* _x_ <b>bold</b> [link](https://example.com) \\_ &amp; &#95; ~~no~~ | $x$ `c` #1";
        List<String> statuses = List.of("picked", "a`b", "``", "x|y", " padded ", "`edge`", "<i>it</i>", "\\|");
        Snapshots snapshot = Snapshots.active().name(name).calls("failed", 1);
        statuses.forEach(status -> snapshot.calls(status, 10));

        Node shown = MARKDOWN.parse(StepSummary.markdown(result(snapshot), config(), null));

        Heading heading = first(shown, Heading.class);
        assertThat(text(heading)).isEqualTo("\u2705 OSVI gate: PASS \u2014 campaign 7 \u201c" + name + "\u201d");
        assertThat(statusColumn(shown))
                .containsExactlyElementsOf(
                        Stream.concat(Stream.of("failed"), statuses.stream()).toList());
    }

    @Test
    void a_name_that_spells_the_token_with_markdown_escapes_or_html_references_should_never_show_it() {
        String token = "tok_SECRET123456";
        UnaryOperator<String> redactor = new ApiToken(token, "environment variable OSVI_API_TOKEN")::redact;
        for (String spelling : List.of(
                "tok\\_SECRET123456",
                "tok&#95;SECRET123456",
                "tok&#x5F;SECRET123456",
                "&#116;ok&lowbar;SECRET123456",
                "tok&UnderBar;SECRET123456")) {
            Snapshots snapshot = Snapshots.active().name("June " + spelling).calls("picked", 90, spelling, 10);

            String markdown = redactor.apply(StepSummary.markdown(result(snapshot), config(), null));

            // the token's half or more is redacted wherever the summary shows it; "tok\" alone gives nothing away
            assertThat(text(MARKDOWN.parse(markdown)))
                    .as(spelling)
                    .doesNotContain(token)
                    .doesNotContain("SECRET")
                    .contains("June ")
                    .contains("****");
        }
    }

    @Test
    void a_deadline_the_campaign_will_miss_should_be_warned_about_in_the_summary_and_the_json_report(@TempDir Path dir)
            throws Exception {
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";
        config.timeout = "1m";
        config.pollStrategy = "fixed";
        long zero = time.nanoTime();
        // 1 call a second of 120 queued: the campaign ends after 2 min, the gate gives up after 1
        CallbackSource slow = new CallbackSource(poll -> {
            long seconds = (time.nanoTime() - zero) / 1_000_000_000L;
            return Snapshots.active()
                    .queues(19, false, false, false, false, false, false, false, false, false, false, false, false)
                    .calls("picked", seconds)
                    .build();
        });
        GateConfig parsed = config.parse();
        CampaignResult result = new Gate(parsed, slow, time, new RecordingLog(), new AbortSignal(), () -> 0).run();
        FileReports.write(dir, result, parsed, Instant.parse("2026-11-28T12:00:00Z"));

        List<String> quotes = all(MARKDOWN.parse(StepSummary.markdown(result, parsed, null)), BlockQuote.class).stream()
                .map(GithubSummaryTest::text)
                .toList();
        assertThat(quotes)
                .filteredOn(quote -> quote.startsWith("\u26a0\ufe0f Warning: at its pace the campaign ends"))
                .singleElement()
                .asString()
                .contains("after the gate gives up at", "raise timeout");
        JsonNode warnings = new ObjectMapper()
                .readTree(dir.resolve("campaign-7.json").toFile())
                .at("/wait/warnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).asText()).startsWith("at its pace the campaign ends about ");
    }

    /** The status column of the table of calls, as shown: the cells of the first column after the rules' table. */
    private static List<String> statusColumn(Node document) {
        List<TableBody> bodies = all(document, TableBody.class);
        TableBody calls = bodies.get(bodies.size() - 1);
        List<String> column = new ArrayList<>();
        for (Node row = calls.getFirstChild(); row != null; row = row.getNext()) {
            column.add(text(row.getFirstChild()));
        }
        return column.subList(0, column.size() - 1); // the last row is the total
    }

    /** What a reader sees of {@code node}: its text and code, not the tags of its inline HTML. */
    private static String text(Node node) {
        if (node instanceof Text text) {
            return text.getLiteral();
        }
        if (node instanceof Code code) {
            return code.getLiteral();
        }
        if (node instanceof HtmlInline) {
            return "";
        }
        if (node instanceof SoftLineBreak) {
            return "\n";
        }
        StringBuilder shown = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            shown.append(text(child));
            if (child instanceof TableCell) {
                shown.append(" | ");
            }
        }
        return shown.toString();
    }

    private static <T extends Node> T first(Node document, Class<T> type) {
        return all(document, type).get(0);
    }

    private static <T extends Node> List<T> all(Node node, Class<T> type) {
        List<T> found = new ArrayList<>();
        if (type.isInstance(node)) {
            found.add(type.cast(node));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            found.addAll(all(child, type));
        }
        return found;
    }
}
