package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.ApiToken;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.report.Contexts;
import ai.osvi.gate.result.Verdict;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A body in any encoding JSON allows (UTF-16 or UTF-32, either byte order, with or without a byte-order mark) that
 * echoes the token, where the parser can only quote it cut short: no part of the token reaches the log or any report.
 */
class TokenInAnyEncodingTest {

    private static final String TOKEN = "zqTok3nV4lue9xyW";
    /** Long enough that the parser's excerpt of the bad value ends a few characters into the token. */
    private static final String PADDING = "x".repeat(246);

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    static Stream<Arguments> bodies() {
        String inName = "{\"success\": true, \"data\": {\"campaign\": {\"id\": 7, \"name\": " + PADDING + TOKEN
                + "}, \"calls\": {\"total\": 0, \"by_status\": {}}, \"uploads\": []}}";
        String inError = "{\"success\": false, \"error\": " + PADDING + TOKEN + "}";
        byte[] none = {};
        byte[] utf16le = {(byte) 0xff, (byte) 0xfe};
        byte[] utf16be = {(byte) 0xfe, (byte) 0xff};
        byte[] utf32le = {(byte) 0xff, (byte) 0xfe, 0, 0};
        byte[] utf32be = {0, 0, (byte) 0xfe, (byte) 0xff};
        // one byte that UTF-8 forbids in the middle of the token: only what a parser decodes before it is the token's
        byte[] malformed = inError.replace(TOKEN, TOKEN.substring(0, 12) + "\u0000" + TOKEN.substring(12))
                .getBytes(StandardCharsets.UTF_8);
        malformed[inError.indexOf(TOKEN) + 12] = (byte) 0xff;
        return Stream.of(
                Arguments.of("UTF-16LE, name", encoded(none, inName, "UTF-16LE")),
                Arguments.of("UTF-16LE, error", encoded(none, inError, "UTF-16LE")),
                Arguments.of("UTF-16BE, name", encoded(none, inName, "UTF-16BE")),
                Arguments.of("UTF-16BE, error", encoded(none, inError, "UTF-16BE")),
                Arguments.of("UTF-16LE with its byte-order mark, name", encoded(utf16le, inName, "UTF-16LE")),
                Arguments.of("UTF-16BE with its byte-order mark, error", encoded(utf16be, inError, "UTF-16BE")),
                Arguments.of("UTF-32BE, name", encoded(none, inName, "UTF-32BE")),
                Arguments.of("UTF-32LE, error", encoded(none, inError, "UTF-32LE")),
                Arguments.of("UTF-32LE with its byte-order mark, name", encoded(utf32le, inName, "UTF-32LE")),
                Arguments.of("UTF-32BE with its byte-order mark, error", encoded(utf32be, inError, "UTF-32BE")),
                Arguments.of("UTF-8 with a malformed byte, error", malformed));
    }

    private static byte[] encoded(byte[] byteOrderMark, String body, String charset) {
        byte[] encoded = body.getBytes(Charset.forName(charset));
        byte[] bytes = new byte[byteOrderMark.length + encoded.length];
        System.arraycopy(byteOrderMark, 0, bytes, 0, byteOrderMark.length);
        System.arraycopy(encoded, 0, bytes, byteOrderMark.length, encoded.length);
        return bytes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void no_part_of_the_token_should_reach_the_log_or_a_report(String encoding, byte[] bytes) throws Exception {
        HttpServer server = serve(bytes);
        try {
            TestConfig config = new TestConfig();
            config.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
            config.allowInsecureHttp = "true";
            config.maxConsecutiveErrors = "1";
            List<GateConfig> campaigns = GateConfig.parseAll(config.raw());

            var result = GateRun.againstApi(
                    campaigns,
                    new ApiToken(TOKEN, "environment variable OSVI_API_TOKEN"),
                    null,
                    new AbortSignal(),
                    Contexts.of(dir, dir.resolve("summary.md"), dir.resolve("github-output"), Clock.systemUTC(), log),
                    Clock.systemUTC());

            assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        } finally {
            server.stop(0);
        }
        String prefix = TOKEN.substring(0, 4);
        assertThat(log.text()).doesNotContain(prefix);
        assertThat(dir.resolve("campaign-7.json")).content().contains("unexpected response");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile))
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(Files.readString(file))
                            .as(file.getFileName().toString())
                            .doesNotContain(prefix));
        }
    }

    private static HttpServer serve(byte[] body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
