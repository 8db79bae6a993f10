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
        assertThat(token.redact("abc/T")).isEqualTo("abc/T");
        assertThat(token.redact("\\u0061bX/Tok4n")).isEqualTo("\\u0061bX/Tok4n");
        assertThat(token.redact(null)).isNull();
    }

    @Test
    void half_the_token_or_more_should_be_redacted_in_any_case_and_with_any_separator() {
        ApiToken osvi = new ApiToken("tok_SECRET1234567", "environment variable OSVI_API_TOKEN");

        assertThat(osvi.redact("Invalid API token 'tok_SECR...' (tok_SECRET12***)"))
                .isEqualTo("Invalid API token '****...' (*******)");
        assertThat(osvi.redact("bad token TOK_SECRET1234567 / tok-SECRET1234567 / tok_SECRET123456"))
                .isEqualTo("bad token **** / **** / ****");
        assertThat(osvi.redact("...ECRET1234567")).isEqualTo("...****");
        // fewer than half of its characters, or characters of it out of order, give nothing away
        assertThat(osvi.redact("tok_SEC and 7654321TERCES_kot")).isEqualTo("tok_SEC and 7654321TERCES_kot");
    }

    @Test
    void the_token_escaped_for_json_xml_or_markdown_should_be_redacted_in_any_case_and_in_part() {
        ApiToken osvi = new ApiToken("tok_SECRET_abc123", "environment variable OSVI_API_TOKEN");

        // escaped as a Markdown or JSON writer escapes it, in another case: the whole of it
        assertThat(osvi.redact("| `TOK\\_SECRET\\_ABC123` | 1 |")).isEqualTo("| `****` | 1 |");
        // character references, escaped again, and percent-encoding, mixed
        assertThat(osvi.redact("<t v=\"tok&#95;SECRET&amp;#x5F;abc%31%32%33\"/>"))
                .isEqualTo("<t v=\"****\"/>");
        // most of it, escaped: still redacted
        assertThat(osvi.redact("rejected tok\\u005fSECRET\\u005fabc;")).isEqualTo("rejected ****;");
        // a token of short segments, written with escaped separators
        ApiToken segments = new ApiToken("tok-a.b_c-d.e_f-g", "environment variable OSVI_API_TOKEN");
        assertThat(segments.redact("`tok\\-a\\.b\\_c\\-d\\.e\\_f` and tok-a")).isEqualTo("`****` and tok-a");
        // named references, percent-encoding done twice, invisible and fullwidth characters, spaces for separators
        assertThat(osvi.redact("tok&lowbar;SECRET&lowbar;abc123")).isEqualTo("****");
        assertThat(osvi.redact("?t=tok%255FSECRET%255Fabc123")).isEqualTo("?t=****");
        assertThat(osvi.redact("tok_SEC\u200bRET_ab\u200bc123")).isEqualTo("****");
        assertThat(osvi.redact("\uff54\uff4f\uff4b_SECRET_abc123")).isEqualTo("****");
        assertThat(segments.redact("tok a b c d e f g")).isEqualTo("****");
        // escapes of other text are left as they are
        assertThat(osvi.redact("a \\_ b &amp; c %41 \\u0041")).isEqualTo("a \\_ b &amp; c %41 \\u0041");
    }
}
