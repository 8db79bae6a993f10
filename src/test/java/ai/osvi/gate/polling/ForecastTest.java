package ai.osvi.gate.polling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.Snapshots;
import ai.osvi.gate.model.CampaignStatus;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The time left that the wait's lines give: only from a pace steady enough to say it. */
class ForecastTest {

    /** 2^30 ns, so that paces in calls per nanosecond are exact binary fractions and 1.25 times them too. */
    private static final long SPAN = 1L << 30;

    /** {@code calls} made of 1000 queued (100 queues of 10), none completed. */
    private static CampaignStatus made(long calls) {
        return Snapshots.active()
                .queues(19, new boolean[100])
                .calls("picked", calls)
                .build();
    }

    private static OptionalLong expected(long... callsAtEachSpan) {
        Forecast forecast = new Forecast();
        for (int i = 0; i < callsAtEachSpan.length; i++) {
            forecast.add(made(callsAtEachSpan[i]), i * SPAN);
        }
        return forecast.expected();
    }

    @Test
    void a_steady_pace_from_no_call_at_all_should_give_the_time_left() {
        // 10 calls a span, 980 to go: 98 spans
        assertThat(expected(0, 10, 20)).hasValue(98 * SPAN);
    }

    @Test
    void a_pace_exactly_the_steady_factor_faster_or_slower_should_still_give_the_time_left() {
        // 16 then 20 calls a span: 1.25 times faster; 964 to go at 20 a span
        assertThat(expected(0, 16, 36)).hasValue(964 * SPAN / 20);
        // 20 then 16 calls a span: 1.25 times slower; 964 to go at 16 a span
        assertThat(expected(0, 20, 36)).hasValue(964 * SPAN / 16);
    }

    @Test
    void a_pace_more_than_the_steady_factor_apart_should_give_none() {
        assertThat(expected(0, 16, 37)).isEmpty();
        assertThat(expected(0, 21, 37)).isEmpty();
    }
}
