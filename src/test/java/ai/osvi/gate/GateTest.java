package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GateTest {

    private final FakeTime time = new FakeTime();
    private final ScriptedSource source = new ScriptedSource(time);
    private final RecordingLog log = new RecordingLog();
    private final TestConfig config = new TestConfig();
    private final AbortSignal abort = new AbortSignal();
    /** The jitter of the backoff: 0 makes every retry come after exactly pollInterval. */
    private double jitter;

    private CampaignResult run() {
        return new Gate(config.parse(), source, time, log, abort, () -> jitter).run();
    }

    @Test
    void should_pass_when_every_queue_completed_and_the_ratio_holds() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().queues(19, true, false).calls("picked", 40, "failed", 1))
                .then(Snapshots.active().queues(19, true, true).calls("picked", 95, "failed", 5));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.SUCCESS);
        assertThat(source.polls()).isEqualTo(2);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(15));
        assertThat(log.at("INFO"))
                .contains(
                        "campaign 7: queues 1/2 completed, 41/20 calls, 205% (picked 40, failed 1), elapsed 0s,"
                                + " next poll in 15s",
                        "campaign 7: queues 2/2 completed, 100/20 calls, 500% (picked 95, failed 5), elapsed 15s",
                        "OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls");
        assertThat(log.text()).containsPattern("failed\\s+5%\\s+<= 5%\\s+held");
    }

    @Test
    void should_fail_listing_each_breach_when_a_ratio_is_exceeded() {
        config.maxFailureRatio = "5%";
        config.thresholds = List.of("picked >= 90%");
        source.then(Snapshots.active().queues(19, true).calls("picked", 111, "not_picked", 0, "failed", 9));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.FAIL);
        assertThat(result.details()).containsExactly("failed ratio is 7.5%, but the maximum is 5%");
        // the log's verdict line says the summary; the build failure says what is wrong, without repeating it
        assertThat(result.failureMessage())
                .isEqualTo("Campaign 7 failed the OSVI gate:" + System.lineSeparator()
                        + "  - failed ratio is 7.5%, but the maximum is 5%")
                .doesNotContain("1 of 2 rules breached");
        assertThat(log.at("ERROR")).containsExactly("OSVI gate: FAIL campaign 7: 1 of 2 rules breached on 120 calls");
        assertThat(log.text()).containsPattern("failed\\s+7.5%\\s+<= 5%\\s+breached");
    }

    @Test
    void failBuild_false_should_turn_a_breach_into_a_warning() {
        config.maxFailureRatio = "1%";
        config.failBuild = "false";
        source.then(Snapshots.active().queues(19, true).calls("picked", 90, "failed", 10));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.WARN);
        assertThat(log.at("WARN"))
                .contains(
                        "failed ratio is 10%, but the maximum is 1%",
                        "OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 100 calls");
    }

    @Test
    void no_rule_should_wait_for_completion_then_pass_with_a_warning() {
        source.then(Snapshots.active().queues(19, false).calls("failed", 50))
                .then(Snapshots.active().queues(19, true).calls("failed", 100));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.WARN);
        assertThat(source.polls()).isEqualTo(2);
        assertThat(log.at("WARN"))
                .contains("No rule is configured, so nothing was gated: set maxFailureRatio or thresholds.");
    }

    @Test
    void empty_uploads_or_queues_should_never_count_as_complete() {
        config.timeout = "1m";
        source.then(Snapshots.active()).then(Snapshots.active().queues(19)).then(Snapshots.active());

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(result.details().get(0)).isEqualTo("Last snapshot: queues 0/0 completed, 0 calls.");
    }

    @Test
    void timeout_should_end_at_the_deadline_without_a_poll_past_it_and_with_the_last_snapshot() {
        config.timeout = "50s";
        config.pollInterval = "15s";
        source.then(Snapshots.active().queues(19, true, false).calls("picked", 10));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        // polls at 0, 15, 30, 45; at the 50 s deadline no time is left for another request
        assertThat(source.polls()).isEqualTo(4);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(50));
        assertThat(time.sleeps()).last().isEqualTo(Duration.ofSeconds(5));
        assertThat(result.summaryLine()).endsWith("did not complete within 50s");
        assertThat(result.failureMessage())
                .contains("Last snapshot: queues 1/2 completed, 10 calls (picked 10).", "set onTimeout=evaluate");
    }

    @Test
    void deadline_should_count_request_time() {
        config.timeout = "60s";
        config.pollInterval = "10s";
        source.eachRequestTaking(Duration.ofSeconds(20)).then(Snapshots.active().queues(19, false));

        run();

        // 0-20 poll, sleep 10, 30-50 poll, sleep 10: the deadline, and no poll at or after it
        assertThat(source.polls()).isEqualTo(2);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void onTimeout_evaluate_should_judge_the_last_snapshot_but_never_call_an_incomplete_campaign_a_pass() {
        config.timeout = "30s";
        config.onTimeout = "evaluate";
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().queues(19, true, false).calls("picked", 99, "failed", 1));

        CampaignResult held = run();
        assertThat(held.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(held.outcome()).isEqualTo(BuildOutcome.WARN);
        assertThat(held.ruleResults())
                .singleElement()
                .satisfies(r -> assertThat(r.passed()).isTrue());
        assertThat(held.summaryLine())
                .isEqualTo("OSVI gate: TIMEOUT campaign 7: did not complete within 30s; 1 of 1"
                        + " rule held on the last snapshot (100 calls)");
        assertThat(held.details())
                .containsExactly(
                        "The campaign did not complete within 30s; the rules were judged on the last snapshot"
                                + " (onTimeout=evaluate).",
                        "The rules held on the last snapshot, but the campaign did not complete, so this is not a PASS: the"
                                + " build goes on with a warning because onTimeout=evaluate. Raise timeout (-Dosvi.timeout)"
                                + " to judge the completed campaign.");
        assertThat(log.at("WARN")).last().isEqualTo(held.summaryLine());
        assertThat(log.text())
                .containsPattern("failed\\s+1%\\s+<= 5%\\s+held so far")
                .doesNotContain("OSVI gate: PASS");
        // a breach, or too few calls, on the last snapshot: rows of VerdictTableTest
    }

    @Test
    void a_rejected_token_should_stop_at_once() {
        source.then(ApiException.refused(
                401,
                "OSVI rejected the API token from environment variable"
                        + " OSVI_API_TOKEN (HTTP 401: Invalid API token)."));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(source.polls()).isEqualTo(1);
        assertThat(result.summary()).isEqualTo("the API token was rejected (HTTP 401)");
        assertThat(result.failureMessage()).contains("environment variable OSVI_API_TOKEN");
    }

    @Test
    void five_consecutive_transient_errors_should_end_the_wait_with_the_last_error() {
        source.thenTimes(4, ApiException.transientFault("HTTP 503 Service Unavailable"))
                .then(ApiException.transientFault("HTTP 502 Bad Gateway"));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(source.polls()).isEqualTo(5);
        assertThat(result.summary())
                .isEqualTo("gave up after 5 consecutive failed polls (5 polls in 1m); no poll ever"
                        + " succeeded: check baseUrl https://api.osvi.ai/");
        assertThat(result.details())
                .containsExactly(
                        "Last error: HTTP 502 Bad Gateway",
                        "No poll ever succeeded: 5"
                                + " requests to GET https://api.osvi.ai/v1/campaigns/7/status in 1m, directly, got no snapshot. That is"
                                + " more often the configuration than an outage: check baseUrl (osvi.baseUrl) https://api.osvi.ai/"
                                + " (host, port, http or https), and that this machine reaches it (curl https://api.osvi.ai/).");
        assertThat(log.at("WARN"))
                .contains(
                        "campaign 7: poll failed (1 in a row, the wait ends at 5): HTTP 503 Service Unavailable; next poll"
                                + " in 15s");
    }

    @Test
    void a_good_response_should_reset_the_consecutive_error_count() {
        config.maxFailureRatio = "5%";
        source.thenTimes(4, ApiException.transientFault("HTTP 500"))
                .then(Snapshots.active().queues(19, false).calls("picked", 1))
                .thenTimes(4, ApiException.transientFault("HTTP 500"))
                .then(Snapshots.active().queues(19, true).calls("picked", 100));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.waitResult().errors()).isEqualTo(8);
        assertThat(source.polls()).isEqualTo(10);
    }

    @Test
    void an_inactive_campaign_with_incomplete_queues_should_end_the_wait_unless_told_to_wait() {
        source.then(Snapshots.active().queues(19, true, false).calls("picked", 5))
                .then(Snapshots.inactive().queues(19, true, false).calls("picked", 6));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(source.polls()).isEqualTo(2);
        assertThat(result.summary()).isEqualTo("the campaign is inactive with 1 of 2 queues incomplete");
        assertThat(result.failureMessage()).contains("onInactive=wait");

        config.onInactive = "wait";
        config.timeout = "1m";
        ScriptedSource resumes = new ScriptedSource(time)
                .then(Snapshots.inactive().queues(19, true, false).calls("picked", 6))
                .then(Snapshots.inactive().queues(19, true, false).calls("picked", 6))
                .then(Snapshots.active().queues(19, true, true).calls("picked", 10));
        CampaignResult waited = new Gate(config.parse(), resumes, time, log, abort, () -> 0).run();
        assertThat(waited.verdict()).isEqualTo(Verdict.PASS);
        assertThat(log.at("WARN"))
                .containsOnlyOnce("campaign 7: the campaign is inactive; waiting anyway" + " (onInactive=wait)");
    }

    @Test
    void an_inactive_campaign_whose_queues_all_completed_is_judged() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.inactive().queues(19, true, true).calls("picked", 10));
        assertThat(run().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void uploadId_should_await_only_that_uploads_queues() {
        config.uploadId = "19";
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().queues(20, false).calls("picked", 1))
                .then(Snapshots.active().queues(19, false).queues(20, false).calls("picked", 2))
                .then(Snapshots.active()
                        .queues(19, true, true)
                        .queues(20, false)
                        .calls("picked", 3));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(source.polls()).isEqualTo(3);
        assertThat(log.at("WARN"))
                .containsOnlyOnce("campaign 7: no upload 19 (yet); uploads seen: 20. Waiting for it to appear.");
        assertThat(log.at("INFO"))
                .contains("campaign 7: queues 2/2 completed, 3/30 calls, 10% (picked 3), elapsed 30s");
    }

    @Test
    void progress_should_print_one_line_per_change_and_a_heartbeat_at_least_every_minute() {
        config.pollInterval = "20s";
        config.timeout = "10m";
        config.maxFailureRatio = "5%";
        Snapshots same = Snapshots.active().queues(19, false).calls("picked", 1);
        for (int i = 0; i < 10; i++) {
            source.then(same);
        }
        source.then(Snapshots.active().queues(19, true).calls("picked", 2));

        run();

        List<String> progress = log.at("INFO").stream()
                .filter(line -> line.startsWith("campaign 7:"))
                .toList();
        assertThat(progress)
                .containsExactly(
                        "campaign 7: queues 0/1 completed, 1/10 calls, 10% (picked 1), elapsed 0s, next poll in 20s",
                        "campaign 7: still waiting, queues 0/1 completed, 1/10 calls, 10% (picked 1), elapsed 1m,"
                                + " next poll in 20s",
                        "campaign 7: still waiting, queues 0/1 completed, 1/10 calls, 10% (picked 1), elapsed 2m,"
                                + " next poll in 20s",
                        "campaign 7: still waiting, queues 0/1 completed, 1/10 calls, 10% (picked 1), elapsed 3m,"
                                + " next poll in 20s",
                        "campaign 7: queues 1/1 completed, 2/10 calls, 20% (picked 2), elapsed 3m20s");
        assertThat(source.polls()).isEqualTo(11);
    }

    @Test
    void counts_that_do_not_add_up_should_warn_and_use_total() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active()
                .queues(19, true)
                .calls("picked", 80, "failed", 5)
                .total(100));

        CampaignResult result = run();

        assertThat(result.ruleResults().get(0).shownActual()).isEqualTo("5%");
        assertThat(log.at("WARN"))
                .contains(
                        "by_status counts add up to 85, not calls.total 100; ratios use calls.total as the denominator.");
    }

    @Test
    void the_table_should_show_every_status_and_mark_those_in_no_rule() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().queues(19, true).calls("picked", 90, "failed", 4, "voicemail", 6));

        run();

        assertThat(log.text())
                .containsPattern("picked\\s+90\\s+90%\\s+\\(in no rule\\)")
                .containsPattern("voicemail\\s+6\\s+6%\\s+\\(in no rule\\)")
                .containsPattern("failed\\s+4\\s+4%\n")
                .containsPattern("total\\s+100");
    }

    @Test
    void a_rule_on_a_status_far_from_every_known_one_should_count_it_as_0_with_a_warning() {
        config.maxFailureRatio = "5%";
        config.failureStatuses = "voicemail";
        source.then(Snapshots.active().queues(19, true).calls("picked", 90, "failed", 10));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(log.at("WARN"))
                .contains("Status 'voicemail' of rule 'voicemail <= 5%' is not in by_status and"
                        + " counts as 0; if calls in that status were expected, check its spelling. Statuses reported: picked,"
                        + " failed.");
    }

    @Test
    void the_default_failed_reported_as_Failed_should_be_an_error_naming_both_spellings_never_a_count_of_0() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().queues(19, true).calls("picked", 50, "Failed", 50));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(result.judgedCalls()).isNull();
        assertThat(result.summaryLine())
                .isEqualTo("OSVI gate: ERROR campaign 7: the API reported a status of a rule"
                        + " in another spelling: 'Failed' for 'failed'");
        assertThat(result.details())
                .containsExactly("Rule 'failed <= 5%' (maxFailureRatio) names the status"
                        + " 'failed'; the API reported 'Failed' (50 calls), which could be the same status (it differs by case, '_', '-', '.', spaces, invisible or look-alike characters, or a typo)."
                        + " A rule counts only the spellings it names, so these calls would count as 0. Name the status as"
                        + " the API does: failureStatuses=Failed. If it is a different status, name it in a rule of its own to"
                        + " say so. Statuses reported: picked, Failed.");
        assertThat(log.at("ERROR")).containsExactly(result.summaryLine());
    }

    @Test
    void failFast_should_not_decide_on_a_status_counted_as_0_by_its_spelling() {
        config.failFast = "true";
        config.thresholds = List.of("picked >= 90%");
        // at most 30 calls: with 'Picked' counted as 0, picked >= 90% would look certain to be breached
        source.then(Snapshots.active().queues(19, false).calls("Picked", 5, "failed", 1))
                .then(Snapshots.active().queues(19, true).calls("Picked", 29, "failed", 1));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.summary())
                .isEqualTo("the API reported a status of a rule in another spelling: 'Picked'" + " for 'picked'");
    }

    @Test
    void errors_in_a_row_should_back_off_exponentially_with_jitter_up_to_two_minutes() {
        jitter = 0.5;
        config.maxConsecutiveErrors = "7";
        source.thenTimes(6, ApiException.transientFault("HTTP 500"))
                .then(Snapshots.active().queues(19, true).calls("picked", 1));

        run();

        // ceilings 15s, 30s, 60s, 120s, 120s (capped), 120s; half way between 15s and each ceiling
        assertThat(source.pauses())
                .containsExactly(
                        Duration.ofSeconds(15),
                        Duration.ofMillis(22_500),
                        Duration.ofMillis(37_500),
                        Duration.ofMillis(67_500),
                        Duration.ofMillis(67_500),
                        Duration.ofMillis(67_500));
    }

    @Test
    void pauses_shown_in_progress_lines_should_be_rounded() {
        jitter = 0.3;
        config.pollInterval = "1s";
        config.maxConsecutiveErrors = "8";
        source.thenTimes(7, ApiException.transientFault("HTTP 500"))
                .then(Snapshots.active().queues(19, true).calls("picked", 1));

        run();

        // the pauses are 1s, 1.3s, 1.9s, 3.1s, 5.5s, 10.3s and 19.9s (see the test above)
        assertThat(log.at("WARN"))
                .filteredOn(line -> line.contains("poll failed"))
                .extracting(line -> line.substring(line.indexOf("next poll in ")))
                .containsExactly(
                        "next poll in 1s",
                        "next poll in 1.3s",
                        "next poll in 1.9s",
                        "next poll in 3.1s",
                        "next poll in 5.5s",
                        "next poll in 10s",
                        "next poll in 20s");
    }

    @Test
    void a_good_response_should_bring_the_pause_back_to_pollInterval() {
        jitter = 0.99;
        source.thenTimes(3, ApiException.transientFault("HTTP 500"))
                .then(Snapshots.active().queues(19, false).calls("picked", 1))
                .then(Snapshots.active().queues(19, true).calls("picked", 1));

        run();

        assertThat(source.pauses()).endsWith(Duration.ofSeconds(15));
    }

    @Test
    void retry_after_should_be_honoured_but_never_past_the_deadline() {
        config.timeout = "5m";
        source.then(ApiException.transientFault("HTTP 429 Too Many Requests", Duration.ofSeconds(90)))
                .then(ApiException.transientFault("HTTP 503 Service Unavailable", Duration.ofHours(1)))
                .then(Snapshots.active().queues(19, false).calls("picked", 1));

        CampaignResult result = run();

        assertThat(source.pauses()).containsExactly(Duration.ofSeconds(90));
        // the hour-long Retry-After is cut at the deadline, where the wait ends (without a third poll)
        assertThat(source.polls()).isEqualTo(2);
        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_retry_after_date_centuries_away_should_be_cut_at_the_deadline_rather_than_overflow_the_clock() {
        config.timeout = "5m";
        // "Retry-After: Fri, 31 Dec 9999 23:59:59 GMT": some 8,000 years, beyond a long of nanoseconds
        source.then(ApiException.transientFault("HTTP 503 Service Unavailable", Duration.ofDays(365L * 8_000)))
                .then(Snapshots.active().queues(19, true).calls("picked", 1));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(source.polls()).isEqualTo(1);
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(5));
        assertThat(log.text()).doesNotContain("This is a bug");
        assertThat(log.at("WARN"))
                .contains("campaign 7: poll failed (1 in a row, the wait ends at 5): HTTP 503"
                        + " Service Unavailable; timeout in 5m");
    }

    @Test
    void onError_warn_should_let_the_build_go_on_with_a_loud_warning() {
        config.onError = "warn";
        config.maxConsecutiveErrors = "2";
        source.thenTimes(2, ApiException.transientFault("could not connect to api.osvi.ai:443"));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.WARN);
        assertThat(source.polls()).isEqualTo(2);
        assertThat(log.at("WARN"))
                .contains(
                        "The gate could not decide, and the build goes on without a verdict because onError=warn.",
                        "OSVI gate: ERROR campaign 7: gave up after 2 consecutive failed polls (2 polls in 15s); no poll ever"
                                + " succeeded: check baseUrl https://api.osvi.ai/");
    }

    @Test
    void an_abort_should_cancel_a_request_in_flight_and_end_as_aborted() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        StatusSource hanging = new StatusSource() {
            @Override
            public CampaignStatus fetch(long campaignId) throws InterruptedException {
                cancelled.await();
                throw new InterruptedException("cancelled");
            }

            @Override
            public void abort() {
                cancelled.countDown();
            }
        };
        AtomicReference<CampaignResult> result = new AtomicReference<>();
        Thread gate = new Thread(
                () -> result.set(new Gate(config.parse(), hanging, TimeSource.SYSTEM, log, abort, () -> 0).run()));
        gate.start();
        Thread.sleep(200);

        long start = System.nanoTime();
        abort.abort();
        gate.join(2000);

        assertThat(gate.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.get().verdict()).isEqualTo(Verdict.ABORTED);
        assertThat(log.at("ERROR"))
                .contains("OSVI gate: ABORTED campaign 7: the gate was aborted before the campaign completed");
    }

    @Test
    void an_abort_should_cut_a_pause_between_polls_short() throws Exception {
        config.pollInterval = "10m";
        config.timeout = "1h";
        source.then(Snapshots.active().queues(19, false).calls("picked", 1));
        AtomicReference<CampaignResult> result = new AtomicReference<>();
        Thread gate = new Thread(
                () -> result.set(new Gate(config.parse(), source, TimeSource.SYSTEM, log, abort, () -> 0).run()));
        gate.start();
        Thread.sleep(300);

        abort.abort();
        gate.join(2000);

        assertThat(gate.isAlive()).isFalse();
        assertThat(result.get().verdict()).isEqualTo(Verdict.ABORTED);
        assertThat(result.get().failureMessage()).isEqualTo("The OSVI gate was aborted while awaiting campaign 7");
    }

    @Test
    void a_proxy_refusing_its_credentials_should_stop_at_once_and_name_the_proxy_not_the_api() {
        source.then(ApiException.refused(
                407,
                "HTTP 407 Proxy Authentication Required:"
                        + " the proxy http://proxy.example:3128 (settings.xml proxy 'corp') refused its credentials; check the"
                        + " username and password of that proxy."));

        CampaignResult result = run();

        assertThat(source.polls()).isEqualTo(1);
        assertThat(result.summaryLine())
                .isEqualTo("OSVI gate: ERROR campaign 7: the proxy refused the request (HTTP 407)");
        assertThat(result.failureMessage())
                .isEqualTo("The OSVI gate could not decide on campaign 7:"
                        + System.lineSeparator() + "  - HTTP 407 Proxy Authentication Required: the proxy"
                        + " http://proxy.example:3128 (settings.xml proxy 'corp') refused its credentials; check the username"
                        + " and password of that proxy.");
    }

    @Test
    void failFast_should_stop_as_soon_as_a_maximum_is_certain_to_be_breached() {
        config.failFast = "true";
        config.maxFailureRatio = "5%";
        // 10 queued, 2 retries: at most 30 calls; 2 failed already make at least 6.7% whatever happens
        source.then(Snapshots.active().queues(19, false).calls("picked", 1, "failed", 1))
                .then(Snapshots.active().queues(19, false).calls("picked", 1, "failed", 2))
                .then(Snapshots.active().queues(19, true).calls("picked", 9, "failed", 1));

        CampaignResult result = run();

        assertThat(source.polls()).isEqualTo(2);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.summaryLine())
                .isEqualTo("OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 3 calls (certain before completion)");
        assertThat(result.details())
                .contains("failed ratio is 66.7%, but the maximum is 5% (certain: no way of"
                        + " completing the remaining calls brings it back)");
        assertThat(result.details().get(0)).startsWith("Decided before completion: with at most 30 calls");
    }

    @Test
    void failFast_should_wait_while_the_remaining_calls_could_still_make_it_pass() {
        config.failFast = "true";
        config.thresholds = List.of("picked >= 50%");
        // at most 30 calls (10 queued x 3 attempts): 1 picked of 5 can still reach 26 of 30
        source.then(Snapshots.active().queues(19, false).calls("picked", 1, "failed", 4))
                .then(Snapshots.active().queues(19, true).calls("picked", 8, "failed", 2));

        CampaignResult result = run();

        assertThat(source.polls()).isEqualTo(2);
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void failFast_should_stop_when_a_minimum_can_no_longer_be_reached() {
        config.failFast = "true";
        config.thresholds = List.of("picked >= 90%");
        // at most 30 calls: 25 made with 20 failed leaves at most 5 + 5 picked = 33%
        source.then(Snapshots.active().queues(19, false).calls("picked", 5, "failed", 20))
                .then(Snapshots.active().queues(19, true).calls("picked", 10, "failed", 20));

        CampaignResult result = run();

        assertThat(source.polls()).isEqualTo(1);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void stallTimeout_should_fail_as_stalled_when_nothing_changes() {
        config.stallTimeout = "1m";
        config.timeout = "1h";
        source.then(Snapshots.active().queues(19, false).calls("picked", 1))
                .then(Snapshots.active().queues(19, false).calls("picked", 2));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.STALLED);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        // change seen at 15s, unchanged at 30, 45, 60 and 75s: 60s without change
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(75));
        assertThat(result.summaryLine()).isEqualTo("OSVI gate: STALLED campaign 7: no progress for 1m");
    }

    @Test
    void a_timeout_shorter_than_the_campaigns_retry_window_should_be_warned_about() {
        config.timeout = "30m";
        source.then(Snapshots.active().queues(19, false).calls("picked", 1))
                .then(Snapshots.active().queues(19, true).calls("picked", 2));

        run();

        // Snapshots: retry enabled, 2 retries 1800 s apart
        assertThat(log.at("WARN"))
                .contains(
                        "campaign 7: timeout 30m is shorter than the campaign's retry window"
                                + " (2 retries 30m apart = 1h): the campaign may still be retrying calls when the gate gives up.");
    }

    @Test
    void the_start_line_should_say_how_the_gate_polls() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().queues(19, true).calls("picked", 1));
        config.pollStrategy = "adaptive";
        run();
        config.pollStrategy = "fixed";
        run();
        // adaptive with a pollInterval above maxPollInterval polls at a fixed pace
        config.pollStrategy = "adaptive";
        config.pollInterval = "5m";
        run();

        assertThat(log.at("INFO"))
                .filteredOn(line -> line.startsWith("Awaiting"))
                .containsExactly(
                        "Awaiting OSVI campaign 7 at https://api.osvi.ai/: polling adaptively every 15s to 2m, timeout 30m"
                                + " (gives up at 10:30:00 UTC), rules: failed <= 5%",
                        "Awaiting OSVI campaign 7 at https://api.osvi.ai/: polling every 15s, timeout 30m (gives up at"
                                + " 10:30:00 UTC), rules: failed <= 5%",
                        "Awaiting OSVI campaign 7 at https://api.osvi.ai/: polling every 5m, timeout 30m (gives up at"
                                + " 10:30:00 UTC), rules: failed <= 5%");
    }

    @Test
    void adaptive_polling_should_poll_rarely_far_from_the_end_and_often_near_it() {
        config.pollStrategy = "adaptive";
        config.pollInterval = "5s";
        config.maxPollInterval = "2m";
        // 1000 calls queued in all (queues of 10 x ... see Snapshots): use explicit totals
        source.then(Snapshots.active().queues(19, false).calls("picked", 0))
                .then(Snapshots.active().queues(19, false).calls("picked", 1))
                .then(Snapshots.active().queues(19, false).calls("picked", 2))
                .then(Snapshots.active().queues(19, false).calls("picked", 3))
                .then(Snapshots.active().queues(19, true).calls("picked", 10));

        run();

        // 10 calls queued; far from the end the pause grows beyond pollInterval, near it comes back to it
        assertThat(time.sleeps())
                .allSatisfy(pause -> assertThat(pause).isBetween(Duration.ofSeconds(5), Duration.ofMinutes(2)));
        assertThat(time.sleeps().get(0)).isEqualTo(Duration.ofSeconds(5));
    }
}
