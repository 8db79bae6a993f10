package ai.osvi.maven;

import ai.osvi.gate.GateRun;
import ai.osvi.gate.client.ApiToken;
import ai.osvi.gate.client.OsviHttpClient;
import ai.osvi.gate.client.ProxySettings;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.RawGateConfig;
import ai.osvi.gate.log.RedactingLog;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.report.ReportFiles;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.simulator.Simulation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters and the Maven side shared by the gate's goals ({@code await-campaign}, {@code check-campaign}): the
 * token from settings.xml or the environment, the proxy, the command-line checks, the build's results, and the
 * outcome turned into {@code MojoFailureException} or {@code MojoExecutionException}.
 * <p>
 * The API token is never a parameter (Maven prints parameters at {@code -X}): it is the password of the
 * settings.xml server named by {@code serverId}, or the environment variable {@code OSVI_API_TOKEN}.
 */
public abstract class AbstractGateMojo extends AbstractMojo {

    /**
     * The numeric id of the campaign to await, or several comma-separated ({@code 7,8,9}): they are awaited at once
     * and the build takes the worst verdict. Required (here or in {@code campaignIds}), except with
     * {@code simulation}, where it defaults to the scenario's campaign.
     */
    @Parameter(property = "osvi.campaignId")
    private String campaignId;

    /**
     * Several campaigns to await at once, one {@code campaignId} element each, as an alternative to a
     * comma-separated {@code campaignId}. Each gets its own verdict and reports; the build takes the worst verdict.
     */
    @Parameter
    private List<String> campaignIds;

    /**
     * Where the reports are written: {@code campaign-ID.json} and the JUnit XML
     * {@code TEST-osvi-campaign-ID.xml}, ID being the campaign's id (for Jenkins' junit step and GitLab's junit
     * reports), on every outcome; the chart of the wait {@code campaign-ID.svg} once a snapshot was received; and
     * {@code osvi.env}, the results as a GitLab dotenv report ({@code OSVI_VERDICT=FAIL}...).
     * When the environment variable {@code GITHUB_STEP_SUMMARY} is set, a Markdown table is also appended to that
     * file; when {@code GITHUB_OUTPUT} is set, the results are appended to it as step outputs ({@code verdict}...).
     */
    @Parameter(property = "osvi.reportDirectory", defaultValue = "${project.build.directory}/osvi")
    private File reportDirectory;

    /**
     * The OSVI API's base URL: {@code http://} or {@code https://}, without user-info, query or fragment. Requests go
     * to this URL followed by {@code /v1/campaigns/ID/status}, ID being the {@code campaignId}.
     */
    @Parameter(property = "osvi.baseUrl", defaultValue = RawGateConfig.DEFAULT_BASE_URL)
    private String baseUrl;

    /**
     * The id of the server entry in settings.xml whose password is the API token (passwords encrypted with
     * {@code mvn --encrypt-password} work). When settings.xml has no such server, the token is read from the
     * environment variable {@code OSVI_API_TOKEN}. There is deliberately no parameter for the token itself.
     */
    @Parameter(property = "osvi.serverId", defaultValue = "osvi")
    private String serverId;

    /**
     * How long to wait in all, request time included, before giving up: {@code 90s}, {@code 15m}, {@code 1h},
     * {@code 1h30m} or ISO-8601 such as {@code PT30M}. It holds exactly: no request runs past it and no answer that
     * arrives after it is used. What a timeout does is set by {@code onTimeout}.
     */
    @Parameter(property = "osvi.timeout", defaultValue = RawGateConfig.DEFAULT_TIMEOUT)
    private String timeout;

    /** The pause between two polls of the campaign status: a duration like {@code 15s} or {@code PT15S}, at least 1s. */
    @Parameter(property = "osvi.pollInterval", defaultValue = RawGateConfig.DEFAULT_POLL_INTERVAL)
    private String pollInterval;

    /**
     * How the pause between polls is chosen: {@code adaptive} estimates when the campaign will end from its progress
     * (calls made against the calls queued, and their rate) and polls more often near the predicted end, less often
     * far from it, between {@code pollInterval} and {@code maxPollInterval}; {@code fixed} always waits
     * {@code pollInterval}.
     */
    @Parameter(property = "osvi.pollStrategy", defaultValue = RawGateConfig.DEFAULT_POLL_STRATEGY)
    private String pollStrategy;

