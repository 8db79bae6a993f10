package ai.osvi.gate.verdict;

import static ai.osvi.gate.Snapshots.active;
import static ai.osvi.gate.Snapshots.inactive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.Snapshots;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.polling.WaitResult.Outcome;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every verdict case, one row each, on {@link Decision}, the one place a verdict is decided: how the wait ended (its
 * outcome and last snapshot, or its last error) and the configuration in; the verdict, the build's outcome, the summary
 * and the details out, word for word. How a wait comes to end so (polls, deadlines, failFast, retries, aborts) is
 * tested with the waiter and the gate (GateTest, GateEdgesTest, CampaignCheckTest ...); what a verdict writes (log,
 * reports, outputs) with its writers; the properties of every verdict over generated runs in the properties package.
 */
class VerdictTableTest {

    /** The clock of a one-shot check: six hours after the campaigns below were created (10:00 at +05:30). */
    private static final Instant NOW = Instant.parse("2026-06-01T10:30:00Z");

    private static final String CREATED = "2026-06-01T10:00:00+05:30";
    private static final String RAISE_TIMEOUT =
            "Raise timeout (-Dosvi.timeout), or set onTimeout=evaluate to judge the rules on the last snapshot.";
    private static final String LOOKALIKE = "which could be the same status (it differs by case, '_', '-', '.', spaces,"
            + " invisible or look-alike characters, or a typo). A rule counts only the spellings it names, so these"
            + " calls would count as 0. Name the status as the API does: ";

    static Stream<Row> table() {
        return Stream.of(
                // PASS: complete, enough calls, every item of the checklist proven
                row(
                        "every queue completed and the ratio holds",
                        c -> c.maxFailureRatio = "5%",
                        completed(active().queues(19, true, true).calls("picked", 95, "failed", 5)),
                        "PASS",
                        "SUCCESS",
                        "1 of 1 rule passed on 100 calls"),
                row(
                        "exactly minCalls calls are judged",
                        c -> {
                            c.minCalls = "50";
                            c.maxFailureRatio = "5%";
                        },
                        completed(active().queues(19, true).calls("picked", 48, "failed", 2)),
                        "PASS",
                        "SUCCESS",
                        "1 of 1 rule passed on 50 calls"),
                row(
                        "limits of exactly 0% and 100% are read strictly and pass",
                        c -> c.thresholds = List.of("failed <= 0%", "picked <= 100%"),
                        completed(active().queues(19, true).calls("picked", 10)),
                        "PASS",
                        "SUCCESS",
                        "2 of 2 rules passed on 10 calls"),
                row(
                                "no rule: completion alone passes, with a warning",
                                c -> {},
                                completed(active().queues(19, true).calls("failed", 100)),
                                "PASS",
                                "WARN",
                                "completed with 100 calls; no rule configured")
                        .details("No rule is configured, so nothing was gated: set maxFailureRatio or thresholds."),
                row(
                        "a rule's status far from every reported one counts as 0",
                        c -> {
                            c.maxFailureRatio = "5%";
                            c.failureStatuses = "voicemail";
                        },
                        completed(active().queues(19, true).calls("picked", 90, "failed", 10)),
                        "PASS",
                        "SUCCESS",
                        "1 of 1 rule passed on 100 calls"),
                row(
                                "an advisory breach beside a rule that holds",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.thresholds = List.of("failed <= 2% (advisory)");
                                },
                                completed(active().queues(19, true).calls("picked", 97, "failed", 3)),
                                "PASS",
                                "SUCCESS",
                                "1 of 1 rule passed on 100 calls; advisory: 1 of 1 breached")
                        .details("Advisory, breached: failed ratio is 3%, but the maximum is 2%; it does not change"
                                + " the verdict."),
                row(
                                "an advisory rule's status in another spelling: undecided, never an error",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.thresholds = List.of("voicemail <= 5% (advisory)");
                                },
                                completed(active().queues(19, true).calls("picked", 87, "failed", 3, "Voicemail", 10)),
                                "PASS",
                                "SUCCESS",
                                "1 of 1 rule passed on 100 calls")
                        .details("Advisory, undecided: Rule 'voicemail <= 5% (advisory)' (thresholds) names the status"
                                + " 'voicemail'; the API reported 'Voicemail' (10 calls)"),
                row(
                        "a check of a complete campaign: the verdict a wait gives",
                        c -> c.maxFailureRatio = "5%",
                        checked(
                                Outcome.COMPLETED,
                                active().queues(19, true, true).calls("picked", 95, "failed", 5)),
                        "PASS",
                        "SUCCESS",
                        "1 of 1 rule passed on 100 calls"),

