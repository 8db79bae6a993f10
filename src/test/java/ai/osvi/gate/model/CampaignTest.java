package ai.osvi.gate.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a campaign's {@code created_at} is read, and why it could not be, in the words a message quotes. */
class CampaignTest {

    @Test
    void a_date_time_with_an_offset_should_be_read_in_either_form_rfc_3339_allows() {
        assertThat(Campaign.dateTime("2026-06-01T10:00:00+05:30")).isNotNull();
        assertThat(Campaign.dateTime("2026-06-01 04:30:00Z")).isEqualTo(Campaign.dateTime("2026-06-01T04:30:00Z"));
        assertThat(Campaign.dateTimeProblem("2026-06-01T10:00:00+05:30")).isEqualTo("none");
    }

    @Test
    void what_is_not_a_date_time_with_an_offset_should_be_named_for_what_it_is() {
        assertThat(Campaign.dateTimeProblem(null)).isEqualTo("absent");
        assertThat(Campaign.dateTimeProblem("2026-06-01T10:00:00"))
                .isEqualTo("a date-time without a UTC offset, whose instant is unknown");
        assertThat(Campaign.dateTimeProblem("2026-06-01 10:00:00"))
                .isEqualTo("a date-time without a UTC offset, whose instant is unknown");
        assertThat(Campaign.dateTimeProblem("June 1st")).isEqualTo("not an RFC 3339 date-time");
        assertThat(Campaign.dateTime("June 1st")).isNull();
    }
}
