package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** check-campaign: one judgement of the campaign as it is now, and its four outcomes. */
class CampaignCheckTest {

    private final FakeTime time = new FakeTime();
    private final ScriptedSource source = new ScriptedSource(time);
    private final RecordingLog log = new RecordingLog();
    private final TestConfig config = new TestConfig();
    /** 2026-06-01T16:00:00+05:30, six hours after the campaigns below were created. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T10:30:00Z"), ZoneOffset.UTC);

    private CampaignResult check() {
        return new Gate(config.parse(), source, time, log, new AbortSignal(), () -> 0).check(clock);
    }

    @Test
    void a_complete_campaign_should_get_the_verdict_await_campaign_gives() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().queues(19, true, true).calls("picked", 95, "failed", 5));

        CampaignResult result = check();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.summaryLine()).isEqualTo("OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls");
        assertThat(source.polls()).isEqualTo(1);
    }

    @Test
    void a_campaign_still_running_should_be_running_with_its_progress_and_pass_the_build() {
        config.maxFailureRatio = "5%";
        config.maxCampaignAge = "8h";
        source.then(Snapshots.active()
                .createdAt("2026-06-01T10:00:00+05:30")
                .queues(19, true, false)
                .calls("picked", 9, "failed", 1));

        CampaignResult result = check();

        assertThat(result.verdict()).isEqualTo(Verdict.RUNNING);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.SUCCESS);
        assertThat(result.summaryLine())
                .isEqualTo("OSVI gate: RUNNING campaign 7: still running: queues 1/2 completed, 10/20 calls");
        // 10 of 20 calls in 6 hours: about 6 hours left
        assertThat(result.details())
                .contains(
                        "So far: failed 10% (limit <= 5%, breached so far); no breach is certain yet.",
                        "About 6h left, from the progress since the campaign was created.");
        assertThat(source.polls()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void onRunning_fail_should_fail_the_build_on_a_running_campaign() {
        config.maxFailureRatio = "5%";
        config.onRunning = "fail";
        // no call yet: no ratio so far, and no estimate
        source.then(Snapshots.active().queues(19, false).calls());

        CampaignResult result = check();

        assertThat(result.verdict()).isEqualTo(Verdict.RUNNING);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.FAIL);
        assertThat(result.details()).noneMatch(detail -> detail.startsWith("So far") || detail.startsWith("About"));
        assertThat(result.failureMessage()).startsWith("Campaign 7 is still running (onRunning=fail):");
    }

    @Test
    void a_breach_already_certain_should_fail_now_without_failFast() {
        config.maxFailureRatio = "5%";
        // 20 queued, at most 60 calls with 2 retries: 20 failed is at least 33% whatever comes
        source.then(Snapshots.active().queues(19, false, false).calls("picked", 1, "failed", 20));

        CampaignResult result = check();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.summaryLine()).contains("(certain before completion)");
    }

    @Test
    void a_campaign_older_than_maxCampaignAge_should_time_out() {
        config.maxFailureRatio = "5%";
        config.maxCampaignAge = "6h";
        source.then(Snapshots.active()
                .createdAt("2026-06-01T09:59:00+05:30")
                .queues(19, true, false)
                .calls("picked", 10));

        CampaignResult result = check();

        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(result.summaryLine())
                .isEqualTo("OSVI gate: TIMEOUT campaign 7: not complete 6h1m after it was"
                        + " created, more than maxCampaignAge 6h");
    }

    @Test
    void maxCampaignAge_without_created_at_should_be_an_error_naming_the_field() {
        config.maxFailureRatio = "5%";
        config.maxCampaignAge = "6h";
        source.then(Snapshots.active().queues(19, false).calls("picked", 1));

        CampaignResult result = check();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.details()).singleElement().asString().contains("data.campaign.created_at");
    }

    @Test
    void transient_errors_should_be_retried_within_requestTimeout() {
        config.maxFailureRatio = "5%";
        config.pollInterval = "5s";
        config.requestTimeout = "30s";
        source.then(ApiException.transientFault("HTTP 503 Service Unavailable"))
                .then(Snapshots.active().queues(19, true).calls("picked", 10));

        CampaignResult result = check();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(source.polls()).isEqualTo(2);
        assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_campaign_created_in_the_future_should_be_an_error_naming_the_date_never_running_until_then() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active()
                .createdAt("2099-01-01T00:00:00Z")
                .queues(19, false)
                .calls("picked", 1));

        CampaignResult result = check();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(result.summary())
                .isEqualTo("the campaign's data.campaign.created_at 2099-01-01T00:00:00Z is in" + " the future");
        assertThat(result.details()).singleElement().asString().contains("this check's clock (2026-06-01T10:30:00Z)");
    }

    @Test
    void a_created_at_a_few_minutes_ahead_should_be_taken_as_clock_skew() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active()
                .createdAt("2026-06-01T10:34:00Z")
                .queues(19, false)
                .calls("picked", 1));

        assertThat(check().verdict()).isEqualTo(Verdict.RUNNING);
    }

    @Test
    void an_api_that_answers_503_until_requestTimeout_should_be_an_error_under_onError_not_a_timeout() {
        config.maxFailureRatio = "5%";
        config.pollInterval = "5s";
        config.requestTimeout = "12s";
        for (int i = 0; i < 5; i++) {
            source.then(ApiException.transientFault("HTTP 503 Service Unavailable"));
        }

        CampaignResult result = check();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(result.summary())
                .startsWith("no answer from the API within requestTimeout 12s")
                .doesNotContain("did not complete");
        assertThat(result.details()).contains("Last error: HTTP 503 Service Unavailable");

        config.onError = "warn";
        for (int i = 0; i < 5; i++) {
            source.then(ApiException.transientFault("HTTP 503 Service Unavailable"));
        }
        CampaignResult warned = check();
        assertThat(warned.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(warned.outcome()).isEqualTo(BuildOutcome.WARN);
    }

    @Test
    void created_at_with_a_space_for_T_should_be_read_and_without_an_offset_refused_naming_the_value() {
        config.maxFailureRatio = "5%";
        config.maxCampaignAge = "6h";
        source.then(Snapshots.active()
                .createdAt("2026-06-01 04:29:00Z")
                .queues(19, true, false)
                .calls("picked", 10));
        assertThat(check().verdict()).isEqualTo(Verdict.TIMEOUT);

        source.then(Snapshots.active()
                .createdAt("2026-06-01T15:00:00")
                .queues(19, true, false)
                .calls("picked", 10));
        CampaignResult result = check();
        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.summary()).isEqualTo("the campaign's age is unknown");
        assertThat(result.details())
                .singleElement()
                .asString()
                .contains("the API sent '2026-06-01T15:00:00', a"
                        + " date-time without a UTC offset, whose instant is unknown");
    }

    @Test
    void a_complete_campaign_created_in_the_future_should_be_an_error_too() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active()
                .createdAt("2099-01-01T00:00:00Z")
                .queues(19, true)
                .calls("picked", 10));

        CampaignResult result = check();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.summary()).endsWith("is in the future");
        assertThat(result.evidence().allHold())
                .as("no PASS proven beside the ERROR")
                .isFalse();
    }

    @Test
    void created_at_exactly_the_allowed_clock_skew_ahead_should_be_running_and_a_second_more_an_error() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active()
                .createdAt("2026-06-01T10:35:00Z")
                .queues(19, false)
                .calls("picked", 1));
        assertThat(check().verdict()).isEqualTo(Verdict.RUNNING);

        source.then(Snapshots.active()
                .createdAt("2026-06-01T10:35:01Z")
                .queues(19, false)
                .calls("picked", 1));
        CampaignResult result = check();
        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.details()).singleElement().asString().contains("created at 2026-06-01T10:35:01Z, 5m1s after");
    }

    @Test
    void a_campaign_exactly_maxCampaignAge_old_should_still_be_running_and_a_second_older_time_out() {
        config.maxFailureRatio = "5%";
        config.maxCampaignAge = "6h";
        source.then(Snapshots.active()
                .createdAt("2026-06-01T04:30:00Z")
                .queues(19, true, false)
                .calls("picked", 10));
        assertThat(check().verdict()).isEqualTo(Verdict.RUNNING);

        source.then(Snapshots.active()
                .createdAt("2026-06-01T04:29:59Z")
                .queues(19, true, false)
                .calls("picked", 10));
        assertThat(check().summary()).isEqualTo("not complete 6h1s after it was created, more than maxCampaignAge 6h");
    }

    @Test
    void time_left_should_scale_the_age_by_the_calls_still_to_make_per_call_made() {
        config.maxFailureRatio = "5%";
        // 5 of 20 calls in 6 hours: 15 more at that rate take 18 hours
        source.then(Snapshots.active()
                .createdAt("2026-06-01T04:30:00Z")
                .queues(19, true, false)
                .calls("picked", 5));

        assertThat(check().details()).contains("About 18h left, from the progress since the campaign was created.");
    }

    @Test
    void time_left_should_not_be_guessed_when_no_call_was_made_or_every_queued_call_was() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active()
                .createdAt("2026-06-01T04:30:00Z")
                .queues(19, false, false)
                .calls());
        assertThat(check().details()).noneMatch(detail -> detail.startsWith("About"));

        // 20 of 20 queued calls made, the queues not yet completed: the end is theirs to say
        source.then(Snapshots.active()
                .createdAt("2026-06-01T04:30:00Z")
                .queues(19, true, false)
                .calls("picked", 20));
        assertThat(check().details()).noneMatch(detail -> detail.startsWith("About"));
    }

    @Test
    void a_running_campaign_with_exactly_minCalls_should_show_its_rules_so_far() {
        config.maxFailureRatio = "5%";
        config.minCalls = "10";
        source.then(Snapshots.active()
                .createdAt("2026-06-01T04:30:00Z")
                .queues(19, true, false)
                .calls("picked", 9, "failed", 1));

        assertThat(check().details())
                .containsExactly(
                        "Progress: queues 1/2 completed, 10 calls (picked 9, failed 1).",
                        "So far: failed 10% (limit <= 5%, breached so far); no breach is certain yet.",
                        "About 6h left, from the progress since the campaign was created.",
                        "Not complete yet: check again later. The build passes (onRunning=pass), with nothing released: only"
                                + " PASS means complete and within the rules.");
    }

    @Test
    void a_running_campaign_should_say_why_its_age_is_unknown_only_when_created_at_cannot_be_read() {
        config.maxFailureRatio = "5%";
        source.then(Snapshots.active().createdAt("yesterday").queues(19, false).calls("picked", 1));
        assertThat(check().details())
                .contains("The campaign's created_at 'yesterday' could not be read (not an RFC"
                        + " 3339 date-time), so its age is unknown.");

        source.then(Snapshots.active().queues(19, false).calls("picked", 1));
        assertThat(check().details()).noneMatch(detail -> detail.contains("could not be read"));
    }

    @Test
    void onRunning_fail_should_say_that_the_build_fails_because_of_it() {
        config.maxFailureRatio = "5%";
        config.onRunning = "fail";
        source.then(Snapshots.active().queues(19, false).calls("picked", 1));

        assertThat(check().details())
                .last()
                .isEqualTo("Not complete yet: check again later. The build fails because" + " onRunning=fail.");
    }

    @Test
    void one_unanswered_request_should_be_counted_as_one_request() {
        config.maxFailureRatio = "5%";
        config.pollInterval = "10s";
        config.requestTimeout = "5s";
        source.then(ApiException.transientFault("HTTP 503 Service Unavailable"));

        assertThat(check().summary()).startsWith("no answer from the API within requestTimeout 5s (1 request)");
    }

    @Test
    void a_check_should_say_what_it_checks_with_its_age_limit_and_rules() {
        config.maxFailureRatio = "5%";
        config.maxCampaignAge = "6h";
        source.then(Snapshots.active().queues(19, true).calls("picked", 10));

        check();

        assertThat(log.lines)
                .first()
                .asString()
                .isEqualTo("INFO Checking OSVI campaign 7 at " + config.parse().baseUrl()
                        + " once, maxCampaignAge 6h, rules: failed <= 5%");
    }
}