    /** The longest pause between two polls under {@code pollStrategy=adaptive}: e.g. {@code 2m}. */
    @Parameter(property = "osvi.maxPollInterval", defaultValue = RawGateConfig.DEFAULT_MAX_POLL_INTERVAL)
    private String maxPollInterval;

    /**
     * Stops with FAIL as soon as a rule is certain to be breached whatever the remaining calls do, instead of
     * waiting for the campaign to complete. The bound assumes that counts only grow and that the campaign makes at
     * most {@code total_queued} calls per queue, times {@code 1 + retry_threshold} when retries are enabled.
     */
    @Parameter(property = "osvi.failFast", defaultValue = RawGateConfig.DEFAULT_FAIL_FAST)
    private boolean failFast;

    /**
     * Fails as STALLED when the call counts and queue states have not changed for this long (a duration such as
     * {@code 20m}), instead of waiting for the full {@code timeout}. Unset by default.
     */
    @Parameter(property = "osvi.stallTimeout")
    private String stallTimeout;

    /**
     * The longest one request may take, connecting and reading the whole response included: e.g. {@code 30s}. A
     * request never gets more than the time left before {@code timeout}.
     */
    @Parameter(property = "osvi.requestTimeout", defaultValue = RawGateConfig.DEFAULT_REQUEST_TIMEOUT)
    private String requestTimeout;

    /**
     * The largest share of calls allowed in the {@code failureStatuses}: the build fails when (sum of their counts) /
     * {@code calls.total} is above it. A ratio ({@code 0.05}) or a percentage ({@code 5%}). Unset by default.
     */
    @Parameter(property = "osvi.maxFailureRatio")
    private String maxFailureRatio;

    /**
     * The {@code by_status} keys counted as failures by {@code maxFailureRatio}, comma-separated:
     * e.g. {@code failed} or {@code failed,not_picked}.
     */
    @Parameter(property = "osvi.failureStatuses", defaultValue = RawGateConfig.DEFAULT_FAILURE_STATUSES)
    private String failureStatuses;

    /**
     * Further rules, each {@code STATUS OP VALUE}: OP one of {@code < <= > >=}, STATUS a {@code by_status} key or a
     * sum of keys such as {@code failed+not_picked}, VALUE a ratio ({@code 0.35}) or percentage ({@code 60%}) of
     * {@code calls.total}. In the pom, a list with one threshold element per rule (write {@code <} and {@code >}
     * as XML entities there); on the command line, comma-separated:
     * {@code -Dosvi.thresholds="picked>=60%,failed+not_picked<0.35"}.
     */
    @Parameter(property = "osvi.thresholds")
    private List<String> thresholds;

    /**
     * The fewest calls that make a verdict. A completed campaign with fewer calls is INCONCLUSIVE, never a pass;
     * {@code onInconclusive} says whether that fails the build.
     */
    @Parameter(property = "osvi.minCalls", defaultValue = RawGateConfig.DEFAULT_MIN_CALLS)
    private String minCalls;

    /** What an INCONCLUSIVE result does: {@code fail} the build, or {@code warn} and go on. */
    @Parameter(property = "osvi.onInconclusive", defaultValue = RawGateConfig.DEFAULT_ON_INCONCLUSIVE)
    private String onInconclusive;

    /**
     * Wait only for the queues of this {@code campaign_upload_id} instead of every upload of the campaign. The rules
     * still judge the call counts of the whole campaign, earlier uploads included: the API gives no counts per
     * upload. The gate warns about this at start and notes it in the reports.
     */
    @Parameter(property = "osvi.uploadId")
    private String uploadId;

    /**
     * What happens when {@code timeout} passes before the campaign completes: {@code fail} the build (the gate could
     * not decide), or {@code evaluate} the rules on the last snapshot received: a breach is then a FAIL, and rules
     * that hold give TIMEOUT with a warning (never PASS, which means completed), the build going on.
     */
    @Parameter(property = "osvi.onTimeout", defaultValue = RawGateConfig.DEFAULT_ON_TIMEOUT)
    private String onTimeout;

    /**
     * What happens when the campaign is {@code inactive} while awaited queues are incomplete: {@code fail} at once
     * (an inactive campaign does not complete on its own), or {@code wait} until it is active again or the timeout.
     */
    @Parameter(property = "osvi.onInactive", defaultValue = RawGateConfig.DEFAULT_ON_INACTIVE)
    private String onInactive;

