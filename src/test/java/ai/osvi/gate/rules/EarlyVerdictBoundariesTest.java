package ai.osvi.gate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.util.LinkedHashMap;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** failFast's certainty at its edges: a rule exactly at its limit, every possible call made, no call yet. */
class EarlyVerdictBoundariesTest {

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

    @Test
    void bound_should_allow_one_attempt_per_queued_call_when_retries_are_on_with_a_threshold_of_zero() {
        CampaignStatus snapshot = new CampaignStatus(new Campaign(7L, "c", "active", true, 0, 60),
                new CallCounts(0, Map.of()), List.of(new Upload(19, 2, 0, 25L)));
        assertThat(EarlyVerdict.maxPossibleCalls(snapshot)).hasValue(BigInteger.valueOf(25));
    }

    @Test
    void maximum_should_not_be_certainly_breached_when_the_count_reaches_the_limit_only_at_the_bound()
            throws Exception {
        // 5 failed of at most 100 calls: at least 5% at the end, which "<= 5%" allows; 6 would not
        assertThat(EarlyVerdict.certainBreaches(List.of(rule("failed <= 5%")), calls(20, "failed", 5), BigInteger.valueOf(100))).isEmpty();
        assertThat(EarlyVerdict.certainBreaches(List.of(rule("failed <= 5%")), calls(20, "failed", 6), BigInteger.valueOf(100)))
                .hasSize(1);
        assertThat(EarlyVerdict.certainBreaches(List.of(rule("failed < 5%")), calls(20, "failed", 5), BigInteger.valueOf(100)))
                .hasSize(1);
    }

    @Test
    void minimum_should_not_be_certainly_breached_when_the_remaining_calls_can_just_reach_it() throws Exception {
        // 10 picked of 60 made, at most 100: at most 50 picked at the end, which ">= 50%" allows; "> 50%" does not
        assertThat(EarlyVerdict.certainBreaches(List.of(rule("picked >= 50%")), calls(60, "picked", 10), BigInteger.valueOf(100)))
                .isEmpty();
        assertThat(EarlyVerdict.certainBreaches(List.of(rule("picked >= 50%")), calls(60, "picked", 9), BigInteger.valueOf(100)))
                .hasSize(1);
        assertThat(EarlyVerdict.certainBreaches(List.of(rule("picked > 50%")), calls(60, "picked", 10), BigInteger.valueOf(100)))
                .hasSize(1);
    }

    @Test
    void breach_should_be_certain_when_every_possible_call_has_been_made() throws Exception {
        List<RuleResult> breaches = EarlyVerdict.certainBreaches(List.of(rule("failed <= 5%")),
                calls(30, "picked", 20, "failed", 10), BigInteger.valueOf(30));
        assertThat(breaches).singleElement()
                .satisfies(breach -> assertThat(breach.breachMessage())
                        .isEqualTo("failed ratio is 33.3%, but the maximum is 5%"));
    }

    @Test
    void nothing_should_be_certain_when_no_call_has_been_made() throws Exception {
        assertThat(EarlyVerdict.certainBreaches(List.of(rule("picked > 100%"), rule("failed < 0%")), calls(0), BigInteger.valueOf(100)))
                .isEmpty();
    }
}
