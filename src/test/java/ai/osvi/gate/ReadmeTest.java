package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the README says that the code decides: kept from drifting. */
class ReadmeTest {

    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
    }

    private static List<String> list(String text, String before) {
        Matcher matcher =
                Pattern.compile(Pattern.quote(before) + " \\(([^)]*)\\)").matcher(text);
        assertThat(matcher.find()).as("README: " + before + " (...)").isTrue();
        return Arrays.stream(matcher.group(1).replace("then ", "").split(",\\s*"))
                .map(String::trim)
                .toList();
    }

    @Test
    void the_reports_section_should_list_every_verdict_and_the_order_the_build_takes_them_in() throws Exception {
        List<String> worstFirst = Arrays.stream(Verdict.values())
                .sorted(Comparator.comparingInt((Verdict verdict) -> verdict.severity())
                        .reversed())
                .map(Verdict::name)
                .toList();

        assertThat(list(readme(), "On every outcome")).containsExactlyInAnyOrderElementsOf(worstFirst);
        assertThat(list(readme(), "the build takes the worst verdict")).containsExactlyElementsOf(worstFirst);
        // and the site's table of verdicts
        String site = Files.readString(Path.of("src/site/markdown/index.md"));
        assertThat(worstFirst).allSatisfy(verdict -> assertThat(site).contains("\n| " + verdict + " |"));
    }

    @Test
    void every_short_goal_command_should_say_in_its_section_how_osvi_resolves() throws Exception {
        List<String> unexplained = new ArrayList<>();
        String[] sections = Files.readString(Path.of("README.md")).split("\n(?=## )");
        for (String section : sections) {
            Matcher block =
                    Pattern.compile("```[a-z]*\n(.*?)```", Pattern.DOTALL).matcher(section);
            boolean shortCommand = false;
            while (block.find()) {
                shortCommand |= Pattern.compile("(^|\\s)osvi:await-campaign")
                        .matcher(block.group(1))
                        .find();
            }
            boolean explained = section.contains("<pluginGroup>ai.osvi</pluginGroup>")
                    || section.contains("ai.osvi:osvi-maven-plugin:");
            if (shortCommand && !explained) {
                unexplained.add(section.lines().findFirst().orElse(""));
            }
        }
        // `osvi:` only resolves in a project that declares the plugin or with the pluginGroup in settings.xml
        assertThat(unexplained).isEmpty();
    }

    /** A gate on campaign {@code id} that completes with {@code failed} of 100 calls failed, under failed <= 5%. */
    private static CampaignResult judged(long id, int failed) {
        FakeTime time = new FakeTime();
        TestConfig config = new TestConfig();
        config.campaignId = Long.toString(id);
        config.maxFailureRatio = "5%";
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active().campaign(id).queues(19, true).calls("picked", 100 - failed, "failed", failed));
        return new Gate(config.parse(), source, time, new RecordingLog(), new AbortSignal(), () -> 0).run();
    }

    @Test
    void the_readme_should_give_each_form_of_the_last_line_as_the_gate_writes_it() throws Exception {
        String readme = readme();
        CampaignResult seven = judged(7, 1);
        assertThat(seven.summaryLine()).startsWith("OSVI gate: PASS campaign 7: ");
        assertThat(readme).contains("`OSVI gate: <VERDICT> campaign <id>: <summary>` (one campaign)");
        GateResult several =
                new GateResult("default-cli", null, null, List.of(seven, judged(8, 20), judged(9, 2)), null);
        assertThat(readme).contains("`" + several.summaryLine() + "` (several)");
        assertThat(readme).contains("`OSVI gate: FAIL 2 gates: strict FAIL, blocking PASS` (after the second gate");
        assertThat(readme).contains("`OSVI gate: ERROR: <reason>` (stopped before the first request)");
    }
}