    /** Whether a breached rule fails the build. {@code false} turns breaches into warnings. */
    @Parameter(property = "osvi.failBuild", defaultValue = RawGateConfig.DEFAULT_FAIL_BUILD)
    private boolean failBuild;

    /**
     * How many failed polls in a row end the wait: network errors, HTTP 5xx, 408 and 429, and bodies that are not the
     * documented JSON. Answers that asking again cannot change end the wait at once instead: 401, 404, 407, any
     * other 4xx, and any redirect. Between failed polls the gate backs off: from {@code pollInterval}, doubling at
     * most, with random jitter, capped at 2 minutes, honouring a {@code Retry-After} of 429 and 503 answers, never
     * past {@code timeout}. A good answer resets the count.
     */
    @Parameter(property = "osvi.maxConsecutiveErrors", defaultValue = RawGateConfig.DEFAULT_MAX_CONSECUTIVE_ERRORS)
    private String maxConsecutiveErrors;

    /**
     * What happens when {@code maxConsecutiveErrors} polls in a row have failed: {@code fail} the build (the gate
     * could not decide), or {@code warn}: the build goes on, with a loud warning that nothing was gated.
     */
    @Parameter(property = "osvi.onError", defaultValue = RawGateConfig.DEFAULT_ON_ERROR)
    private String onError;

    /**
     * Allows a plain {@code http://} baseUrl to a host other than loopback. Off by default: the token would cross
     * the network readable by anyone on the path. TLS certificates are always verified; there is no switch for that.
     */
    @Parameter(property = "osvi.allowInsecureHttp", defaultValue = RawGateConfig.DEFAULT_ALLOW_INSECURE_HTTP)
    private boolean allowInsecureHttp;

    /**
     * Waits for the campaign to complete without judging any rule. Without it, a gate with no rule configured
     * ({@code maxFailureRatio}, {@code thresholds}) fails before the first request: a gate that judges nothing must be
     * asked for, never the result of a configuration Maven did not apply.
     */
    @Parameter(property = "osvi.completionOnly", defaultValue = RawGateConfig.DEFAULT_COMPLETION_ONLY)
    private boolean completionOnly;

    /** Skips the gate entirely. */
    @Parameter(property = "osvi.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Runs the gate against an embedded OSVI simulator on 127.0.0.1 instead of the real API: no account or token is
     * needed and nothing real is contacted. A built-in scenario ({@code passing}, {@code failing}, {@code stalled},
     * {@code inactive}) or the path of a scenario JSON file, relative to the base directory of the build's top-level
     * project whichever module runs the gate (format in the README).
     */
    @Parameter(property = "osvi.simulation")
    private String simulation;

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
    void configure(RawGateConfig raw) {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the OSVI gate (skip / osvi.skip is true).");
            return;
        }
        MavenGateLog log = new MavenGateLog(getLog(), ConsoleColour.enabled(session),
                ConsoleEncoding.showsBlocks());
        removeReportsOfEarlierBuilds();
        String project = this.project == null ? null : this.project.getId();
        GateRun.Reports reports = new GateRun.Reports(reportDirectory(), environmentPath("GITHUB_STEP_SUMMARY"),
                environmentPath("GITHUB_OUTPUT"), Clock.systemUTC(), UnaryOperator.identity())
                .inBuild(BuildResultsOfSession.get(session), gateName(), project);
        // every message that leaves the goal passes the token's redaction, once it is known
        AtomicReference<UnaryOperator<String>> redactor = new AtomicReference<>(UnaryOperator.identity());
        GateResult results;
        try {
            results = runGate(log, reports, redactor);
        } catch (MojoExecutionException e) {
            GateRun.reportNotStarted(reports.withRedactor(redactor.get()), log, "OSVI gate: ERROR: the gate did not"
                    + " run to a verdict; see the build log");
            throw new MojoExecutionException(redactor.get().apply(e.getMessage()));
        } catch (RuntimeException e) {
            // a bug of ours, or of a library: a message Maven shows without a stack trace, and ERROR for later jobs
            GateRun.reportNotStarted(reports.withRedactor(redactor.get()), log, "OSVI gate: ERROR: the gate failed"
                    + " unexpectedly; see the build log");
            getLog().debug(e);
            throw new MojoExecutionException(redactor.get().apply("The OSVI gate failed unexpectedly (" + e
                    + "). This is a bug in osvi-maven-plugin, not a verdict on the campaign: please report it with"
                    + " the output of mvn -X."));
        }
        ResultProperties.publish(reports.build().forProject(project), this.project);
        String message = redactor.get().apply(results.failureMessage());
        switch (results.outcome()) {
            case PASS, WARN -> {
            }
            case FAIL -> throw new MojoFailureException(message);
            case ERROR -> throw new MojoExecutionException(message);
        }
    }

