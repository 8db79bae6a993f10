package ai.osvi.maven;

import ai.osvi.gate.GateRun;
import ai.osvi.gate.client.ApiToken;
import ai.osvi.gate.client.ProxySettings;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.JobTimeLimit;
import ai.osvi.gate.config.RawGateConfig;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.report.NotStarted;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.report.ReportContext.Output;
import ai.osvi.gate.report.ci.GithubAnnotations;
import ai.osvi.gate.report.files.ReportDirectory;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.simulator.Scenario;
import ai.osvi.gate.simulator.Simulation;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The Maven side shared by the gate's goals: the token from settings.xml or the environment, the proxy, the
 * command-line checks, the build's results and the project's properties, and the outcome turned into
 * {@code MojoFailureException} (the gate said no) or {@code MojoExecutionException} (it could not decide).
 * Everything else is the core's ({@link GateRun}).
 */
public abstract class AbstractGateMojo extends GateParameters {

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    private final SettingsDecrypter settingsDecrypter;

    UnaryOperator<String> environment = System::getenv;

    /**
     * Where GitHub Actions reads workflow commands: the process's standard output itself, without Maven's level
     * prefix. Not {@code System.out}: Maven 4 logs what a plugin prints there as {@code [INFO] [stdout] ...}, and the
     * runner only reads a command at the start of a line. {@code null} until used; never closed (it is the console).
     */
    PrintStream workflowCommands;

    /**
     * Created by Maven, which injects the decrypter.
     *
     * @param settingsDecrypter decrypts the settings.xml server password that holds the API token
     */
    protected AbstractGateMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    /** The wall clock of a one-shot check ({@code check-campaign}), or {@code null} for a wait. */
    abstract Clock checkClock();

