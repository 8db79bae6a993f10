package ai.osvi.gate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

    private static final List<String> STATUSES = List.of("picked", "not_picked", "failed");

    @Test
    void a_typo_should_find_the_status_meant() {
        assertThat(Spelling.closeTo("faild", STATUSES)).hasValue("failed");
        assertThat(Spelling.closeTo("fialed", STATUSES))
                .as("two letters swapped")
                .hasValue("failed");
        assertThat(Spelling.closeTo("Picked", STATUSES)).as("case").hasValue("picked");
        assertThat(Spelling.closeTo("notpicked", STATUSES)).hasValue("not_picked");
    }

    @Test
    void a_name_far_from_every_candidate_or_equal_to_one_should_find_nothing() {
        assertThat(Spelling.closeTo("voicemail", STATUSES)).isEmpty();
        assertThat(Spelling.closeTo("busy", STATUSES)).isEmpty();
        assertThat(Spelling.closeTo("failed", STATUSES)).as("not a typo").isEmpty();
    }

    @Test
    void the_closest_property_should_be_suggested_whatever_the_distance() {
        assertThat(Spelling.closest(
                        "osvi.maxFailRatio", List.of("osvi.maxFailureRatio", "osvi.failFast", "osvi.failureStatuses")))
                .hasValue("osvi.maxFailureRatio");
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
    }
}
