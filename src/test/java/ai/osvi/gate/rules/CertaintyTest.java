package ai.osvi.gate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Where a rule stands before completion: "certain" only when no way of completing the remaining calls brings it back
 * within its limit, and on a completed campaign "held" or "breached" only when the calls in no status cannot change it.
 */
class CertaintyTest {

    private static Rule rule(String text) throws Exception {
        return Values.rule("thresholds", text);
    }

    private static CallCounts calls(long total, Object... statusAndCount) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (int i = 0; i < statusAndCount.length; i += 2) {
            byStatus.put((String) statusAndCount[i], ((Number) statusAndCount[i + 1]).longValue());
        }
        return new CallCounts(total, byStatus);
    }

    /** One upload of {@code queued} calls in one queue, not completed; retries as given. */
    private static CampaignStatus running(Boolean retries, Integer threshold, long queued, CallCounts calls) {
        return new CampaignStatus(
                new Campaign(7L, "c", "active", retries, threshold, 60), calls, List.of(new Upload(19, 1, 0, queued)));
    }

    private static Standing standing(String rule, CampaignStatus snapshot) throws Exception {
        return RuleResult.judge(rule(rule), snapshot.calls(), Outlook.of(snapshot, OptionalLong.empty()))
                .standing();
    }

    @Test
    void the_bound_should_count_retries_and_refuse_to_guess() {
        CallCounts none = calls(0);
        assertThat(Outlook.maxPossibleCalls(running(false, null, 30, none))).hasValue(BigInteger.valueOf(30));
        assertThat(Outlook.maxPossibleCalls(running(true, 2, 30, none))).hasValue(BigInteger.valueOf(90));
        assertThat(Outlook.maxPossibleCalls(running(true, 0, 30, none))).hasValue(BigInteger.valueOf(30));
        assertThat(Outlook.maxPossibleCalls(running(true, null, 30, none))).isEmpty();
        assertThat(Outlook.maxPossibleCalls(running(null, null, 30, none))).isEmpty();
        assertThat(Outlook.maxPossibleCalls(running(null, 1, 30, none))).hasValue(BigInteger.valueOf(60));
    }

    @Test
    void an_upload_without_queues_should_leave_the_bound_unknown_rather_than_count_0_calls() throws Exception {
        CampaignStatus withEmptyUpload = new CampaignStatus(
                new Campaign(7L, "c", "active", false, null, null),
                calls(90, "picked", 10, "failed", 80),
                List.of(new Upload(19, 1, 0, 100L), new Upload(20, 0, 0, 0L)));

        assertThat(Outlook.maxPossibleCalls(withEmptyUpload)).isEmpty();
        // 80 failed of at most 100 would be certain; the other upload's calls could still bring it back
        assertThat(standing("failed <= 5%", withEmptyUpload)).isEqualTo(Standing.BREACHED_SO_FAR);
    }

    @Test
    void a_maximum_reached_exactly_at_the_bound_should_not_be_certain() throws Exception {
        // 5 failed of at most 100 calls: at least 5% at the end, which "<= 5%" allows; 6 would not
        assertThat(standing("failed <= 5%", running(false, null, 100, calls(20, "picked", 15, "failed", 5))))
                .isEqualTo(Standing.BREACHED_SO_FAR);
        assertThat(standing("failed <= 5%", running(false, null, 100, calls(20, "picked", 14, "failed", 6))))
                .isEqualTo(Standing.CERTAIN);
        assertThat(standing("failed < 5%", running(false, null, 100, calls(20, "picked", 15, "failed", 5))))
                .isEqualTo(Standing.CERTAIN);
    }

    @Test
    void a_minimum_the_remaining_calls_can_just_reach_should_not_be_certain() throws Exception {
        // 10 picked of 60 made, at most 100: at most 50 picked at the end, which ">= 50%" allows; "> 50%" does not
        assertThat(standing("picked >= 50%", running(false, null, 100, calls(60, "picked", 10, "failed", 50))))
                .isEqualTo(Standing.BREACHED_SO_FAR);
        assertThat(standing("picked >= 50%", running(false, null, 100, calls(60, "picked", 9, "failed", 51))))
                .isEqualTo(Standing.CERTAIN);
        assertThat(standing("picked > 50%", running(false, null, 100, calls(60, "picked", 10, "failed", 50))))
                .isEqualTo(Standing.CERTAIN);
    }

    @Test
    void calls_in_no_status_could_be_in_any_so_they_keep_a_breach_from_being_certain() throws Exception {
        // 9 picked and 51 calls in no status: those 51 could all end picked
        assertThat(standing("picked >= 50%", running(false, null, 100, calls(60, "picked", 9))))
                .isEqualTo(Standing.BREACHED_SO_FAR);
        // a status the API does not document may be a call still in progress
        assertThat(standing("picked >= 50%", running(false, null, 100, calls(60, "picked", 9, "ringing", 51))))
                .isEqualTo(Standing.BREACHED_SO_FAR);
    }

    @Test
    void only_the_breach_no_completion_can_undo_should_be_certain_when_retries_may_repeat_not_picked_calls()
            throws Exception {
        // 600 made of at most 800 (400 queued, one retry): failed 41 is at least 41/800 = 5.1% whatever comes;
        // picked could still reach (300 + 259 + 200) / 800 = 94.9%, and not_picked calls may be retried into picked
        CampaignStatus snapshot = running(true, 1, 400, calls(600, "picked", 300, "not_picked", 259, "failed", 41));

        assertThat(standing("failed <= 5%", snapshot)).isEqualTo(Standing.CERTAIN);
        assertThat(standing("picked >= 60%", snapshot)).isEqualTo(Standing.BREACHED_SO_FAR);
        assertThat(standing("failed+not_picked < 35%", snapshot)).isEqualTo(Standing.BREACHED_SO_FAR);

        // with retries off, not_picked is final: 300/800 = 37.5% at least
        CampaignStatus noRetries = running(false, null, 800, snapshot.calls());
        assertThat(standing("failed+not_picked < 35%", noRetries)).isEqualTo(Standing.CERTAIN);
    }

    @Test
    void nothing_should_be_certain_beyond_the_bound_or_without_one() throws Exception {
        // more calls made than the bound allows: the bound's assumption does not hold
        assertThat(standing("failed <= 5%", running(false, null, 50, calls(60, "failed", 60))))
                .isEqualTo(Standing.BREACHED_SO_FAR);
        assertThat(standing("failed <= 5%", running(true, null, 100, calls(60, "failed", 60))))
                .isEqualTo(Standing.BREACHED_SO_FAR);
    }

    @Test
    void a_completed_campaign_with_calls_in_no_status_should_leave_a_rule_undecided_unless_they_cannot_matter()
            throws Exception {
        CallCounts tenOfAThousand = calls(1000, "picked", 10);
        assertThat(RuleResult.judge(rule("failed <= 5%"), tenOfAThousand).standing())
                .isEqualTo(Standing.UNDECIDED);
        // 100 failed of 1000: at least 10% whatever the other 890 are
        CallCounts hundredFailed = calls(1000, "picked", 10, "failed", 100);
        assertThat(RuleResult.judge(rule("failed <= 5%"), hundredFailed).standing())
                .isEqualTo(Standing.BREACHED);
        assertThat(RuleResult.judge(rule("failed <= 100%"), tenOfAThousand).standing())
                .isEqualTo(Standing.HELD);
        CallCounts accounted = calls(100, "picked", 97, "failed", 3);
        assertThat(RuleResult.judge(rule("failed <= 5%"), accounted).standing()).isEqualTo(Standing.HELD);
        assertThat(RuleResult.judge(rule("failed <= 2%"), accounted).standing()).isEqualTo(Standing.BREACHED);
    }

    /**
     * The oracle: every final state the model allows, enumerated for small campaigns. A rule is certain only when it
     * fails in each of them, and "held so far" or "breached so far" otherwise.
     */
    @Test
    void certain_should_mean_that_every_way_of_completing_breaches_the_rule() throws Exception {
        List<String> rules = List.of(
                "failed <= 25%",
                "failed < 25%", "picked >= 50%", "picked > 50%", "failed+not_picked <= 40%", "not_picked < 20%");
        int checked = 0;
        for (String text : rules) {
            Rule rule = rule(text);
            for (boolean retries : new boolean[] {false, true}) {
                for (int queued = 1; queued <= 6; queued++) {
                    int most = retries ? 2 * queued : queued;
                    for (int picked = 0; picked <= most; picked++) {
                        for (int notPicked = 0; picked + notPicked <= most; notPicked++) {
                            for (int failed = 0; picked + notPicked + failed <= most; failed++) {
                                for (int unaccounted = 0;
                                        picked + notPicked + failed + unaccounted <= most;
                                        unaccounted++) {
                                    int total = picked + notPicked + failed + unaccounted;
                                    if (total == 0) {
                                        continue;
                                    }
                                    CallCounts calls =
                                            calls(total, "picked", picked, "not_picked", notPicked, "failed", failed);
                                    Standing standing = RuleResult.judge(
                                                    rule,
                                                    calls,
                                                    Outlook.of(
                                                            running(retries, retries ? 1 : null, queued, calls),
                                                            OptionalLong.empty()))
                                            .standing();
                                    boolean anyHolds = anyCompletionHolds(
                                            rule, picked, notPicked, failed, unaccounted, most, retries);
                                    assertThat(standing == Standing.CERTAIN)
                                            .as(
                                                    "%s on picked %d, not_picked %d, failed %d, %d in no status, at"
                                                            + " most %d calls, retries %s: %s",
                                                    text,
                                                    picked,
                                                    notPicked,
                                                    failed,
                                                    unaccounted,
                                                    most,
                                                    retries,
                                                    standing)
                                            .isEqualTo(!anyHolds);
                                    checked++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    /**
     * Whether some final state holds the rule: the campaign ends with {@code extra} more calls (up to the bound), and
     * every call whose status may change (those in no status, and not_picked when retries may repeat it) and every new
     * call ends in any of the three statuses.
     */
    private static boolean anyCompletionHolds(
            Rule rule, int picked, int notPicked, int failed, int unaccounted, int most, boolean retries) {
        int made = picked + notPicked + failed + unaccounted;
        int movable = unaccounted + (retries ? notPicked : 0);
        int fixedNotPicked = retries ? 0 : notPicked;
        for (int extra = 0; made + extra <= most; extra++) {
            int free = movable + extra;
            for (int toPicked = 0; toPicked <= free; toPicked++) {
                for (int toNotPicked = 0; toPicked + toNotPicked <= free; toNotPicked++) {
                    int toFailed = free - toPicked - toNotPicked;
                    Map<String, Long> end = Map.of(
                            "picked",
                            (long) picked + toPicked,
                            "not_picked",
                            (long) fixedNotPicked + toNotPicked,
                            "failed",
                            (long) failed + toFailed);
                    long count = rule.statuses().stream().mapToLong(end::get).sum();
                    int comparison = BigDecimal.valueOf(count)
                            .compareTo(rule.limit().value().multiply(BigDecimal.valueOf(made + extra)));
                    if (rule.operator().holds(comparison)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void counts_that_contradict_themselves_before_completion_should_stand_only_so_far() throws Exception {
        // by_status adds up to 12 calls, calls.total says 10
        CampaignStatus contradicting = running(false, null, 30, calls(10, "picked", 9, "failed", 3));

        assertThat(standing("failed <= 50%", contradicting)).isEqualTo(Standing.HELD_SO_FAR);
        assertThat(standing("failed <= 5%", contradicting)).isEqualTo(Standing.BREACHED_SO_FAR);
    }
}
