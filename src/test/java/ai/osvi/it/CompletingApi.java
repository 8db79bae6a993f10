package ai.osvi.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API on 127.0.0.1 whose campaign 7 completes between two checks: the first request finds one of two queues
 * done (50 of 100 calls), every later one finds both done (100 calls, 3 failed). It answers only {@code token}.
 */
public final class CompletingApi implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private CompletingApi(HttpServer server) {
        this.server = server;
    }

    public static CompletingApi start(String token) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CompletingApi api = new CompletingApi(server);
        server.createContext("/", exchange -> {
            boolean first = api.requests.incrementAndGet() == 1;
            int status;
            String body;
            if (!token.equals(exchange.getRequestHeaders().getFirst("API-Token"))) {
                status = 401;
                body = "{\"detail\": \"Invalid or missing API token\"}";
            } else {
                status = 200;
                body = "{\"success\": true, \"data\": {"
                        + "\"campaign\": {\"id\": 7, \"name\": \"Long campaign\", \"status\": \"active\","
                        + " \"is_retry_enabled\": false, \"retry_threshold\": null, \"retry_delay\": null,"
                        + " \"created_at\": \"2026-06-01T10:00:00+05:30\"},"
                        + "\"calls\": {\"total\": " + (first ? 50 : 100) + ", \"by_status\": {\"picked\": "
                        + (first ? 49 : 97) + ", \"failed\": " + (first ? 1 : 3) + "}},"
                        + "\"uploads\": [{\"campaign_upload_id\": 19, \"queues\": ["
                        + "{\"agent_uuid\": \"a\", \"total_queued\": 50, \"completed\": true},"
                        + "{\"agent_uuid\": \"b\", \"total_queued\": 50, \"completed\": " + !first + "}]}]}}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
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
