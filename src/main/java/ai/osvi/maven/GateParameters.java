package ai.osvi.maven;

import ai.osvi.gate.config.RawGateConfig;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters shared by the gate's goals ({@code await-campaign}, {@code check-campaign}), documented for users:
 * their javadoc is the goal pages' and {@code mvn help:describe}'s text.
 * <p>
 * The API token is never a parameter (Maven prints parameters at {@code -X}): it is the password of the
 * settings.xml server named by {@code serverId}, or the environment variable {@code OSVI_API_TOKEN}.
 */
abstract class GateParameters extends AbstractMojo {

    /**
     * The numeric id of the campaign to await, or several comma-separated ({@code 7,8,9}): they are awaited at once
     * and the build takes the worst verdict. Required (here or in {@code campaignIds}), except with
     * {@code simulation}, where it defaults to the scenario's campaign.
     */
    @Parameter(property = "osvi.campaignId")
    private String campaignId;

    /**
     * Several campaigns to await at once, one {@code campaignId} element each, instead of or in addition to a
     * comma-separated {@code campaignId}. Each gets its own verdict and reports; the build takes the worst verdict.
     */
    @Parameter
    private List<String> campaignIds;

    /**
     * Where the reports are written: {@code campaign-ID.json} and the JUnit XML
     * {@code TEST-osvi-campaign-ID.xml}, ID being the campaign's id (for Jenkins' junit step and GitLab's junit
     * reports), on every outcome; the chart of the wait {@code campaign-ID.svg} once a snapshot was received; and
     * {@code osvi.env}, the results as a GitLab dotenv report ({@code OSVI_VERDICT=FAIL}...). When another gate of the
     * build already wrote campaign ID's reports into this folder, they are {@code campaign-ID-GATE.json}... instead,
     * GATE being this gate's execution id, so that neither replaces the other.
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
     * arrives after it is used. What a timeout does is set by {@code onTimeout}. When the environment variable
     * {@code CI_JOB_TIMEOUT} gives the CI job's limit in seconds (GitLab sets it, with {@code CI_JOB_STARTED_AT}), a
     * wait that would end less than a minute before the job's end is refused at start: the runner would kill it with
     * no verdict and no report.
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
     * {@code true} or {@code false}; any other value ({@code yes}, {@code 1}) is refused before the first request.
     */
    @Parameter(property = "osvi.failFast", defaultValue = RawGateConfig.DEFAULT_FAIL_FAST)
    private String failFast;

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
     * {@code -Dosvi.thresholds="picked>=60%,failed+not_picked<0.35"}. A rule followed by {@code (advisory)}, as in
     * {@code failed <= 2% (advisory)}, is judged and reported everywhere ("advisory, breached") but never changes the
     * verdict or the build: a way to try a new rule on real campaigns without risking a release.
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
     * The campaign to compare with, usually the last release's: rules in {@code thresholds} can then set their limit
     * relative to its ratio of the same statuses, as {@code failed <= baseline + 1%} (percentage points),
     * {@code picked >= baseline - 2%}, {@code failed <= baseline * 1.5} (a factor) or {@code failed <= baseline}.
     * It is read once, with the same {@code baseUrl} and token, before the wait; it must be complete, have at least
     * {@code minCalls} calls and account for every call in {@code by_status}, or the gate ends in ERROR before
     * waiting, naming the baseline and what is missing. Required by, and only allowed with, such a rule.
     */
    @Parameter(property = "osvi.baselineCampaignId")
    private String baselineCampaignId;

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

    /**
     * Whether a breached rule fails the build: {@code true} or {@code false}, which turns breaches into warnings. Any
     * other value ({@code yes}, {@code 1}, {@code on}) is refused before the first request, never read as false.
     */
    @Parameter(property = "osvi.failBuild", defaultValue = RawGateConfig.DEFAULT_FAIL_BUILD)
    private String failBuild;

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
     * {@code true} or {@code false}; any other value is refused before the first request.
     */
    @Parameter(property = "osvi.allowInsecureHttp", defaultValue = RawGateConfig.DEFAULT_ALLOW_INSECURE_HTTP)
    private String allowInsecureHttp;

    /**
     * Waits for the campaign to complete without judging any rule. Without it, a gate with no rule configured
     * ({@code maxFailureRatio}, {@code thresholds}) fails before the first request: a gate that judges nothing must be
     * asked for, never the result of a configuration Maven did not apply. {@code true} or {@code false}; any other
     * value is refused before the first request.
     */
    @Parameter(property = "osvi.completionOnly", defaultValue = RawGateConfig.DEFAULT_COMPLETION_ONLY)
    private String completionOnly;

    /**
     * Skips the gate entirely: {@code true} or {@code false}. Any other value ({@code yes}, {@code 1}) fails the
     * build, naming it, rather than being read as either.
     */
    @Parameter(property = "osvi.skip", defaultValue = "false")
    private String skip;

    /**
     * Runs the gate against an embedded OSVI simulator on 127.0.0.1 instead of the real API: no account or token is
     * needed and nothing real is contacted. A built-in scenario ({@code passing}, {@code failing}, {@code stalled},
     * {@code inactive}, {@code regressed}, which also serves a baseline campaign) or the path of a scenario JSON file, relative to the base directory of the build's top-level
     * project whichever module runs the gate (format: src/site/markdown/simulator.md). The scenario's campaign is
     * created when the simulation starts. {@code await-campaign} plays the scenario from its start every time;
     * {@code check-campaign} follows one campaign from check to check, kept in {@code simulated-clock.json} in the
     * report folder, so that checks run one after another go from RUNNING to the verdict (delete that file, or run
     * {@code mvn clean}, to start again). A JSON report of an earlier wait ({@code target/osvi/campaign-7.json}) is a
     * scenario too: its snapshots answer the polls again one by one, so that other rules re-judge a real campaign in
     * seconds ({@code -Dosvi.pollInterval=1s}).
     */
    @Parameter(property = "osvi.simulation")
    private String simulation;

    /** The parameters as the core reads them; a goal's own are added by {@link AbstractGateMojo#configure}. */
    RawGateConfig rawConfig() {
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
        raw.baselineCampaignId = baselineCampaignId;
        raw.onTimeout = onTimeout;
        raw.onInactive = onInactive;
        raw.failBuild = failBuild;
        raw.maxConsecutiveErrors = maxConsecutiveErrors;
        raw.onError = onError;
        raw.allowInsecureHttp = allowInsecureHttp;
        raw.failFast = failFast;
        raw.stallTimeout = stallTimeout;
        raw.completionOnly = completionOnly;
        return raw;
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

    /** {@code skip} as written: {@code true}, {@code false} or a value the gate refuses. */
    String skipParameter() {
        return skip;
    }

    /** The scenario to simulate, or {@code null} to run against the API. */
    String simulation() {
        return simulation == null || simulation.isBlank() ? null : simulation;
    }

    File reportDirectoryParameter() {
        return reportDirectory;
    }

    String serverId() {
        return serverId;
    }
}
