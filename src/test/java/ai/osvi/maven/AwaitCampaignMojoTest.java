package ai.osvi.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.simulator.Scenario;
import ai.osvi.gate.simulator.SimulatorServer;
import ai.osvi.it.GithubOutputFile;
import ai.osvi.it.GitlabDotenvFile;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
/**
 * The goal as Maven runs it, through the Maven Plugin Testing Harness, against a scripted server on loopback. It runs
 * in real time without sleeping: every scenario here ends at its first poll, so its seconds are the harness starting
 * Maven's container for each test, not waits; the waits themselves are tested in virtual time (GateTest,
 * CampaignWaiterTest, SimulationTest).
 */
class AwaitCampaignMojoTest {

    private static final String COMPLETE = new File("src/test/resources/settings/complete.json").getAbsolutePath();
    private static final String ENV_TOKEN = "envTOKEN12345678";
    /** The password of the fixture server, encrypted with the master password of settings-security.xml. */
    private static final String ENCRYPTED = "{Tp10O9lEKowHcZ32zGTlz8ZTpoXPyKB9lBTjrP+2epZfYCeNw/i7TDPV5SlGM+o6}";

    private static final String DECRYPTED = "itTokenServer001";

    private SimulatorServer simulator;

    /** The master password, shared with the IT token-from-settings-encrypted. */
    @BeforeEach
    void masterPassword() {
        System.setProperty("settings.security", new File("it/fixtures/settings-security.xml").getAbsolutePath());
    }

    @AfterEach
    void stop() {
        System.clearProperty("settings.security");
        if (simulator != null) {
            simulator.close();
        }
    }

    private void pointAt(AwaitCampaignMojo mojo, String acceptedToken, Map<String, String> env) throws Exception {
        simulator = SimulatorServer.start(Scenario.load(COMPLETE), acceptedToken);
        MojoExtension.setVariableValueToObject(
                mojo, "baseUrl", simulator.baseUrl().toString());
        mojo.environment = env::get;
        ownReportFolder(mojo);
    }

    /** Reports under a folder of the test's own, never target/osvi, where a user's quick start wrote its own. */
    private static void ownReportFolder(AwaitCampaignMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(
                mojo,
                "reportDirectory",
                Files.createDirectories(Path.of("target/mojo-test-reports/" + System.nanoTime()))
                        .toFile());
    }

