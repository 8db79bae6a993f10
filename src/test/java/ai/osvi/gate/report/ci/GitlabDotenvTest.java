package ai.osvi.gate.report.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.SilentLog;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.LaterJobsFixture;
import ai.osvi.gate.report.Sink;
import ai.osvi.gate.report.WarningsLog;
import ai.osvi.gate.result.GateResult;
import ai.osvi.it.GitlabDotenvFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitlabDotenvTest {

    @TempDir
    Path dir;

    private final LaterJobsFixture fixture = new LaterJobsFixture();
    private final List<String> warnings = new ArrayList<>();

    /** Writes osvi.env and reads it back as GitLab does, failing where GitLab would refuse the file. */
    private Map<String, String> written(GateResult results, UnaryOperator<String> redactor) throws Exception {
        new Sink(redactor, new SilentLog(), new Object())
                .replaceVerbatim(
                        dir.resolve(GitlabDotenv.FILE_NAME),
                        String.join(
                                "",
                                GitlabDotenv.lines(
                                        BuildResults.single(results.campaigns(), dir),
                                        new Sink(redactor, new WarningsLog(warnings), new Object()))));
        return GitlabDotenvFile.read(dir.resolve("osvi.env"));
    }

    @Test
    void a_failed_campaign_should_give_one_variable_a_line_as_gitlab_reads_them() throws Exception {
        Map<String, String> variables = written(fixture.run(LaterJobsFixture.failing()), UnaryOperator.identity());

        assertThat(Files.readString(dir.resolve("osvi.env"))).isEqualTo("""
                OSVI_VERDICT=FAIL
                OSVI_BUILD_OUTCOME=FAIL
                OSVI_CAMPAIGN_ID=7
                OSVI_CALLS_TOTAL=200
                OSVI_RATIO_PICKED=0.55
                OSVI_RATIO_NOT_PICKED=0.15
                OSVI_RATIO_FAILED=0.3
                OSVI_CAMPAIGN_NAME=June Renewals
                """);
        assertThat(variables).containsEntry("OSVI_VERDICT", "FAIL").containsEntry("OSVI_RATIO_FAILED", "0.3");
        assertThat(warnings).isEmpty();
    }

    @Test
    void a_campaign_name_should_neither_end_its_line_nor_carry_syntax_to_a_reader() throws Exception {
        String name = "x\nOSVI_VERDICT=PASS\r\n# n\u2028\u0085OSVI_BUILD_OUTCOME=PASS $(id) `id` \"q\" \\"
                + " \u202eevil\u0000 caf\u00e9 (June), 50% a@b/c: ok";

        Map<String, String> variables = written(fixture.run(LaterJobsFixture.failing(name)), UnaryOperator.identity());

        assertThat(variables)
                .containsEntry("OSVI_VERDICT", "FAIL")
                .containsEntry("OSVI_BUILD_OUTCOME", "FAIL")
                .containsEntry("OSVI_CAMPAIGN_ID", "7")
                .hasSize(8);
        assertThat(variables.get("OSVI_CAMPAIGN_NAME"))
                .isEqualTo("x_OSVI_VERDICT_PASS___ n__OSVI_BUILD_OUTCOME_PASS"
                        + " _(id) _id_ _q_ _ _evil_ caf\u00e9 (June), 50_ a@b/c: ok");
        assertThat(Files.readAllLines(dir.resolve("osvi.env"))).hasSize(8);
    }

    @Test
    void text_should_keep_only_letters_digits_and_harmless_punctuation_up_to_100_characters() {
        assertThat(GitlabDotenv.text("  June   renewals\t(\u00e9t\u00e9)  "))
                .isEqualTo("June renewals_(\u00e9t\u00e9)");
        assertThat(GitlabDotenv.text("a=b;c|d&e<f>g*h?i[j]k{l}m~n!o^p'q\"r`s$t#u\\v"))
                .isEqualTo("a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q_r_s_t_u_v");
        assertThat(GitlabDotenv.text("\ud83d\ude00x".repeat(80))).hasSize(100).isEqualTo("_x".repeat(50));
        assertThat(GitlabDotenv.text("\u4e2d\u6587".repeat(60))).isEqualTo("\u4e2d\u6587".repeat(50));
    }

    @Test
    void status_keys_should_give_keys_of_their_own_or_none() throws Exception {
        Map<String, String> variables = written(
                fixture.run(Snapshots.active()
                        .queues(19, true)
                        .calls(
                                "failed",
                                60,
                                "not-picked",
                                10,
                                "not_picked",
                                20,
                                "verdict",
                                1,
                                "x\nOSVI_VERDICT=PASS",
                                2,
                                "picked",
                                107)
                        .build()),
                UnaryOperator.identity());

        assertThat(variables)
                .containsEntry("OSVI_VERDICT", "FAIL")
                .containsEntry("OSVI_RATIO_VERDICT", "0.005")
                .containsEntry("OSVI_RATIO_X_OSVI_VERDICT_PASS", "0.01")
                .doesNotContainKey("OSVI_RATIO_NOT_PICKED");
        assertThat(warnings)
                .containsExactly("osvi.env: OSVI_RATIO_NOT_PICKED left out: the by_status keys"
                        + " \"not-picked\" and \"not_picked\" give the same name (the JSON report has their counts).");
    }

    @Test
    void more_than_gitlab_takes_by_default_should_leave_out_the_least_important_with_a_warning() throws Exception {
        Snapshots snapshot = Snapshots.active().queues(19, true).calls("failed", 60);
        for (int i = 1; i <= 30; i++) {
            snapshot.calls("status_" + i, i);
        }
        snapshot.calls("s".repeat(300), 1);

        Map<String, String> variables =
                written(fixture.run(snapshot.name("N".repeat(1000)).build()), UnaryOperator.identity());

        assertThat(variables)
                .hasSize(20)
                .containsEntry("OSVI_VERDICT", "FAIL")
                .containsKey("OSVI_RATIO_FAILED")
                .containsKey("OSVI_RATIO_STATUS_15")
                .doesNotContainKeys("OSVI_RATIO_STATUS_16", "OSVI_CAMPAIGN_NAME");
        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith("osvi.env: 17 variable(s) left out to stay"
                        + " within what GitLab accepts by default (20 variables, 5000 bytes, keys of at most 255 characters):"
                        + " OSVI_RATIO_STATUS_16, ")
                .endsWith(", OSVI_CAMPAIGN_NAME. The JSON reports have every value.");
    }

    @Test
    void the_file_should_stay_under_gitlab_s_size_limit() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < 19; i++) {
            variables.put("K" + i, "\u00e9".repeat(149));
        }
        variables.put("SHORT", "1");
        List<String> leftOut = new ArrayList<>();

        List<String> lines = GitlabDotenv.fit(variables, leftOut);

        // each line about 300 bytes: 16 fit in 5000 bytes, and the short one after them
        assertThat(lines).hasSize(17).last().isEqualTo("SHORT=1\n");
        assertThat(String.join("", lines).getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(5000);
        assertThat(leftOut).containsExactly("K16", "K17", "K18");
    }

    @Test
    void several_campaigns_should_give_the_combined_values_and_each_campaign_s_own() throws Exception {
        GateResult results = fixture.run(
                "7,8,9",
                Map.of(
                        7L,
                                Snapshots.active()
                                        .queues(19, true)
                                        .calls("picked", 99, "failed", 1)
                                        .build(),
                        9L, LaterJobsFixture.failing()));

        written(results, UnaryOperator.identity());

        assertThat(Files.readString(dir.resolve("osvi.env"))).isEqualTo("""
                OSVI_VERDICT=ERROR
                OSVI_BUILD_OUTCOME=ERROR
                OSVI_CAMPAIGN_ID=7,8,9
                OSVI_7_VERDICT=PASS
                OSVI_8_VERDICT=ERROR
                OSVI_9_VERDICT=FAIL
                OSVI_CALLS_TOTAL=300
                OSVI_RATIO_PICKED=0.696667
                OSVI_RATIO_FAILED=0.203333
                OSVI_RATIO_NOT_PICKED=0.1
                OSVI_7_BUILD_OUTCOME=SUCCESS
                OSVI_7_CALLS_TOTAL=100
                OSVI_7_RATIO_PICKED=0.99
                OSVI_7_RATIO_FAILED=0.01
                OSVI_7_CAMPAIGN_NAME=June Renewals
                OSVI_8_BUILD_OUTCOME=ERROR
                OSVI_9_BUILD_OUTCOME=FAIL
                OSVI_9_CALLS_TOTAL=200
                OSVI_9_RATIO_PICKED=0.55
                OSVI_9_RATIO_NOT_PICKED=0.15
                """);
        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith("osvi.env: 2 variable(s) left out")
                .contains(": OSVI_9_RATIO_FAILED, OSVI_9_CAMPAIGN_NAME.");
    }

    @Test
    void the_token_should_appear_in_no_key_and_no_value() throws Exception {
        String token = "S3CR3T_TOKEN";
        UnaryOperator<String> redactor = text -> text.replace(token, "****");
        // in lower case the key is not the token, but upper-cased into a key it would be; in the name, "=" becomes
        // "_" and makes the token of what was not
        GateResult results = fixture.run(Snapshots.active()
                .name("Echo S3CR3T=TOKEN")
                .queues(19, true)
                .calls("s3cr3t_token", 5, "failed", 60, "picked", 135)
                .build());

        Map<String, String> variables = written(results, redactor);

        assertThat(Files.readString(dir.resolve("osvi.env"))).doesNotContain(token);
        assertThat(variables)
                .containsEntry("OSVI_RATIO_____", "0.025")
                .containsEntry("OSVI_VERDICT", "FAIL")
                .containsEntry("OSVI_CAMPAIGN_NAME", "Echo ____");
    }

    @Test
    void a_gate_that_did_not_start_should_say_error_and_replace_an_older_file() throws Exception {
        Files.writeString(dir.resolve("osvi.env"), "OSVI_VERDICT=PASS\nOSVI_BUILD_OUTCOME=PASS\n");

        new Sink(UnaryOperator.identity(), new SilentLog(), new Object())
                .replaceVerbatim(
                        dir.resolve(GitlabDotenv.FILE_NAME),
                        String.join(
                                "",
                                GitlabDotenv.lines(
                                        new BuildResults()
                                                .record(GateResult.notStarted(
                                                        "default", null, dir, "OSVI gate: ERROR: did not run")),
                                        new Sink(UnaryOperator.identity(), new WarningsLog(warnings), new Object()))));

        assertThat(GitlabDotenvFile.read(dir.resolve("osvi.env")))
                .containsExactly(Map.entry("OSVI_VERDICT", "ERROR"), Map.entry("OSVI_BUILD_OUTCOME", "ERROR"));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("osvi.env"));
        }
    }

    @Test
    void text_that_would_hold_the_token_only_once_put_together_should_not_be_written() {
        List<String> lines = List.of("OSVI_VERDICT=FAIL\n");

        assertThatThrownBy(() -> new Sink(text -> text.replace("=FAIL", "****"), new SilentLog(), new Object())
                        .replaceVerbatim(dir.resolve(GitlabDotenv.FILE_NAME), String.join("", lines)))
                .hasMessage("osvi.env would hold the API token; nothing written");
        assertThat(dir.resolve("osvi.env")).doesNotExist();
    }

    @Test
    void the_reader_should_refuse_what_gitlab_refuses() {
        assertThatThrownBy(() -> GitlabDotenvFile.parse("A=1\n\nB=2\n".getBytes(StandardCharsets.UTF_8), 20))
                .hasMessageStartingWith("Invalid Format");
        assertThatThrownBy(() -> GitlabDotenvFile.parse("# c\nA=1\n".getBytes(StandardCharsets.UTF_8), 20))
                .hasMessageStartingWith("Invalid Format");
        assertThatThrownBy(() -> GitlabDotenvFile.parse("A-B=1\n".getBytes(StandardCharsets.UTF_8), 20))
                .hasMessageStartingWith("Invalid key");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("A" + i + "=1\n");
        }
        assertThatThrownBy(() -> GitlabDotenvFile.parse(String.join("", many).getBytes(StandardCharsets.UTF_8), 20))
                .hasMessage("Dotenv files cannot have more than 20 variables");
        Map<String, String> quoted =
                new LinkedHashMap<>(GitlabDotenvFile.parse(" A = \"x\" \n".getBytes(StandardCharsets.UTF_8), 20));
        assertThat(quoted).containsExactly(Map.entry("A", "\"x\""));
    }
}
