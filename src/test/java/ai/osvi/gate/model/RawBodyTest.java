package ai.osvi.gate.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawBodyTest {

    @Test
    void body_should_describe_itself_by_its_size_never_its_content_when_printed() {
        // a snapshot record printed in a debug line must not quote what the API sent (it may echo the token)
        RawBody body = RawBody.wrap("{\"token\":\"abcd1234abcd1234\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(body).hasToString("RawBody[28 bytes]");
    }
}