    private static Settings settingsWithServer(String id, String password) {
        Server server = new Server();
        server.setId(id);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void should_pass_with_the_token_from_the_environment(AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN));
        assertThatCode(mojo::execute).doesNotThrowAnyException();
        assertThat(simulator.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.authorized()).isTrue());
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void a_token_the_api_echoes_back_should_never_reach_the_build_log(AwaitCampaignMojo mojo, @TempDir Path dir)
            throws Exception {
        Path scenario = dir.resolve("echo.json");
        Files.writeString(
                scenario,
                Files.readString(Path.of(COMPLETE))
                        .replace("\"name\": \"Complete\"", "\"name\": \"Echo " + ENV_TOKEN + "\""));
        simulator = SimulatorServer.start(Scenario.load(scenario.toString()), ENV_TOKEN);
        MojoExtension.setVariableValueToObject(
                mojo, "baseUrl", simulator.baseUrl().toString());
        mojo.environment = Map.of("OSVI_API_TOKEN", ENV_TOKEN)::get;
        ownReportFolder(mojo);
        List<String> lines = new CopyOnWriteArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public boolean isDebugEnabled() {
                return true;
            }

            @Override
            public void debug(CharSequence content) {
                lines.add(content.toString());
            }

            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                lines.add(content.toString());
            }

            @Override
            public void error(CharSequence content) {
                lines.add(content.toString());
            }
        });

        assertThatCode(mojo::execute).doesNotThrowAnyException();

        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"Echo ****\""));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(ENV_TOKEN));
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "3%")
    void a_breach_should_be_a_mojo_failure(AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("failed ratio is 4%, but the maximum is 3%");
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "3%")
    @MojoParameter(name = "failBuild", value = "false")
    void failBuild_false_should_not_throw(AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN));
        assertThatCode(mojo::execute).doesNotThrowAnyException();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "serverId", value = "osvi-prod")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void should_prefer_the_decrypted_settings_server_password(AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, DECRYPTED, Map.of("OSVI_API_TOKEN", ENV_TOKEN));
        MojoExtension.setVariableValueToObject(mojo, "settings", settingsWithServer("osvi-prod", ENCRYPTED));
        assertThatCode(mojo::execute).doesNotThrowAnyException();
        assertThat(simulator.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.authorized()).isTrue());
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void a_rejected_settings_token_should_name_the_server(AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, "notTheSameToken1", Map.of());
        MojoExtension.setVariableValueToObject(mojo, "settings", settingsWithServer("osvi", ENCRYPTED));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("OSVI rejected the API token from settings.xml server 'osvi' (HTTP 401")
                .message()
                .doesNotContain(DECRYPTED)
                .doesNotContain(ENCRYPTED);
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void an_undecryptable_password_should_be_an_error_before_any_request(AwaitCampaignMojo mojo) throws Exception {
        System.setProperty("settings.security", new File("target/no-such-settings-security.xml").getAbsolutePath());
        pointAt(mojo, DECRYPTED, Map.of());
        MojoExtension.setVariableValueToObject(mojo, "settings", settingsWithServer("osvi", ENCRYPTED));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Could not decrypt the <password> of settings.xml server 'osvi': ")
                .message()
                .doesNotContain(DECRYPTED);
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void a_missing_token_should_name_both_ways_to_provide_one(AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, DECRYPTED, Map.of("OSVI_API_TOKEN", "  "));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("No OSVI API token found. Either add a <server> with <id>osvi</id> and the token as its"
                        + " <password> to settings.xml (encrypt it with mvn --encrypt-password; serverId /"
                        + " -Dosvi.serverId chooses the id), or set the environment variable OSVI_API_TOKEN.");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void a_placeholder_token_should_be_refused_before_it_could_hide_the_gates_own_words(AwaitCampaignMojo mojo)
            throws Exception {
        // a token "x" would be redacted from every line: "HttpHostConnectE****ception", "ne****t poll"
        pointAt(mojo, DECRYPTED, Map.of("OSVI_API_TOKEN", " x "));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("The OSVI API token from environment variable OSVI_API_TOKEN is 1 character long, too"
                        + " short to be an API token (at least 8): it looks like a placeholder. Set the token OSVI"
                        + " gave you.");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "pollInterval", value = "0s")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void an_invalid_parameter_should_fail_before_any_request(AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Invalid pollInterval (osvi.pollInterval) '0s': must be greater than zero.");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "thresholds", value = "picked >= 60%,failed >= ")
    @MojoParameter(name = "campaignId", value = "7")
    void a_malformed_threshold_should_be_named(AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN));
        assertThatThrownBy(mojo::execute).hasMessageStartingWith("Invalid thresholds (osvi.thresholds) 'failed >='");
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "skip", value = "true")
    void skip_should_do_nothing_even_without_a_campaign(AwaitCampaignMojo mojo) {
        assertThatCode(mojo::execute).doesNotThrowAnyException();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void simulation_should_need_no_token_and_default_to_the_scenarios_campaign(AwaitCampaignMojo mojo)
            throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "simulation", COMPLETE);
        ownReportFolder(mojo);
        mojo.environment = name -> null;
        assertThatCode(mojo::execute).doesNotThrowAnyException();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "8")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void simulation_of_another_campaign_should_be_not_found(AwaitCampaignMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "simulation", COMPLETE);
        ownReportFolder(mojo);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("campaign 8 not found in the simulation (HTTP 404: Campaign not found): scenario"
                        + " 'complete' serves campaign 7 only. Set campaignId to 7, or leave it unset to await the"
                        + " scenario's campaign.");
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void a_relative_scenario_path_should_be_read_from_the_projects_base_directory(
            AwaitCampaignMojo mojo, @TempDir Path dir) throws Exception {
        Path module = Files.createDirectories(dir.resolve("module/scenarios")).getParent();
        Files.copy(Path.of(COMPLETE), module.resolve("scenarios/complete.json"));
        MavenProject project = new MavenProject();
        project.setFile(module.resolve("pom.xml").toFile());
        MojoExtension.setVariableValueToObject(mojo, "project", project);
        MojoExtension.setVariableValueToObject(
                mojo, "reportDirectory", module.resolve("target/osvi").toFile());
        MojoExtension.setVariableValueToObject(mojo, "simulation", "scenarios/complete.json");
        mojo.environment = name -> null;

        assertThatCode(mojo::execute).doesNotThrowAnyException();
        assertThat(module.resolve("target/osvi/campaign-7.json")).exists();

        MojoExtension.setVariableValueToObject(mojo, "simulation", "scenarios/missing.json");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("no file " + module.resolve("scenarios/missing.json"));
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    void defaults_should_match_the_documentation(AwaitCampaignMojo mojo) throws Exception {
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "baseUrl"))
                .isEqualTo("https://api.osvi.ai");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "serverId"))
                .isEqualTo("osvi");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "timeout"))
                .isEqualTo("30m");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "pollInterval"))
                .isEqualTo("15s");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "requestTimeout"))
                .isEqualTo("30s");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "failureStatuses"))
                .isEqualTo("failed");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "minCalls"))
                .isEqualTo("1");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "onInconclusive"))
                .isEqualTo("fail");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "onTimeout"))
                .isEqualTo("fail");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "onInactive"))
                .isEqualTo("fail");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "failBuild"))
                .isEqualTo("true");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "skip"))
                .isEqualTo("false");
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void results_should_be_published_as_project_properties_and_reports(AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN));
        File reports = new File("target/mojo-test-reports/" + System.nanoTime());
        MojoExtension.setVariableValueToObject(mojo, "reportDirectory", reports);
        MavenProject project = new MavenProject();
        MojoExtension.setVariableValueToObject(mojo, "project", project);

        mojo.execute();

        assertThat(project.getProperties())
                .containsEntry("osvi.result.verdict", "PASS")
                .containsEntry("osvi.result.calls.total", "100")
                .containsEntry("osvi.result.ratio.failed", "0.04")
                .containsEntry("osvi.result.ratio.picked", "0.9")
                .containsEntry("osvi.result.7.verdict", "PASS")
                .containsEntry("osvi.result.7.calls.by_status.failed", "4");
        assertThat(new File(reports, "campaign-7.json")).exists();
        assertThat(new File(reports, "TEST-osvi-campaign-7.xml")).exists();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void campaignIds_list_should_add_to_campaignId(AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN));
        MojoExtension.setVariableValueToObject(mojo, "campaignId", "7");
        MojoExtension.setVariableValueToObject(mojo, "campaignIds", List.of("8"));
        MojoExtension.setVariableValueToObject(
                mojo, "reportDirectory", new File("target/mojo-test-reports/" + System.nanoTime()));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("campaign 8 not found on this account");
        assertThat(simulator.requests())
                .extracting(r -> r.path())
                .contains("/v1/campaigns/7/status", "/v1/campaigns/8/status");
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void results_should_go_to_the_file_named_by_GITHUB_OUTPUT_and_to_osvi_env(AwaitCampaignMojo mojo) throws Exception {
        Path reports = Files.createDirectories(Path.of("target/mojo-test-reports/" + System.nanoTime()));
        Path output = reports.resolve("github-output");
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN, "GITHUB_OUTPUT", output.toString()));
        MojoExtension.setVariableValueToObject(mojo, "reportDirectory", reports.toFile());

        mojo.execute();

        assertThat(GithubOutputFile.read(output))
                .containsEntry("verdict", "PASS")
                .containsEntry("calls-total", "100")
                .containsEntry("ratio-failed", "0.04")
                .containsEntry(
                        "report-json",
                        reports.resolve("campaign-7.json").toAbsolutePath().toString());
        assertThat(GitlabDotenvFile.read(reports.resolve("osvi.env")))
                .containsEntry("OSVI_VERDICT", "PASS")
                .containsEntry("OSVI_RATIO_FAILED", "0.04");
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "pollInterval", value = "0s")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void a_gate_that_does_not_start_should_still_tell_later_jobs_error(AwaitCampaignMojo mojo) throws Exception {
        Path reports = Files.createDirectories(Path.of("target/mojo-test-reports/" + System.nanoTime()));
        Path output = reports.resolve("github-output");
        Files.writeString(reports.resolve("osvi.env"), "OSVI_VERDICT=PASS\nOSVI_BUILD_OUTCOME=PASS\n");
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN, "GITHUB_OUTPUT", output.toString()));
        MojoExtension.setVariableValueToObject(mojo, "reportDirectory", reports.toFile());

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class);

        assertThat(GithubOutputFile.read(output))
                .containsEntry("verdict", "ERROR")
                .containsEntry("build-outcome", "ERROR");
        assertThat(GitlabDotenvFile.read(reports.resolve("osvi.env"))).containsEntry("OSVI_VERDICT", "ERROR");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void an_unexpected_runtime_exception_should_reach_maven_as_an_execution_exception_with_a_message(
            AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, ENV_TOKEN, Map.of());
        mojo.environment = name -> {
            if (name.equals("OSVI_API_TOKEN")) {
                throw new IllegalStateException("boom");
            }
            return null;
        };

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("The OSVI gate failed unexpectedly (java.lang.IllegalStateException: boom)")
                .hasMessageContaining("This is a bug in osvi-maven-plugin");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void an_error_before_the_first_request_should_write_the_step_summary_and_the_junit_report_with_the_fix(
            AwaitCampaignMojo mojo) throws Exception {
        Path reports = Files.createDirectories(Path.of("target/mojo-test-reports/" + System.nanoTime()));
        Path summary = reports.resolve("step-summary.md");
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN, "GITHUB_STEP_SUMMARY", summary.toString()));
        MojoExtension.setVariableValueToObject(mojo, "reportDirectory", reports.toFile());

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class);

        assertThat(Files.readString(summary))
                .contains(
                        "### \u274c OSVI gate: ERROR: invalid configuration" + " (campaignId)",
                        "The gate stopped before its first request",
                        "> Missing campaignId (osvi.campaignId): say which campaign to await, e.g. -Dosvi.campaignId=7");
        String junit = Files.readString(reports.resolve("TEST-osvi-campaign-not-started.xml"));
        assertThat(junit)
                .contains(
                        "errors=\"1\"",
                        "<error type=\"NotStarted\" message=\"OSVI gate: ERROR: invalid"
                                + " configuration (campaignId)\">Missing campaignId (osvi.campaignId): say which campaign to await");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    void a_gate_without_a_rule_should_say_so_in_its_headline(AwaitCampaignMojo mojo) throws Exception {
        Path reports = Files.createDirectories(Path.of("target/mojo-test-reports/" + System.nanoTime()));
        Path summary = reports.resolve("step-summary.md");
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN, "GITHUB_STEP_SUMMARY", summary.toString()));
        MojoExtension.setVariableValueToObject(mojo, "reportDirectory", reports.toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("No rule is configured");

        assertThat(Files.readString(summary))
                .startsWith("### \u274c OSVI gate: ERROR: no rule configured\n")
                .doesNotContain("invalid configuration");
        assertThat(AbstractGateMojo.headline(new InvalidConfigurationException(
                        "campaignId, maxFailureRatio", "2 invalid parameters: ... " + GateConfig.NO_RULE)))
                .isEqualTo("OSVI gate: ERROR: invalid configuration (campaignId) and no rule configured");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "3%")
    void a_breach_under_github_actions_should_annotate_the_run_with_the_rule_its_value_and_limit(AwaitCampaignMojo mojo)
            throws Exception {
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN, "GITHUB_ACTIONS", "true"));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        mojo.workflowCommands = new PrintStream(stdout, true, StandardCharsets.UTF_8);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        assertThat(stdout.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .asString()
                .startsWith("::error title=OSVI gate%3A FAIL campaign 7::1 of 1 rule breached on ")
                .contains("%0Afailed ratio is 4%25, but the maximum is 3%25");
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "3%")
    void a_breach_outside_github_actions_should_print_no_workflow_command(AwaitCampaignMojo mojo) throws Exception {
        pointAt(mojo, ENV_TOKEN, Map.of("OSVI_API_TOKEN", ENV_TOKEN));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        mojo.workflowCommands = new PrintStream(stdout, true, StandardCharsets.UTF_8);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    @MojoParameter(name = "timeout", value = "90m")
    void a_timeout_past_the_gitlab_jobs_end_should_be_refused_before_any_request(AwaitCampaignMojo mojo)
            throws Exception {
        pointAt(
                mojo,
                ENV_TOKEN,
                Map.of("OSVI_API_TOKEN", ENV_TOKEN, "CI_JOB_TIMEOUT", "3600", "GITHUB_ACTIONS", "true"));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        mojo.workflowCommands = new PrintStream(stdout, true, StandardCharsets.UTF_8);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("timeout 1h30m outlives the job: the CI stops it 1h after it started"
                        + " (CI_JOB_TIMEOUT=3600, counted from ")
                .hasMessageContaining("raise the job's time limit, or judge a campaign longer than the job with"
                        + " check-campaign on a schedule.");
        assertThat(simulator.requests()).isEmpty();
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .startsWith("::error title=OSVI gate%3A ERROR%3A invalid configuration (timeout)::timeout 1h30m");
    }

    @Test
    @InjectMojo(goal = "await-campaign")
    @MojoParameter(name = "campaignId", value = "7")
    @MojoParameter(name = "maxFailureRatio", value = "5%")
    void a_carriage_return_in_a_value_should_never_start_a_line_of_the_build_failure(AwaitCampaignMojo mojo)
            throws Exception {
        pointAt(
                mojo,
                ENV_TOKEN,
                Map.of("OSVI_API_TOKEN", ENV_TOKEN, "CI_JOB_TIMEOUT", "3600\r::set-output name=verdict::PASS\r"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("\r")
                        .contains("'3600\\u000d::set-output name=verdict::PASS\\u000d'"));
        assertThat(simulator.requests()).isEmpty();
    }
}
