package ai.osvi.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile API on 127.0.0.1 for the redaction tests: it echoes the token it receives wherever an answer can carry
 * text. Campaign 7 alternates, from its first request on, a 200 that never completes (the token in the campaign name, in a {@code by_status} key,
 * plain and JSON-escaped) with a 500 whose error text holds it; campaign 8 redirects to a {@code Location} that
 * holds it. Campaign 9 answers a 200 whose {@code by_status} has the token twice as a name, once written with a JSON
 * escape (a duplicate name, refused with the name quoted); campaign 10 redirects to a {@code Location} that holds the
 * token percent-encoded; campaign 11 answers a 200 in UTF-16LE whose campaign name is a bare (unquoted) value ending
 * in the token, where the JSON parser's excerpt of a bad value would stop a few characters into it.
 */
public final class EchoingApi implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger campaign7 = new AtomicInteger();

    private EchoingApi(HttpServer server) {
        this.server = server;
    }

    public static EchoingApi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        EchoingApi api = new EchoingApi(server);
        server.createContext("/", exchange -> {
            api.requests.incrementAndGet();
            String token = String.valueOf(exchange.getRequestHeaders().getFirst("API-Token"));
            String path = exchange.getRequestURI().getPath();
            int status;
            String body;
            String escaped = "\\u" + String.format("%04x", (int) token.charAt(0)) + token.substring(1);
            Charset charset = StandardCharsets.UTF_8;
            if (path.endsWith("/campaigns/11/status")) {
                status = 200;
                charset = StandardCharsets.UTF_16LE;
                body = "{\"success\": true, \"data\": {\"campaign\": {\"id\": 11, \"name\": " + "x".repeat(246) + token
                        + "}, \"calls\": {\"total\": 0, \"by_status\": {}}, \"uploads\": []}}";
            } else if (path.endsWith("/campaigns/9/status")) {
                status = 200;
                body = "{\"success\": true, \"data\": {"
                        + "\"campaign\": {\"id\": 9, \"name\": \"Echo\", \"status\": \"active\"},"
                        + "\"calls\": {\"total\": 10, \"by_status\": {\"" + escaped + "\": 4, \"" + token
                        + "\": 6}}, \"uploads\": []}}";
            } else if (path.endsWith("/campaigns/10/status")) {
                status = 302;
                body = "";
                StringBuilder encoded = new StringBuilder();
                token.chars().forEach(c -> encoded.append(String.format("%%%02X", c)));
                exchange.getResponseHeaders().set("Location", "https://moved.example/" + encoded + "/status");
            } else if (path.endsWith("/campaigns/8/status")) {
                status = 302;
                body = "";
                exchange.getResponseHeaders().set("Location", "https://moved.example/" + token + "/status");
            } else if (api.campaign7.incrementAndGet() % 2 == 0) {
                status = 500;
                body = "{\"success\": false, \"error\": \"upstream rejected " + token + "\"}";
            } else {
                status = 200;
                body = "{\"success\": true, \"data\": {"
                        + "\"campaign\": {\"id\": 7, \"name\": \"Echo " + token + "\", \"status\": \"active\"},"
                        + "\"calls\": {\"total\": 10, \"by_status\": {\"" + token + "\": 4, \"x" + escaped + "\": 1,"
                        + " \"picked\": 5}},"
                        + "\"uploads\": [{\"campaign_upload_id\": 19, \"file_name\": \"" + escaped + ".csv\","
                        + " \"queues\": [{\"total_queued\": 10, \"completed\": false}]}]}}";
            }
            byte[] bytes = body.getBytes(charset);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        server.start();
        return api;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
