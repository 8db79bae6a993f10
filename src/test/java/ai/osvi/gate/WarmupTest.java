package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.StatusParser;
import ai.osvi.gate.model.CampaignStatus;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void the_warm_up_body_should_go_through_the_whole_parser_rather_than_fail_at_its_start() throws Exception {
        CampaignStatus status = StatusParser.parse(Warmup.SAMPLE);

        assertThat(status.isComplete(OptionalLong.empty())).isTrue();
        assertThat(status.calls().count("failed")).isEqualTo(1);
        assertThat(status.totalQueued()).hasValue(java.math.BigInteger.valueOf(2));
    }

    @Test
    void the_warm_up_should_neither_throw_nor_print() {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed));
        try {
            Warmup.run();
        } finally {
            System.setOut(out);
        }
        assertThat(printed.size()).isZero();
    }
}
