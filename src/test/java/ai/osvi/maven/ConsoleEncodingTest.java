package ai.osvi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Block characters for a console that shows them, ASCII for one that would print question marks. */
class ConsoleEncodingTest {

    @Test
    void the_encoding_of_standard_output_should_decide_first() {
        assertThat(ConsoleEncoding.showsBlocks("UTF-8", null, StandardCharsets.US_ASCII))
                .isTrue();
        assertThat(ConsoleEncoding.showsBlocks("ANSI_X3.4-1968", null, StandardCharsets.UTF_8))
                .isFalse();
        assertThat(ConsoleEncoding.showsBlocks("ISO-8859-1", "UTF-8", StandardCharsets.UTF_8))
                .isFalse();
    }

    @Test
    void a_windows_console_of_an_older_jdk_should_decide_next_then_the_default_charset() {
        assertThat(ConsoleEncoding.showsBlocks(null, "cp1252", StandardCharsets.UTF_8))
                .isFalse();
        assertThat(ConsoleEncoding.showsBlocks("", "UTF-8", StandardCharsets.US_ASCII))
                .isTrue();
        assertThat(ConsoleEncoding.showsBlocks(null, null, StandardCharsets.UTF_8))
                .isTrue();
        assertThat(ConsoleEncoding.showsBlocks(null, null, StandardCharsets.ISO_8859_1))
                .isFalse();
    }

    @Test
    void an_encoding_the_jvm_does_not_know_should_get_ascii() {
        assertThat(ConsoleEncoding.showsBlocks("x-no-such-charset", null, StandardCharsets.UTF_8))
                .isFalse();
        assertThat(ConsoleEncoding.showsBlocks("not a name!", null, StandardCharsets.UTF_8))
                .isFalse();
        if (Charset.isSupported("IBM437")) {
            // the old DOS code page has the full block but not the eighths
            assertThat(ConsoleEncoding.showsBlocks("IBM437", null, StandardCharsets.UTF_8))
                    .isFalse();
        }
    }
}
