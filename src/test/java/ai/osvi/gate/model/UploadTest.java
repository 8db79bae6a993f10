package ai.osvi.gate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UploadTest {

    @Test
    void counts_that_cannot_be_should_be_refused() {
        assertThatThrownBy(() -> new Upload(1, -1, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Upload(1, 2, 3, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Upload(1, 2, -1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Upload(1, 2, 1, -5L)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Upload(1, 0, 0, 0L).allCompleted()).isTrue();
        assertThat(new Upload(1, 2, 1, null).allCompleted()).isFalse();
    }

    @Test
    void a_sum_of_total_queued_beyond_a_long_should_be_exact() {
        CampaignStatus status = new CampaignStatus(
                new Campaign(7L, null, "active", null, null, null),
                new CallCounts(0, Map.of()),
                List.of(new Upload(1, 1, 0, Long.MAX_VALUE), new Upload(2, 1, 0, 1L)));
        assertThat(status.totalQueued())
                .hasValue(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
        assertThat(status.data()).isNull();
        assertThat(status.awaitedQueues(OptionalLong.empty())).isEqualTo(2);
    }
}
