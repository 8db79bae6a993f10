package ai.osvi.gate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.log.InvisibleCharacters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What could be a rule's status without being it, as the API's keys are kept (invisible characters escaped). */
class LookalikesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "failed\r",
                "failed\t",
                "fai\u200bled",
                "\ufefffailed",
                "fail\u00aded",
                "failed\u00a0",
                "\uff46\uff41\uff49\uff4c\uff45\uff44",
                "f\u0430iled",
                "FAILED",
                "Failed",
                "fa_iled",
                "failed.",
                "f\u0430\u0456l\u0435d",
                "failed\u202e",
                "\u03b1failed"
            })
    void a_key_that_differs_only_by_what_cannot_be_seen_or_by_look_alikes_should_be_failed(String key) {
        String kept = InvisibleCharacters.escaped(key);
        assertThat(Lookalikes.couldBe(kept, "failed", false)).as("%s", kept).isTrue();
        assertThat(Lookalikes.couldBe(kept, "failed", true))
                .as("%s beside failed", kept)
                .isEqualTo(!key.equals("\u03b1failed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"faild", "fialed", "failes"})
    void a_typo_should_be_failed_only_when_failed_itself_was_not_reported(String key) {
        assertThat(Lookalikes.couldBe(key, "failed", false)).isTrue();
        assertThat(Lookalikes.couldBe(key, "failed", true)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"failed", "picked", "not_picked", "voicemail", "busy", "called", "fail", "failed_retry"})
    void a_distinct_status_should_not_be_failed(String key) {
        assertThat(Lookalikes.couldBe(key, "failed", false)).as(key).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-picked", "NOT_PICKED", "Not Picked", "not.picked", "notpicked", "not_pickd"})
    void separators_case_and_a_typo_should_be_not_picked(String key) {
        assertThat(Lookalikes.couldBe(key, "not_picked", false)).as(key).isTrue();
        assertThat(Lookalikes.couldBe("picked", "not_picked", false)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"failed\\u200b", "failed\\\\"})
    void a_key_that_spells_an_escape_should_be_kept_apart_from_the_character_it_spells(String literal) {
        // the API sent a backslash and letters, not the invisible character
        String kept = InvisibleCharacters.escaped(literal);
        assertThat(kept).isNotEqualTo(InvisibleCharacters.escaped("failed\u200b"));
        assertThat(InvisibleCharacters.unescaped(kept)).isEqualTo(literal);
    }

    @Test
    void a_four_letter_status_should_allow_one_edit_and_an_eight_letter_status_two() {
        assertThat(Lookalikes.couldBe("bsy", "busy", false)).isTrue();
        assertThat(Lookalikes.couldBe("bs", "busy", false)).isFalse();
        assertThat(Lookalikes.couldBe("answred", "answered", false)).isTrue();
        assertThat(Lookalikes.couldBe("answrd", "answered", false)).isTrue();
        assertThat(Lookalikes.couldBe("anwrd", "answered", false)).isFalse();
        assertThat(Lookalikes.couldBe("nos", "now", false)).isFalse();
    }

    @Test
    void the_distance_from_nothing_should_be_the_length() {
        assertThat(Lookalikes.distance("", "failed")).isEqualTo(6);
        assertThat(Lookalikes.distance("failed", "")).isEqualTo(6);
        assertThat(Lookalikes.distance("fialed", "failed")).isEqualTo(1);
    }
}
