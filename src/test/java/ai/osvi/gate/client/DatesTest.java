package ai.osvi.gate.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-01T10:00:00+05:30", "2026-06-01T10:00:00Z", "2026-06-01T10:00:00-03:00",
        "2026-06-01T10:00:00.123+05:30", "2026-06-01T10:00+01:00"})
    void should_read_what_the_general_parser_reads(String text) {
        assertThat(Dates.parse(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-01 10:00:00", "2026-13-01T10:00:00Z", "2026-06-01T10:00:00+5:30", "yesterday",
        "2026-06-01T10:00:00+19:00", "2026-0a-01T10:00:00Z"})
    void should_leave_what_it_cannot_read_null(String text) {
        assertThat(Dates.parse(text)).isNull();
    }
}