    private ApiToken resolveToken() throws MojoExecutionException {
        try {
            return new TokenResolver(settingsDecrypter, environment).resolve(settings, serverId);
        } catch (MojoExecutionException e) {
            getLog().error("OSVI gate: ERROR: no usable API token");
            throw e;
        }
    }

    /** This gate's name among the build's: its execution id, after its module's artifactId in a reactor. */
    private String gateName() {
        String execution = mojoExecution == null ? "default-cli" : mojoExecution.getExecutionId();
        boolean reactor = session != null && session.getProjects() != null && session.getProjects().size() > 1;
        return reactor && project != null ? project.getArtifactId() + "-" + execution : execution;
    }

    private GateResult runGate(MavenGateLog log, GateRun.Reports reports, AtomicReference<UnaryOperator<String>> redactor)
            throws MojoExecutionException {
        List<String> commandLine = mojoExecution == null || session == null ? List.of()
                : CommandLineProperties.problems(session.getUserProperties(), mojoExecution.getMojoDescriptor(), this);
        if (!commandLine.isEmpty()) {
            getLog().error("OSVI gate: ERROR: command-line properties that would not be used as given");
            throw new MojoExecutionException(String.join(System.lineSeparator(), commandLine));
        }
        RawGateConfig raw = new RawGateConfig();
        raw.campaignId = allCampaignIds();
        raw.baseUrl = baseUrl;
        raw.timeout = timeout;
        raw.pollInterval = pollInterval;
        raw.maxPollInterval = maxPollInterval;
        raw.pollStrategy = pollStrategy;
        raw.requestTimeout = requestTimeout;
        raw.maxFailureRatio = maxFailureRatio;
        raw.failureStatuses = failureStatuses;
        raw.thresholds = thresholds;
        raw.minCalls = minCalls;
        raw.onInconclusive = onInconclusive;
        raw.uploadId = uploadId;
        raw.onTimeout = onTimeout;
        raw.onInactive = onInactive;
        raw.failBuild = failBuild;
        raw.maxConsecutiveErrors = maxConsecutiveErrors;
        raw.onError = onError;
        raw.allowInsecureHttp = allowInsecureHttp;
        raw.failFast = failFast;
        raw.stallTimeout = stallTimeout;
        raw.completionOnly = completionOnly;
        configure(raw);
        try (AbortOnShutdown abort = AbortOnShutdown.register()) {
            try {
                if (!completionOnly && !Simulation.hasRules(raw) && !unusedExecutionRules().isEmpty()) {
                    // the same error with simulation as without: the scenario's suggested rules would hide it
                    throw new InvalidConfigurationException("maxFailureRatio", GateConfig.NO_RULE);
                }
                if (simulation != null && !simulation.isBlank()) {
                    return Simulation.run(simulation, topLevelDirectory(), raw, log, abort.signal(), reports,
                            checkClock());
                } else {
                    List<GateConfig> campaigns = GateConfig.parseAll(raw);
                    ApiToken token = resolveToken();
                    redactor.set(token::redact);
                    ProxySettings proxy = ProxyResolver.resolve(settings, settingsDecrypter,
                            campaigns.get(0).baseUrl());
                    if (proxy != null) {
                        getLog().info("Using the proxy " + proxy.describe()
                                + (proxy.nonProxyHosts() == null ? "" : ", not for " + proxy.nonProxyHosts()));
                    }
                    try (OsviHttpClient client = new OsviHttpClient(campaigns.get(0).baseUrl(), token,
                            campaigns.get(0).requestTimeout(), proxy, Clock.systemUTC())) {
                        // whatever the API sends back is quoted in lines and reports: none may carry the token
                        RedactingLog redactingLog = new RedactingLog(log, token::redact);
                        GateRun.Reports redacted = reports.withRedactor(token::redact);
                        return checkClock() == null
                                ? GateRun.run(campaigns, client, TimeSource.SYSTEM, redactingLog, abort.signal(),
                                        Math::random, redacted)
                                : GateRun.check(campaigns, client, TimeSource.SYSTEM, redactingLog, abort.signal(),
                                        Math::random, redacted, checkClock());
                    }
                }
            } catch (InvalidConfigurationException e) {
                getLog().error("OSVI gate: ERROR: invalid configuration (" + e.parameter() + ")");
                throw new MojoExecutionException(e.getMessage()
                        + (e.getMessage().contains(GateConfig.NO_RULE) ? unusedExecutionRules() : ""));
            }
        }
    }

