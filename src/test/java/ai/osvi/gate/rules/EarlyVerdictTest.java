package ai.osvi.gate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyVerdictTest {

    private static CampaignStatus snapshot(Boolean retryEnabled, Integer retryThreshold, Long... queued) {
        // one upload whose queues have these total_queued (null: a queue that does not say), none completed
        Long sum = 0L;
        for (Long q : queued) {
            sum = sum == null || q == null ? null : sum + q;
        }
        return new CampaignStatus(new Campaign(7L, "c", "active", retryEnabled, retryThreshold, 60),
                new CallCounts(0, Map.of()), List.of(new Upload(1, queued.length, 0, sum)));
    }

    @Test
    void the_bound_should_count_retries_and_refuse_to_guess() {
        assertThat(EarlyVerdict.maxPossibleCalls(snapshot(false, null, 10L, 20L))).hasValue(BigInteger.valueOf(30));
        assertThat(EarlyVerdict.maxPossibleCalls(snapshot(true, 2, 10L, 20L))).hasValue(BigInteger.valueOf(90));
        assertThat(EarlyVerdict.maxPossibleCalls(snapshot(true, null, 10L))).isEmpty();
        assertThat(EarlyVerdict.maxPossibleCalls(snapshot(null, null, 10L))).isEmpty();
        assertThat(EarlyVerdict.maxPossibleCalls(snapshot(null, 1, 10L))).hasValue(BigInteger.valueOf(20));
        assertThat(EarlyVerdict.maxPossibleCalls(snapshot(false, null, 10L, null))).isEmpty();
        assertThat(EarlyVerdict.maxPossibleCalls(snapshot(false, null))).isEmpty();
    }

    @Test
    void a_breach_is_certain_only_when_no_remaining_calls_can_undo_it() throws Exception {
        Rule max = ai.osvi.gate.config.Values.rule("thresholds", "failed <= 10%");
        Rule min = ai.osvi.gate.config.Values.rule("thresholds", "picked >= 50%");
        CallCounts calls = new CallCounts(20, Map.of("failed", 10L, "picked", 10L));
        // at most 100 calls: failed ends at least at 10%, which holds; picked can reach 90%
        assertThat(EarlyVerdict.certainBreaches(List.of(max, min), calls, BigInteger.valueOf(100))).isEmpty();
        // at most 90 calls: failed ends at least at 11.1%
        assertThat(EarlyVerdict.certainBreaches(List.of(max), calls, BigInteger.valueOf(90))).hasSize(1);
        // 80 made of at most 90, 10 picked: picked ends at most at 20 / 90
        CallCounts late = new CallCounts(80, Map.of("failed", 70L, "picked", 10L));
        assertThat(EarlyVerdict.certainBreaches(List.of(min), late, BigInteger.valueOf(90))).hasSize(1);
        // counts beyond the bound: the assumption does not hold, so nothing is certain
        assertThat(EarlyVerdict.certainBreaches(List.of(max), late, BigInteger.valueOf(60))).isEmpty();
    }

    @Test
    void bounds_beyond_a_long_should_be_exact_rather_than_overflow() throws Exception {
        long huge = Long.MAX_VALUE;
        // two uploads of Long.MAX_VALUE queued calls, two retries: a bound of 6 * Long.MAX_VALUE, no overflow
        CampaignStatus twoHugeUploads = new CampaignStatus(new Campaign(7L, "c", "active", true, 2, 60),
                new CallCounts(0, Map.of()), List.of(new Upload(1, 1, 0, huge), new Upload(2, 1, 0, huge)));
        assertThat(EarlyVerdict.maxPossibleCalls(twoHugeUploads))
                .hasValue(BigInteger.valueOf(huge).multiply(BigInteger.valueOf(6)));
        Rule max = ai.osvi.gate.config.Values.rule("thresholds", "failed <= 10%");
        CallCounts calls = new CallCounts(huge, Map.of("failed", huge));
        assertThat(EarlyVerdict.certainBreaches(List.of(max), calls,
                BigInteger.valueOf(huge).multiply(BigInteger.valueOf(6)))).hasSize(1);
    }
}
