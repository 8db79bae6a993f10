package ai.osvi.gate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.client.ApiToken;
import ai.osvi.gate.report.ReportContext.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline every output goes through: one error policy, one sink that redacts. */
class OutputsTest {

    private static final String TOKEN = "tok_SECRET_abc123XYZ";

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private final List<String> written = new ArrayList<>();

    /** An output that writes its name into {@code written}, or fails with {@code failure}. */
    private Output output(String name, RuntimeException failure) {
        return new Output() {
            @Override
            public String describe() {
                return "the " + name;
            }

            @Override
            public void notStarted(ReportContext context, NotStarted gate) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                written.add(name);
                context.sink().replace(dir.resolve(name + ".txt"), gate.reason());
            }
        };
    }

    @Test
    void an_output_that_fails_should_be_named_in_a_warning_and_the_others_still_written() {
        ReportContext context = ReportContext.of(
                dir,
                null,
                null,
                Clock.systemUTC(),
                log,
                List.of(
                        output("first", null),
                        output("second", new IllegalStateException("disk full")),
                        output("third", null)));

        Outputs.notStarted(context, new NotStarted("OSVI gate: ERROR: x", "why"));

        assertThat(written).containsExactly("first", "third");
        assertThat(log.at("WARN")).containsExactly("Could not write the second: disk full");
        assertThat(context.sink().warnings()).isEqualTo(1);
    }

    @Test
    void every_file_and_line_should_pass_the_redactor_in_every_escaped_form() throws Exception {
        ApiToken token = new ApiToken(TOKEN, "environment variable OSVI_API_TOKEN");
        Sink sink = new Sink(token::redact, log, new Object());
        String json = "{\"name\" : \"tok_SECRET_abc123XYZ\", \"quoted\" : \"tok\\u005fSECRET\\u005fabc123XYZ\"}";
        String xml = "<p v=\"tok&#95;SECRET&#x5F;abc123XYZ\">tok_SECRET_abc123XYZ</p>";
        String markdown = "| `tok_SECRET_abc123XYZ` | tok\\_SECRET\\_abc123XYZ | tok&amp;#95;SECRET&#95;abc123XYZ |";

        sink.replace(dir.resolve("a.json"), json);
        sink.replace(dir.resolve("a.xml"), xml);
        sink.append(dir.resolve("summary.md"), markdown);
        sink.log().info("campaign tok_SECRET_abc123XYZ");

        for (String file : List.of("a.json", "a.xml", "summary.md")) {
            String text = Files.readString(dir.resolve(file));
            assertThat(text).as(file).doesNotContain("SECRET").contains("****");
        }
        assertThat(log.text()).doesNotContain("SECRET").contains("campaign ****");
    }

    @Test
    void a_file_a_runner_parses_should_be_refused_rather_than_changed() {
        Sink sink = new Sink(text -> text.replace("SECRET", "****"), log, new Object());
        Path file = dir.resolve("osvi.env");

        assertThatThrownBy(() -> sink.replaceVerbatim(file, "OSVI_CAMPAIGN_NAME=June SECRET\n"))
                .hasMessage("osvi.env would hold the API token; nothing written");
        assertThat(file).doesNotExist();
    }
}