    /** A file named by an environment variable (GitHub Actions sets them), or {@code null} when it is not set. */
    private Path environmentPath(String variable) {
        String value = environment.apply(variable);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /**
     * " This pom configures rules in <execution> 'campaign-gate'...": when Maven runs the goal from the command line
     * (execution default-cli), rules configured inside an execution of the pom are not used.
     */
    private String unusedExecutionRules() {
        if (project == null || mojoExecution == null || !"default-cli".equals(mojoExecution.getExecutionId())) {
            return "";
        }
        Plugin plugin = project.getPlugin(mojoExecution.getGroupId() + ":" + mojoExecution.getArtifactId());
        List<String> ids = new ArrayList<>();
        if (plugin != null) {
            for (PluginExecution execution : plugin.getExecutions()) {
                // the configuration is a DOM whose text form is its XML
                String configuration = String.valueOf(execution.getConfiguration());
                if (configuration.contains("<maxFailureRatio") || configuration.contains("<thresholds")
                        || configuration.contains("<completionOnly")) {
                    ids.add(execution.getId());
                }
            }
        }
        return ids.isEmpty() ? "" : " This pom configures rules in <execution> '" + String.join("', '", ids)
                + "', which 'mvn osvi:" + mojoExecution.getGoal() + "' does not use: run 'mvn osvi:"
                + mojoExecution.getGoal() + "@" + ids.get(0)
                + "', or move that configuration to the plugin level.";
    }

    /**
     * Without a pom, Maven leaves {@code ${project.basedir}} in the default unresolved: the reports then go to
     * {@code ./target/osvi} under the folder Maven runs in.
     */
    private Path reportDirectory() {
        if (reportDirectory == null) {
            return null;
        }
        String path = reportDirectory.getPath();
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
        return project != null && project.getBasedir() != null ? project.getBasedir().toPath() : workingFolder();
    }

    /** The folder Maven runs in. */
    private Path workingFolder() {
        return Path.of(session != null && session.getExecutionRootDirectory() != null
                ? session.getExecutionRootDirectory()
                : System.getProperty("user.dir"));
    }

    /**
     * Reports in {@code reportDirectory} older than this Maven session are an earlier build's (a reused CI
     * workspace): removed, so that a CI step never publishes them beside this build's. Reports written by earlier
     * executions of this build stay.
     */
    private void removeReportsOfEarlierBuilds() {
        Path directory = reportDirectory();
        Date start = session == null || session.getRequest() == null ? null
                : session.getRequest().getStartTime();
        if (directory == null || start == null) {
            return;
        }
        try {
            List<Path> removed = ReportFiles.removeReportsOlderThan(directory,
                    start.toInstant());
            if (!removed.isEmpty()) {
                getLog().info("Removed " + removed.size() + (removed.size() == 1 ? " report" : " reports")
                        + " of an earlier build from " + directory + " (last modified before this build started).");
                removed.forEach(file -> getLog().debug("Removed " + file));
            }
        } catch (IOException e) {
            getLog().warn("Could not remove every report of an earlier build from " + directory + " (" + e
                    + "): a CI step collecting the reports may publish them beside this build's.");
        }
    }

    private String allCampaignIds() {
        List<String> ids = new ArrayList<>();
        if (campaignId != null && !campaignId.isBlank()) {
            ids.add(campaignId);
        }
        if (campaignIds != null) {
            ids.addAll(campaignIds);
        }
        return ids.isEmpty() ? null : String.join(",", ids);
    }
}