                // FAIL: a deciding rule breached
                row(
                                "a maximum breached, among rules that hold",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.thresholds = List.of("picked >= 90%");
                                },
                                completed(active().queues(19, true).calls("picked", 111, "not_picked", 0, "failed", 9)),
                                "FAIL",
                                "FAIL",
                                "1 of 2 rules breached on 120 calls")
                        .details("failed ratio is 7.5%, but the maximum is 5%"),
                row(
                                "failBuild=false: a breach only warns",
                                c -> {
                                    c.maxFailureRatio = "1%";
                                    c.failBuild = "false";
                                },
                                completed(active().queues(19, true).calls("picked", 90, "failed", 10)),
                                "FAIL",
                                "WARN",
                                "1 of 1 rule breached on 100 calls")
                        .details("failed ratio is 10%, but the maximum is 1%"),
                row(
                                "an advisory rule cannot save a breach that decides",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.thresholds = List.of("failed <= 50% (advisory)");
                                },
                                completed(active().queues(19, true).calls("picked", 70, "failed", 30)),
                                "FAIL",
                                "FAIL",
                                "1 of 1 rule breached on 100 calls")
                        .details("failed ratio is 30%, but the maximum is 5%"),
                row(
                                "calls missing from by_status cannot save a rule they cannot tip",
                                c -> c.maxFailureRatio = "5%",
                                completed(active().queues(19, true)
                                        .calls("picked", 10, "failed", 100)
                                        .total(1000)),
                                "FAIL",
                                "FAIL",
                                "1 of 1 rule breached on 1000 calls")
                        .details("failed ratio is 10%, but the maximum is 5%"),
                row(
                                "counts beyond a long are judged exactly",
                                c -> c.thresholds = List.of("failed+not_picked < 35%"),
                                completed(active().queues(19, true)
                                        .calls("failed", Long.MAX_VALUE / 2, "not_picked", Long.MAX_VALUE / 2 + 1)
                                        .total(Long.MAX_VALUE)),
                                "FAIL",
                                "FAIL",
                                "1 of 1 rule breached on 9223372036854775807 calls")
                        .details("failed+not_picked ratio is 100%, but it must be below 35%"),
                row(
                                "a status in two spellings, both named by the rule: counted together",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.failureStatuses = "failed,FAILED";
                                },
                                completed(active().queues(19, true).calls("picked", 49, "failed", 1, "FAILED", 50)),
                                "FAIL",
                                "FAIL",
                                "1 of 1 rule breached on 100 calls")
                        .details("failed+FAILED ratio is 51%, but the maximum is 5%"),
                row(
                                "failFast: a maximum certain to be breached before completion",
                                c -> {
                                    c.failFast = "true";
                                    c.maxFailureRatio = "5%";
                                },
                                // 10 queued, 2 retries: at most 30 calls; 2 failed already make at least 6.7%
                                ended(
                                        Outcome.CERTAIN_BREACH,
                                        active().queues(19, false).calls("picked", 1, "failed", 2)),
                                "FAIL",
                                "FAIL",
                                "1 of 1 rule breached on 3 calls (certain before completion)")
                        .details(
                                "Decided before completion: with at most 30 calls in all (total_queued times 1 +"
                                        + " retry_threshold), no way of completing the remaining calls brings the"
                                        + " certain breaches back within their limits.",
                                "failed ratio is 66.7%, but the maximum is 5% (certain: no way of completing the"
                                        + " remaining calls brings it back)"),
                row(
                                "failFast: the certain breach, then those so far, never the rules that hold",
                                c -> {
                                    c.failFast = "true";
                                    c.maxFailureRatio = "5%";
                                    c.thresholds = List.of("picked >= 5%", "not_picked <= 50%");
                                },
                                // 20 failed of at most 60 calls: certain; picked 1 of 21 could still rise
                                ended(
                                        Outcome.CERTAIN_BREACH,
                                        active().queues(19, false, false).calls("picked", 1, "failed", 20)),
                                "FAIL",
                                "FAIL",
                                "1 of 3 rules breached on 21 calls (certain before completion); 1 more breached so"
                                        + " far")
                        .details(
                                "Decided before completion: with at most 60 calls in all",
                                "failed ratio is 95.2%",
                                "picked ratio is 4.8%"),
                row(
                                "a breach on the last snapshot at the timeout (onTimeout=evaluate), never 'certain'",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.onTimeout = "evaluate";
                                    c.timeout = "30s";
                                },
                                // 3 failed of 10, with up to 60 calls to come: breached so far, not for certain
                                ended(
                                        Outcome.TIMED_OUT,
                                        active().queues(19, false, false).calls("picked", 7, "failed", 3)),
                                "FAIL",
                                "FAIL",
                                "1 of 1 rule breached on 10 calls (last snapshot, not completed)")
                        .details(
                                "The campaign did not complete within 30s; the rules were judged on the last snapshot"
                                        + " (onTimeout=evaluate).",
                                "failed ratio is 30%, but the maximum is 5% (so far: the remaining calls could still bring it"
                                        + " back)"),
                row(
                        "a check finds a breach already certain, without failFast",
                        c -> c.maxFailureRatio = "5%",
                        checked(
                                Outcome.CERTAIN_BREACH,
                                active().queues(19, false, false).calls("picked", 1, "failed", 20)),
                        "FAIL",
                        "FAIL",
                        "1 of 1 rule breached on 21 calls (certain before completion)"),

                // INCONCLUSIVE: fewer calls than minCalls, never a pass
                row(
                        "0 calls: inconclusive, and the build fails",
                        c -> c.maxFailureRatio = "5%",
                        completed(active().queues(19, true).total(0)),
                        "INCONCLUSIVE",
                        "FAIL",
                        "0 calls, fewer than minCalls=1"),
                row(
                                "one call fewer than minCalls",
                                c -> {
                                    c.minCalls = "50";
                                    c.maxFailureRatio = "5%";
                                },
                                completed(active().queues(19, true).calls("picked", 48, "failed", 1)),
                                "INCONCLUSIVE",
                                "FAIL",
                                "49 calls, fewer than minCalls=50")
                        .details("Only 49 calls were made, fewer than minCalls (50): too few to judge, so this is"
                                + " never a pass."),
                row(
                                "a single call 'was' made",
                                c -> {
                                    c.minCalls = "2";
                                    c.maxFailureRatio = "5%";
                                },
                                completed(active().queues(19, true).calls("picked", 1)),
                                "INCONCLUSIVE",
                                "FAIL",
                                "1 call, fewer than minCalls=2")
                        .details("Only 1 call was made, fewer than minCalls (2): too few to judge, so this is never a"
                                + " pass."),
                row(
                        "onInconclusive=warn: the build goes on",
                        c -> {
                            c.maxFailureRatio = "5%";
                            c.onInconclusive = "warn";
                            c.minCalls = "50";
                        },
                        completed(active().queues(19, true).calls("picked", 49)),
                        "INCONCLUSIVE",
                        "WARN",
                        "49 calls, fewer than minCalls=50"),
                row(
                        "too few calls on the last snapshot at the timeout (onTimeout=evaluate)",
                        c -> {
                            c.maxFailureRatio = "5%";
                            c.onTimeout = "evaluate";
                            c.timeout = "30s";
                            c.minCalls = "500";
                        },
                        ended(
                                Outcome.TIMED_OUT,
                                active().queues(19, true, false).calls("picked", 99, "failed", 1)),
                        "INCONCLUSIVE",
                        "FAIL",
                        "100 calls, fewer than minCalls=500 (last snapshot, not completed)"),

                // TIMEOUT: the deadline came first (a check: older than maxCampaignAge)
                row(
                                "the deadline passed: the last snapshot named",
                                c -> c.timeout = "50s",
                                ended(
                                        Outcome.TIMED_OUT,
                                        active().queues(19, true, false).calls("picked", 10)),
                                "TIMEOUT",
                                "ERROR",
                                "did not complete within 50s")
                        .details("Last snapshot: queues 1/2 completed, 10 calls (picked 10).", RAISE_TIMEOUT),
                row(
                                "no upload yet at the timeout: 0 of 0 queues named",
                                c -> c.timeout = "1m",
                                ended(Outcome.TIMED_OUT, active()),
                                "TIMEOUT",
                                "ERROR",
                                "did not complete within 1m")
                        .details("Last snapshot: queues 0/0 completed, 0 calls.", RAISE_TIMEOUT),
                row(
                                "an upload without a queue at the timeout is named",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.timeout = "60s";
                                },
                                ended(
                                        Outcome.TIMED_OUT,
                                        active().queues(19, true, true)
                                                .queues(20)
                                                .calls("picked", 100)),
                                "TIMEOUT",
                                "ERROR",
                                "did not complete within 1m")
                        .details(
                                "Last snapshot: queues 2/2 completed, 100 calls (picked 100), upload 20 without a queue"
                                        + " yet.",
                                RAISE_TIMEOUT),
                row(
                                "no snapshot ever: the last error, and what to check",
                                c -> {
                                    c.timeout = "1m";
                                    c.maxConsecutiveErrors = "100";
                                },
                                endedWithout(
                                        Outcome.TIMED_OUT,
                                        ApiException.transientFault("HTTP 503 Service Unavailable"),
                                        4,
                                        Duration.ofMinutes(1)),
                                "TIMEOUT",
                                "ERROR",
                                "did not complete within 1m; no poll ever succeeded: check baseUrl"
                                        + " https://api.osvi.ai/")
                        .details(
                                "No snapshot was received; last error: HTTP 503 Service Unavailable",
                                "No poll ever succeeded: 4 requests to GET https://api.osvi.ai/v1/campaigns/7/status in"
                                        + " 1m, directly, got no snapshot. That is more often the configuration than"
                                        + " an outage: check baseUrl (osvi.baseUrl) https://api.osvi.ai/ (host, port,"
                                        + " http or https), and that this machine reaches it (curl"
                                        + " https://api.osvi.ai/).",
                                RAISE_TIMEOUT),
                row(
                                "rules that hold on the last snapshot (onTimeout=evaluate): TIMEOUT, never PASS",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.onTimeout = "evaluate";
                                    c.timeout = "30s";
                                },
                                ended(
                                        Outcome.TIMED_OUT,
                                        active().queues(19, true, false).calls("picked", 99, "failed", 1)),
                                "TIMEOUT",
                                "WARN",
                                "did not complete within 30s; 1 of 1 rule held on the last snapshot (100 calls)")
                        .details(
                                "The campaign did not complete within 30s; the rules were judged on the last snapshot"
                                        + " (onTimeout=evaluate).",
                                "The rules held on the last snapshot, but the campaign did not complete, so this is not"
                                        + " a PASS: the build goes on with a warning because onTimeout=evaluate. Raise"
                                        + " timeout (-Dosvi.timeout) to judge the completed campaign."),
                row(
                        "no rule, judged at the timeout (onTimeout=evaluate): never 'completed'",
                        c -> {
                            c.onTimeout = "evaluate";
                            c.timeout = "30s";
                        },
                        ended(
                                Outcome.TIMED_OUT,
                                active().queues(19, true, false).calls("picked", 10)),
                        "TIMEOUT",
                        "WARN",
                        "did not complete within 30s; 10 calls on the last snapshot, no rule configured"),
                row(
                        "a check of a campaign older than maxCampaignAge",
                        c -> {
                            c.maxFailureRatio = "5%";
                            c.maxCampaignAge = "6h";
                        },
                        checked(
                                Outcome.RUNNING,
                                active().createdAt("2026-06-01T04:29:59Z")
                                        .queues(19, true, false)
                                        .calls("picked", 10)),
                        "TIMEOUT",
                        "ERROR",
                        "not complete 6h1s after it was created, more than maxCampaignAge 6h"),

                // RUNNING: a check of a campaign not complete, no breach certain
                row(
                                "a check of a running campaign: its progress, and the build passes",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.maxCampaignAge = "8h";
                                },
                                checked(
                                        Outcome.RUNNING,
                                        active().createdAt(CREATED)
                                                .queues(19, true, false)
                                                .calls("picked", 9, "failed", 1)),
                                "RUNNING",
                                "SUCCESS",
                                "still running: queues 1/2 completed, 10/20 calls")
                        .details(
                                "Progress: queues 1/2 completed, 10 calls (picked 9, failed 1).",
                                "So far: failed 10% (limit <= 5%, breached so far); no breach is certain yet.",
                                "About 6h left, from the progress since the campaign was created.",
                                "Not complete yet: check again later. The build passes (onRunning=pass)"),
                row(
                                "onRunning=fail: a running campaign fails the build",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.onRunning = "fail";
                                },
                                checked(
                                        Outcome.RUNNING,
                                        active().queues(19, false).calls()),
                                "RUNNING",
                                "FAIL",
                                "still running: queues 0/1 completed, 0/10 calls")
                        .details(
                                "Progress: queues 0/1 completed, 0 calls.",
                                "Not complete yet: check again later. The build fails because onRunning=fail."),

                // STALLED
                row(
                                "nothing changed for stallTimeout",
                                c -> {
                                    c.stallTimeout = "1m";
                                    c.timeout = "1h";
                                },
                                ended(
                                        Outcome.STALLED,
                                        active().queues(19, false).calls("picked", 2)),
                                "STALLED",
                                "ERROR",
                                "no progress for 1m")
                        .details(
                                "Last snapshot: queues 0/1 completed, 2 calls (picked 2).",
                                "Nothing changed for stallTimeout (1m). Check the campaign in OSVI, or raise"
                                        + " stallTimeout."),

                // ERROR: the gate could not decide
                row(
                                "an inactive campaign with incomplete queues",
                                c -> {},
                                ended(
                                        Outcome.INACTIVE,
                                        inactive().queues(19, true, false).calls("picked", 6)),
                                "ERROR",
                                "ERROR",
                                "the campaign is inactive with 1 of 2 queues incomplete")
                        .details("An inactive campaign does not complete on its own. Reactivate it, or set"
                                + " onInactive=wait (-Dosvi.onInactive=wait) to keep waiting until the timeout."),
                refused(
                        401,
                        "OSVI rejected the API token from environment variable OSVI_API_TOKEN (HTTP 401: Invalid API"
                                + " token).",
                        "the API token was rejected (HTTP 401)"),
                refused(
                        403,
                        "HTTP 403 Forbidden: the API refused campaign 7 for this account's plan",
                        "the API refused the request (HTTP 403)"),
                refused(
                        404,
                        "campaign 7 not found on this account (HTTP 404).",
                        "the campaign was not found (HTTP 404)"),
                refused(400, "HTTP 400 Bad Request", "the API refused the request (HTTP 400)"),
                refused(
                        407,
                        "HTTP 407 Proxy Authentication Required: the proxy http://proxy.example:3128 (settings.xml"
                                + " proxy 'corp') refused its credentials; check the username and password of that"
                                + " proxy.",
                        "the proxy refused the request (HTTP 407)"),
                refused(
                        301,
                        "HTTP 301 Moved Permanently: ...",
                        "the API answered with a redirect (HTTP 301), which is never followed"),
                row(
                                "maxConsecutiveErrors failed polls, none ever answered: baseUrl named",
                                c -> {},
                                endedWithout(
                                        Outcome.GAVE_UP,
                                        ApiException.transientFault("HTTP 502 Bad Gateway"),
                                        5,
                                        Duration.ofMinutes(1)),
                                "ERROR",
                                "ERROR",
                                "gave up after 5 consecutive failed polls (5 polls in 1m); no poll ever succeeded:"
                                        + " check baseUrl https://api.osvi.ai/")
                        .details(
                                "Last error: HTTP 502 Bad Gateway",
                                "No poll ever succeeded: 5 requests to GET https://api.osvi.ai/v1/campaigns/7/status in"
                                        + " 1m, directly, got no snapshot. That is more often the configuration than"
                                        + " an outage: check baseUrl (osvi.baseUrl) https://api.osvi.ai/ (host, port,"
                                        + " http or https), and that this machine reaches it (curl"
                                        + " https://api.osvi.ai/)."),
                row(
                                "none ever answered through a proxy: the proxy named too",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.maxConsecutiveErrors = "3";
                                },
                                endedWithout(
                                        Outcome.GAVE_UP,
                                        ApiException.transientFault("could not connect to the proxy"
                                                        + " http://proxy.example:3128 (settings.xml proxy 'corp'), on"
                                                        + " the way to api.osvi.ai:443 (Connection refused)")
                                                .via("through the proxy http://proxy.example:3128 (settings.xml proxy"
                                                        + " 'corp')"),
                                        3,
                                        Duration.ofSeconds(30)),
                                "ERROR",
                                "ERROR",
                                "gave up after 3 consecutive failed polls (3 polls in 30s); no poll ever succeeded:"
                                        + " check baseUrl https://api.osvi.ai/ and the proxy http://proxy.example:3128"
                                        + " (settings.xml proxy 'corp')")
                        .details(
                                "Last error: could not connect to the proxy http://proxy.example:3128",
                                "No poll ever succeeded: 3 requests to GET https://api.osvi.ai/v1/campaigns/7/status in"
                                        + " 30s, through the proxy http://proxy.example:3128 (settings.xml proxy"
                                        + " 'corp'), got no snapshot. That is more often the configuration than an"
                                        + " outage: check baseUrl (osvi.baseUrl) https://api.osvi.ai/ (host, port, http"
                                        + " or https), the proxy http://proxy.example:3128 (settings.xml proxy 'corp')"
                                        + " (settings.xml <proxies>), and that this machine reaches it (curl"
                                        + " https://api.osvi.ai/)."),
                row(
                                "errors after a snapshot do not blame the configuration",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.maxConsecutiveErrors = "2";
                                },
                                ended(
                                        Outcome.GAVE_UP,
                                        active().queues(19, false).calls("picked", 10),
                                        ApiException.transientFault("HTTP 503 Service Unavailable")
                                                .via("directly"),
                                        3,
                                        Duration.ofSeconds(30)),
                                "ERROR",
                                "ERROR",
                                "gave up after 2 consecutive failed polls (3 polls in 30s)")
                        .details("Last error: HTTP 503 Service Unavailable"),
                row(
                                "onError=warn: the build goes on without a verdict",
                                c -> {
                                    c.onError = "warn";
                                    c.maxConsecutiveErrors = "2";
                                },
                                endedWithout(
                                        Outcome.GAVE_UP,
                                        ApiException.transientFault("could not connect to api.osvi.ai:443"),
                                        2,
                                        Duration.ofSeconds(15)),
                                "ERROR",
                                "WARN",
                                "gave up after 2 consecutive failed polls (2 polls in 15s); no poll ever succeeded:"
                                        + " check baseUrl https://api.osvi.ai/")
                        .details(
                                "Last error: could not connect to api.osvi.ai:443",
                                "No poll ever succeeded: 2 requests",
                                "The gate could not decide, and the build goes on without a verdict because"
                                        + " onError=warn."),
                row(
                                "a check without an answer within requestTimeout: an error, not a timeout",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.requestTimeout = "12s";
                                },
                                checkedWithout(ApiException.transientFault("HTTP 503 Service Unavailable"), 3),
                                "ERROR",
                                "ERROR",
                                "no answer from the API within requestTimeout 12s (3 requests); no poll ever"
                                        + " succeeded: check baseUrl https://api.osvi.ai/")
                        .details("Last error: HTTP 503 Service Unavailable", "No poll ever succeeded: 3 requests"),
                row(
                                "calls missing from by_status: not proven, never a pass",
                                c -> c.maxFailureRatio = "5%",
                                completed(active().queues(19, true)
                                        .calls("picked", 10)
                                        .total(1000)),
                                "ERROR",
                                "ERROR",
                                "not proven: every call accounted for: by_status sums to calls.total (by_status sums to"
                                        + " 10, calls.total is 1000: 990 calls in no status)")
                        .details(
                                "A call in no status could be in any: a rule cannot be proven on calls it cannot see."
                                        + " Check the campaign in OSVI; report the JSON report's snapshot to OSVI if"
                                        + " the API sent this.",
                                "Rule 'failed <= 5%' is 0% on the calls in by_status, but the calls in no status could"
                                        + " put it on either side of its limit."),
                row(
                                "calls missing from by_status: only the rules they could tip are named",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    // picked is at least 10 of 1000 whatever the missing calls are: held for certain
                                    c.thresholds = List.of("picked >= 0.5%");
                                },
                                completed(active().queues(19, true)
                                        .calls("picked", 10)
                                        .total(1000)),
                                "ERROR",
                                "ERROR",
                                "not proven: every call accounted for: by_status sums to calls.total (by_status sums to"
                                        + " 10, calls.total is 1000: 990 calls in no status)")
                        .details(
                                "A call in no status could be in any",
                                "Rule 'failed <= 5%' is 0% on the calls in by_status, but the calls in no status could"
                                        + " put it on either side of its limit."),
                row(
                                "counts by status that add up to more than the total",
                                c -> c.thresholds = List.of("failed+not_picked < 35%"),
                                completed(active().queues(19, true)
                                        .calls("failed", Long.MAX_VALUE, "not_picked", 1)
                                        .total(10)),
                                "ERROR",
                                "ERROR",
                                "inconsistent data: data.calls.by_status adds up to 9223372036854775808 calls, more"
                                        + " than data.calls.total (10)")
                        .details("Ratios of counts that contradict their total mean nothing, so the gate does not"
                                + " judge them."),
                row(
                                "another campaign's data",
                                c -> c.maxFailureRatio = "5%",
                                completed(active().campaign(8).queues(19, true).calls("picked", 99, "failed", 1)),
                                "ERROR",
                                "ERROR",
                                "the API answered with the data of campaign 8 when asked for campaign 7")
                        .details("data.campaign.id is 8. A proxy, cache or gateway in between may have mixed up the"
                                + " requests"),
                row(
                                "a rule's status misspelt, a reported one close to it",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.failureStatuses = "voicemial";
                                },
                                completed(active().queues(19, true).calls("picked", 90, "voicemail", 10)),
                                "ERROR",
                                "ERROR",
                                "a rule names a status the API did not report, probably misspelt")
                        .details("Rule 'voicemial <= 5%' (maxFailureRatio) names the status 'voicemial', which the"
                                + " API did not report: did you mean voicemail? Statuses reported: picked,"
                                + " voicemail."),
                row(
                                "the default 'failed' reported as 'Failed'",
                                c -> c.maxFailureRatio = "5%",
                                completed(active().queues(19, true).calls("picked", 50, "Failed", 50)),
                                "ERROR",
                                "ERROR",
                                "the API reported a status of a rule in another spelling: 'Failed' for 'failed'")
                        .details("Rule 'failed <= 5%' (maxFailureRatio) names the status 'failed'; the API reported"
                                + " 'Failed' (50 calls), " + LOOKALIKE + "failureStatuses=Failed. If it is a"
                                + " different status, name it in a rule of its own to say so. Statuses reported:"
                                + " picked, Failed."),
                row(
                                "documented statuses in another case or with other separators",
                                c -> c.thresholds = List.of("not_picked <= 10%", "picked >= 50%"),
                                completed(
                                        active().queues(19, true).calls("PICKED", 60, "not-picked", 30, "failed", 10)),
                                "ERROR",
                                "ERROR",
                                "the API reported a status of a rule in another spelling: 'not-picked' for"
                                        + " 'not_picked', 'PICKED' for 'picked'")
                        .details(
                                "Rule 'not_picked <= 10%' (thresholds) names the status 'not_picked'; the API reported"
                                        + " 'not-picked' (30 calls), " + LOOKALIKE + "thresholds 'not-picked <= 10%'."
                                        + " If it is a different status, name it in a rule of its own to say so."
                                        + " Statuses reported: PICKED, not-picked, failed.",
                                "Rule 'picked >= 50%' (thresholds) names the status 'picked'; the API reported"
                                        + " 'PICKED' (60 calls), " + LOOKALIKE + "thresholds 'PICKED >= 50%'. If it is"
                                        + " a different status, name it in a rule of its own to say so. Statuses"
                                        + " reported: PICKED, not-picked, failed."),
                row(
                                "a status reported in a spelling no rule can name",
                                c -> c.thresholds = List.of("not_picked <= 10%", "picked >= 50%"),
                                completed(
                                        active().queues(19, true).calls("picked", 60, "Not Picked", 30, "failed", 10)),
                                "ERROR",
                                "ERROR",
                                "the API reported a status of a rule in another spelling: 'Not Picked' for"
                                        + " 'not_picked'")
                        .details("A rule can only name statuses of letters, digits, '_', '.' and '-': check the"
                                + " campaign in OSVI."),
                row(
                                "a status reported in two spellings, the rule naming one",
                                c -> c.maxFailureRatio = "5%",
                                completed(active().queues(19, true).calls("picked", 49, "failed", 1, "FAILED", 50)),
                                "ERROR",
                                "ERROR",
                                "the API reported a status of a rule in another spelling: 'FAILED' for 'failed'")
                        .details("Name the status as the API does: failureStatuses=failed,FAILED."),
                row(
                        "another spelling is an error before minCalls is",
                        c -> {
                            c.maxFailureRatio = "5%";
                            c.minCalls = "1000";
                        },
                        completed(active().queues(19, true).calls("picked", 50, "Failed", 50)),
                        "ERROR",
                        "ERROR",
                        "the API reported a status of a rule in another spelling: 'Failed' for 'failed'"),
                row(
                        "another spelling is an error before a verdict at the timeout (onTimeout=evaluate)",
                        c -> {
                            c.maxFailureRatio = "5%";
                            c.onTimeout = "evaluate";
                            c.timeout = "30s";
                        },
                        ended(
                                Outcome.TIMED_OUT,
                                active().queues(19, true, false).calls("picked", 50, "fai_led", 50)),
                        "ERROR",
                        "ERROR",
                        "the API reported a status of a rule in another spelling: 'fai_led' for 'failed'"),
                row(
                        "an invisible character in a reported key is written as its escape",
                        c -> c.maxFailureRatio = "5%",
                        completed(active().queues(19, true).calls("picked", 70, "failed\u200b", 30)),
                        "ERROR",
                        "ERROR",
                        "the API reported a status of a rule in another spelling: 'failed\\u200b' for 'failed'"),
                row(
                        "a look-alike letter in a reported key is written as its escape",
                        c -> c.maxFailureRatio = "5%",
                        completed(active().queues(19, true).calls("picked", 70, "f\u0430iled", 30)),
                        "ERROR",
                        "ERROR",
                        "the API reported a status of a rule in another spelling: 'f\\u0430iled' for 'failed'"),
                row(
                                "a check of a campaign created in the future",
                                c -> c.maxFailureRatio = "5%",
                                checked(
                                        Outcome.RUNNING,
                                        active().createdAt("2099-01-01T00:00:00Z")
                                                .queues(19, false)
                                                .calls("picked", 1)),
                                "ERROR",
                                "ERROR",
                                "the campaign's data.campaign.created_at 2099-01-01T00:00:00Z is in the future")
                        .details("this check's clock (2026-06-01T10:30:00Z)"),
                row(
                                "a check against maxCampaignAge without a created_at",
                                c -> {
                                    c.maxFailureRatio = "5%";
                                    c.maxCampaignAge = "6h";
                                },
                                checked(
                                        Outcome.RUNNING,
                                        active().queues(19, false).calls("picked", 1)),
                                "ERROR",
                                "ERROR",
                                "the campaign's age is unknown")
                        .details("maxCampaignAge needs data.campaign.created_at, a date-time with an offset, which the"
                                + " API did not send."),
                row(
                                "the gate failed unexpectedly: a bug, never a verdict",
                                c -> c.maxFailureRatio = "5%",
                                new Ending(
                                        new WaitResult(
                                                Outcome.INTERNAL_ERROR,
                                                null,
                                                null,
                                                1,
                                                0,
                                                Duration.ZERO,
                                                new IllegalStateException("boom")),
                                        Decision.Mode.AWAIT),
                                "ERROR",
                                "ERROR",
                                "the gate failed unexpectedly (java.lang.IllegalStateException: boom)")
                        .details("This is a bug in osvi-maven-plugin, not a verdict on the campaign"),
                row(
                        "the baseline campaign could not be used",
                        c -> c.maxFailureRatio = "5%",
                        endedWithout(Outcome.BASELINE_UNUSABLE, null, 1, Duration.ZERO),
                        "ERROR",
                        "ERROR",
                        "the baseline campaign could not be used"),

                // ABORTED
                row(
                        "the build was stopped while waiting",
                        c -> c.maxFailureRatio = "5%",
                        endedWithout(Outcome.ABORTED, null, 1, Duration.ofSeconds(3)),
                        "ABORTED",
                        "ERROR",
                        "the gate was aborted before the campaign completed"),

                // no verdict at all: the waiter never ends so, and the gate reports the exception as a bug (ERROR)
                bug(
                        "a judgement before completion without a breach is a bug, never a pass",
                        c -> {
                            c.failFast = "true";
                            c.maxFailureRatio = "5%";
                        },
                        ended(Outcome.CERTAIN_BREACH, active().queues(19, false).calls("picked", 10))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void verdict(Row row) {
        TestConfig raw = new TestConfig();
        row.config().accept(raw);
        GateConfig config = raw.parse();
        WaitResult wait = row.ending().waitResult();

        if (row.verdict() == null) {
            assertThatThrownBy(() -> Decision.decide(wait, config, row.ending().mode(), NOW))
                    .as(row.name())
                    .isInstanceOf(IllegalStateException.class);
            return;
        }
        CampaignResult result = Decision.decide(wait, config, row.ending().mode(), NOW);

        assertThat(result.verdict()).as("%s: verdict", row).isEqualTo(Verdict.valueOf(row.verdict()));
        assertThat(result.outcome()).as("%s: build outcome", row).isEqualTo(BuildOutcome.valueOf(row.outcome()));
        assertThat(result.summary()).as("%s: summary", row).isEqualTo(row.summary());
        if (row.details() != null) {
            assertThat(result.details()).as("%s: details", row).hasSameSizeAs(row.details());
            for (int i = 0; i < row.details().size(); i++) {
                assertThat(result.details().get(i))
                        .as("%s: detail %d", row, i + 1)
                        .contains(row.details().get(i));
            }
        }
        assertThat(result.evidence().allHold())
                .as("%s: the checklist holds exactly when the verdict is PASS", row)
                .isEqualTo(result.verdict() == Verdict.PASS);
    }

    /**
     * One case: the configuration (the mojo's parameters, as in {@link TestConfig}), how the wait ended; the verdict
     * and the build's outcome (their names), the whole summary, and, when given, every detail line in order, each
     * containing its phrase. A row without a verdict expects no verdict at all: {@link IllegalStateException}.
     */
    record Row(
            String name,
            Consumer<TestConfig> config,
            Ending ending,
            String verdict,
            String outcome,
            String summary,
            List<String> details) {

        Row details(String... lines) {
            return new Row(name, config, ending, verdict, outcome, summary, List.of(lines));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** How the wait ended, for {@code await-campaign} or for one check ({@code check-campaign}). */
    record Ending(WaitResult waitResult, Decision.Mode mode) {}

    private static Row row(
            String name, Consumer<TestConfig> config, Ending ending, String verdict, String outcome, String summary) {
        return new Row(name, config, ending, verdict, outcome, summary, null);
    }

    private static Row bug(String name, Consumer<TestConfig> config, Ending ending) {
        return new Row(name, config, ending, null, null, null, null);
    }

    /** The API refused the first request for good: ERROR, with the API's words as the one detail. */
    private static Row refused(int status, String message, String summary) {
        return row(
                        "HTTP " + status + " refused",
                        c -> {},
                        new Ending(
                                new WaitResult(
                                        Outcome.REJECTED,
                                        null,
                                        ApiException.refused(status, message),
                                        1,
                                        0,
                                        Duration.ZERO),
                                Decision.Mode.AWAIT),
                        "ERROR",
                        "ERROR",
                        summary)
                .details(message);
    }

    /** A wait that ended COMPLETED on its first poll. */
    private static Ending completed(Snapshots last) {
        return ended(Outcome.COMPLETED, last);
    }

    private static Ending ended(Outcome outcome, Snapshots last) {
        return ended(outcome, last, null, 1, Duration.ZERO);
    }

    private static Ending ended(Outcome outcome, Snapshots last, ApiException error, int polls, Duration elapsed) {
        return new Ending(
                new WaitResult(outcome, last.build(), error, polls, error == null ? 0 : polls - 1, elapsed),
                Decision.Mode.AWAIT);
    }

    /** A wait that ended without a snapshot, after {@code polls} failed ones (the last with {@code error}). */
    private static Ending endedWithout(Outcome outcome, ApiException error, int polls, Duration elapsed) {
        return new Ending(
                new WaitResult(outcome, null, error, polls, error == null ? 0 : polls, elapsed), Decision.Mode.AWAIT);
    }

    /** One check ({@code check-campaign}) at {@link #NOW}, ended so. */
    private static Ending checked(Outcome outcome, Snapshots last) {
        return new Ending(new WaitResult(outcome, last.build(), null, 1, 0, Duration.ZERO), Decision.Mode.CHECK);
    }

    /** One check that got no answer within requestTimeout. */
    private static Ending checkedWithout(ApiException error, int polls) {
        return new Ending(
                new WaitResult(Outcome.TIMED_OUT, null, error, polls, polls, Duration.ofSeconds(12)),
                Decision.Mode.CHECK);
    }
}
