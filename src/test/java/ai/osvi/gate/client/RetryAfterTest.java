package ai.osvi.gate.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void should_read_seconds_and_http_dates() {
        assertThat(RetryAfter.parse("120", clock)).hasValue(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 12:01:30 GMT", clock)).hasValue(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Sat, 28 Nov 2026 11:00:00 GMT", clock)).hasValue(Duration.ZERO);
    }

    @Test
    void should_read_the_obsolete_rfc_850_date() {
        assertThat(RetryAfter.parse("Saturday, 28-Nov-26 12:01:30 GMT", clock)).hasValue(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", clock))
                .as("1994, not 2094")
                .hasValue(Duration.ZERO);
        // a two-digit year more than 50 years ahead is the same year of the century before; 50 years exactly is not
        assertThat(RetryAfter.parse("Saturday, 28-Nov-76 12:00:00 GMT", clock))
                .hasValue(Duration.between(clock.instant(), Instant.parse("2076-11-28T12:00:00Z")));
        assertThat(RetryAfter.parse("Saturday, 28-Nov-76 12:00:01 GMT", clock))
                .as("1976")
                .hasValue(Duration.ZERO);
        assertThat(RetryAfter.parse("Saturday, 31-Nov-26 12:01:30 GMT", clock))
                .as("no such day")
                .isEmpty();
    }

    @Test
    void should_read_the_asctime_date() {
        assertThat(RetryAfter.parse("Sat Nov 28 12:01:30 2026", clock)).hasValue(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Tue Dec  1 12:00:00 2026", clock)).hasValue(Duration.ofDays(3));
        assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", clock)).hasValue(Duration.ZERO);
        assertThat(RetryAfter.parse("Sat Nov 28 25:00:00 2026", clock))
                .as("no such hour")
                .isEmpty();
    }

    @Test
    void should_ignore_what_it_cannot_read() {
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
    }
}