    /** Sets what only this goal has; the shared parameters are set already. */
    void configure(RawGateConfig raw) {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipRequested()) {
            getLog().info("Skipping the OSVI gate (skip / osvi.skip is true).");
            return;
        }
        MavenGateLog log = new MavenGateLog(getLog(), ConsoleColour.enabled(session), ConsoleEncoding.showsBlocks());
        ReportDirectory.removeReportsOfEarlierBuilds(reportDirectory(), buildStart(), replayedReport(), log);
        String inherited = ExecutionHints.inheritedByModules(
                project, mojoExecution, session == null ? null : session.getProjects());
        if (!inherited.isEmpty()) {
            getLog().info(inherited);
        }
        ReportContext reports = reportContext(log);
        // every message that leaves the goal passes the token's redaction, once it is known
        AtomicReference<UnaryOperator<String>> redactor = new AtomicReference<>();
        GateResult result;
        try {
            result = runGate(reports, redactor);
        } catch (GateDidNotStart e) {
            throw notStarted(reports, redactor.get(), e.headline, e.getMessage());
        } catch (MojoExecutionException e) {
            throw notStarted(reports, redactor.get(), "OSVI gate: ERROR: the gate did not start", e.getMessage());
        } catch (RuntimeException e) {
            // a bug of ours, or of a library: a message Maven shows without a stack trace, and ERROR for later jobs;
            // the trace at -X, redacted as every line is
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            getLog().debug((redactor.get() != null ? redactor.get() : tokenIfAny()).apply(trace.toString()));
            throw notStarted(
                    reports,
                    redactor.get(),
                    "OSVI gate: ERROR: the gate failed unexpectedly",
                    "The OSVI gate failed unexpectedly (" + e + "). This is a bug in osvi-maven-plugin, not a verdict"
                            + " on the campaign: please report it with the output of mvn -X.");
        }
        UnaryOperator<String> redacting = redactor.get() != null ? redactor.get() : UnaryOperator.identity();
        annotate(GithubAnnotations.of(result).stream().map(redacting).toList());
        String message = ConsoleText.safe(redacting.apply(result.failureMessage()));
        switch (result.outcome()) {
            case SUCCESS, WARN -> {}
            case FAIL -> throw new MojoFailureException(message);
            case ERROR -> throw new MojoExecutionException(message);
        }
    }

    /** Where this gate's outputs go: the report directory, the CI's files, and this project's properties. */
    private ReportContext reportContext(MavenGateLog log) {
        List<Output> outputs = new ArrayList<>(GateRun.standardOutputs());
        outputs.add(new ResultProperties(project));
        return ReportContext.of(
                        reportDirectory(),
                        environmentPath("GITHUB_STEP_SUMMARY"),
                        environmentPath("GITHUB_OUTPUT"),
                        Clock.systemUTC(),
                        log,
                        outputs)
                .inBuild(BuildResultsOfSession.get(session), gateName(), project == null ? null : project.getId());
    }

    /**
     * A gate that stopped before its first request: what later jobs read says ERROR, the reports and the annotations
     * say why, and the returned failure is what Maven shows.
     */
    private MojoExecutionException notStarted(
            ReportContext reports, UnaryOperator<String> known, String headline, String reason) {
        UnaryOperator<String> redactor = known != null ? known : tokenIfAny();
        String message = ConsoleText.safe(redactor.apply(reason));
        GateRun.reportNotStarted(reports.withRedactor(redactor), new NotStarted(headline, message));
        annotate(List.of(GithubAnnotations.notStarted(headline, message)));
        return new MojoExecutionException(message);
    }

    /**
     * The redaction of the token the goal would use, for a gate that stopped before reading it (an invalid parameter
     * quotes its value, and a user may have pasted the token into the wrong one); nothing when there is no usable
     * token, which is then the failure already.
     */
    private UnaryOperator<String> tokenIfAny() {
        try {
            return new TokenResolver(settingsDecrypter, environment).resolve(settings, serverId())::redact;
        } catch (MojoExecutionException | RuntimeException e) {
            return UnaryOperator.identity();
        }
    }

    /** Under GitHub Actions, the verdict's reason as workflow annotations on the run's page. */
    private void annotate(List<String> lines) {
        if ("true".equals(environment.apply("GITHUB_ACTIONS"))) {
            PrintStream out = workflowCommands != null
                    ? workflowCommands
                    : new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
            lines.forEach(out::println);
            out.flush();
        }
    }

    /** Whether {@code skip} is {@code true}; a value that is neither true nor false is refused once the gate runs. */
    private boolean skipRequested() {
        try {
            return Values.bool("skip", skipParameter(), false);
        } catch (InvalidConfigurationException e) {
            return false;
        }
    }

    private ApiToken resolveToken() throws MojoExecutionException {
        try {
            return new TokenResolver(settingsDecrypter, environment).resolve(settings, serverId());
        } catch (MojoExecutionException e) {
            throw notStarted("OSVI gate: ERROR: no usable API token", e.getMessage());
        }
    }

    /** This gate's name among the build's: its execution id, after its module's artifactId in a reactor. */
    private String gateName() {
        String execution = mojoExecution == null || mojoExecution.getExecutionId() == null
                ? "default-cli"
                : mojoExecution.getExecutionId();
        boolean reactor = session != null
                && session.getProjects() != null
                && session.getProjects().size() > 1;
        return reactor && project != null ? project.getArtifactId() + "-" + execution : execution;
    }

    private GateResult runGate(ReportContext reports, AtomicReference<UnaryOperator<String>> redactor)
            throws MojoExecutionException {
        List<String> commandLine = mojoExecution == null || session == null
                ? List.of()
                : CommandLineProperties.problems(session.getUserProperties(), mojoExecution.getMojoDescriptor(), this);
        if (!commandLine.isEmpty()) {
            throw notStarted(
                    "OSVI gate: ERROR: command-line properties that would not be used as given",
                    String.join(System.lineSeparator(), commandLine));
        }
        RawGateConfig raw = rawConfig();
        configure(raw);
        try (AbortOnShutdown abort = AbortOnShutdown.register()) {
            try {
                refuseWhatMavenWouldIgnore(raw);
                if (simulation() != null) {
                    return Simulation.run(
                            simulation(),
                            topLevelDirectory(),
                            raw,
                            abort.signal(),
                            reports,
                            checkClock(),
                            TimeSource.SYSTEM);
                }
                List<GateConfig> campaigns = GateConfig.parseAll(raw);
                if (checkClock() == null) {
                    refuseTimeoutBeyondTheJob(campaigns);
                }
                ApiToken token = resolveToken();
                redactor.set(token::redact);
                ProxySettings proxy = ProxyResolver.resolve(
                        settings, settingsDecrypter, campaigns.get(0).baseUrl());
                return GateRun.againstApi(campaigns, token, proxy, abort.signal(), reports, checkClock());
            } catch (InvalidConfigurationException e) {
                throw notStarted(
                        headline(e),
                        e.getMessage()
                                + (e.getMessage().contains(GateConfig.NO_RULE)
                                        ? ExecutionHints.unusedExecutionRules(project, mojoExecution)
                                        : "")
                                + ExecutionHints.boundWithoutCampaign(e, project, mojoExecution));
            }
        }
    }

    /**
     * Values Maven would read otherwise than written: a skip that is not a boolean, a misspelt pom element, a list
     * replaced from the command line (said), rules only in an execution that this one does not run.
     */
    private void refuseWhatMavenWouldIgnore(RawGateConfig raw) throws InvalidConfigurationException {
        Values.bool("skip", skipParameter(), false);
        PomConfiguration.refuseUnknownElements(project, mojoExecution);
        if (mojoExecution != null && session != null && project != null) {
            CommandLineProperties.replacedLists(
                            session.getUserProperties(), project.getProperties(), mojoExecution.getMojoDescriptor())
                    .forEach(getLog()::info);
        }
        if (!Values.bool("completionOnly", raw.completionOnly, false)
                && !Simulation.hasRules(raw)
                && !ExecutionHints.unusedExecutionRules(project, mojoExecution).isEmpty()) {
            // the same error with simulation as without: the scenario's suggested rules would hide it
            throw new InvalidConfigurationException("maxFailureRatio", GateConfig.NO_RULE);
        }
    }

    /**
     * "OSVI gate: ERROR: no rule configured" when that is the problem, else "invalid configuration (timeout)", naming
     * the parameters, with "and no rule configured" when that is a problem too.
     */
    static String headline(InvalidConfigurationException e) {
        if (!e.getMessage().contains(GateConfig.NO_RULE)) {
            return "OSVI gate: ERROR: invalid configuration (" + e.parameter() + ")";
        }
        // the no-rule problem is the one that names maxFailureRatio: a value of maxFailureRatio given would be a rule
        List<String> others = Arrays.stream(e.parameter().split(", "))
                .filter(parameter -> !parameter.equals("maxFailureRatio"))
                .toList();
        return others.isEmpty()
                ? "OSVI gate: ERROR: no rule configured"
                : "OSVI gate: ERROR: invalid configuration (" + String.join(", ", others) + ") and no rule configured";
    }

    /** A wait that would outlive the CI job is killed with no verdict and no report: refused before it starts. */
    private void refuseTimeoutBeyondTheJob(List<GateConfig> campaigns) throws InvalidConfigurationException {
        Optional<JobTimeLimit> job = JobTimeLimit.fromEnvironment(environment);
        if (job.isPresent()) {
            job.get()
                    .check(
                            campaigns.stream()
                                    .map(GateConfig::timeout)
                                    .max(Comparator.naturalOrder())
                                    .orElseThrow(),
                            Instant.now(),
                            buildStart());
        }
    }

    /** The file a simulation reads, which may be a report of an earlier build being replayed; else {@code null}. */
    private Path replayedReport() {
        String simulation = simulation();
        if (simulation == null || simulation.isBlank() || Scenario.BUILT_IN.contains(simulation.trim())) {
            return null;
        }
        try {
            return topLevelDirectory().resolve(simulation.trim());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Logs {@code headline} (the gate's last line) and returns the failure to throw, which the reports repeat. */
    private GateDidNotStart notStarted(String headline, String message) {
        getLog().error(headline);
        return new GateDidNotStart(headline, message);
    }

    /** The gate stopped before its first request: {@code headline} is its last log line, the message the fix. */
    private static final class GateDidNotStart extends MojoExecutionException {

        private static final long serialVersionUID = 1L;

        private final String headline;

        GateDidNotStart(String headline, String message) {
            super(message);
            this.headline = headline;
        }
    }

    /** A file named by an environment variable (GitHub Actions sets them), or {@code null} when it is not set. */
    private Path environmentPath(String variable) {
        String value = environment.apply(variable);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /**
     * Without a pom, Maven leaves {@code ${project.basedir}} in the default unresolved: the reports then go to
     * {@code ./target/osvi} under the folder Maven runs in.
     */
    private Path reportDirectory() {
        if (reportDirectoryParameter() == null) {
            return null;
        }
        String path = reportDirectoryParameter().getPath();
        String unresolved = "${project.basedir}";
        int at = path.indexOf(unresolved);
        if (at >= 0) {
            // Maven made the unresolved default absolute by putting the folder in front: keep what follows it.
            return Path.of(workingFolder().toString(), path.substring(at + unresolved.length()));
        }
        return Path.of(path);
    }

    /**
     * The base directory of the build's top-level project, against which relative paths the user gives are resolved,
     * whichever module the gate runs in; without a pom, the folder Maven runs in.
     */
    private Path topLevelDirectory() {
        MavenProject topLevel = session == null ? null : session.getTopLevelProject();
        if (topLevel != null && topLevel.getBasedir() != null) {
            return topLevel.getBasedir().toPath();
        }
        return project != null && project.getBasedir() != null
                ? project.getBasedir().toPath()
                : workingFolder();
    }

    /** The folder Maven runs in. */
    private Path workingFolder() {
        return Path.of(
                session != null && session.getExecutionRootDirectory() != null
                        ? session.getExecutionRootDirectory()
                        : System.getProperty("user.dir"));
    }

    /** When this Maven session started, or {@code null} when Maven did not say. */
    private Instant buildStart() {
        Date start = session == null || session.getRequest() == null
                ? null
                : session.getRequest().getStartTime();
        return start == null ? null : start.toInstant();
    }
}
