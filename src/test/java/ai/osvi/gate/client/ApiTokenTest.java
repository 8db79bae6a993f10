package ai.osvi.gate.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One redaction for everything that leaves the plugin: the token as it is, and as text on its way may encode it. */
class ApiTokenTest {

    private final ApiToken token = new ApiToken("abc/Tok3n", "test");

    @Test
    void the_token_as_it_is_should_be_redacted() {
        assertThat(token.redact("echo abc/Tok3n!")).isEqualTo("echo ****!");
    }

    @Test
    void the_token_written_with_json_escapes_should_be_redacted_in_any_mix() {
        assertThat(token.redact("key \\u0061bc/Tok3n twice")).isEqualTo("key **** twice");
        assertThat(token.redact("\\u0061\\u0062\\u0063\\u002F\\u0054\\u006f\\u006B\\u0033\\u006e"))
                .isEqualTo("****");
        assertThat(token.redact("abc\\/Tok3n")).isEqualTo("****");
    }

    @Test
    void the_token_percent_encoded_should_be_redacted() {
        assertThat(token.redact("https://moved.example/%61%62%63%2fTok3n/status"))
                .isEqualTo("https://moved.example/****/status");
        assertThat(token.redact("%61%62%63%2F%54%6F%6B%33%6E")).isEqualTo("****");
    }

    @Test
    void text_that_only_resembles_the_token_should_stay() {
        assertThat(token.redact("abc/Tok3")).isEqualTo("abc/Tok3");
        assertThat(token.redact("\\u0061bc/Tok4n")).isEqualTo("\\u0061bc/Tok4n");
        assertThat(token.redact(null)).isNull();
    }
}
