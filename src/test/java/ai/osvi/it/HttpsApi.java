package ai.osvi.it;

import ai.osvi.gate.simulator.Scenario;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS stand-in for the OSVI API on 127.0.0.1, for tests that need a TLS target: a certificate made for the test
 * with keytool ({@code CN=127.0.0.1}, SAN {@code ip:127.0.0.1}), a trust store that vouches for it (to hand to a
 * JVM with {@code -Djavax.net.ssl.trustStore}, the way a corporate CA is given to Maven), and
 * {@code GET /v1/campaigns/{id}/status} answered with the last, completed snapshot of a {@link Scenario}.
 */
public final class HttpsApi implements AutoCloseable {

    public static final String TRUST_STORE_PASSWORD = "changeit";

    private static final String KEY_STORE_PASSWORD = "changeit";

    /**
     * What the server saw of one request; never the token itself.
     *
     * @param clientPort the port of the connection the request came on, to match it with the proxy that opened it
     */
    public record Request(String path, int clientPort, boolean authorized) {}

    private final HttpsServer server;
    private final ExecutorService executor;
    private final Path trustStore;
    private final Scenario scenario;
    private final byte[] token;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private HttpsApi(HttpsServer server, ExecutorService executor, Path trustStore, Scenario scenario, String token) {
        this.server = server;
        this.executor = executor;
        this.trustStore = trustStore;
        this.scenario = scenario;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Makes a key pair and a trust store in {@code dir} ({@code server.p12}, {@code truststore.p12}) and starts the
     * server on a free loopback port.
     */
    public static HttpsApi start(Path dir, Scenario scenario, String token)
            throws IOException, GeneralSecurityException, InterruptedException {
        Files.createDirectories(dir);
        Path keyStoreFile = dir.resolve("server.p12");
        Files.deleteIfExists(keyStoreFile);
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "san=ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStoreFile.toString(),
                        "-storepass",
                        KEY_STORE_PASSWORD,
                        "-keypass",
                        KEY_STORE_PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            keyStore.load(in, KEY_STORE_PASSWORD.toCharArray());
        }

        Path trustStore = dir.resolve("truststore.p12");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("osvi-test-api", keyStore.getCertificate("server"));
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trusted.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }

        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, KEY_STORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "https-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        HttpsApi api = new HttpsApi(server, executor, trustStore, scenario, token);
        server.createContext("/", api::handle);
        server.start();
        return api;
    }

    public URI baseUrl() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** A PKCS12 trust store holding only this server's certificate; its password is {@link #TRUST_STORE_PASSWORD}. */
    public Path trustStore() {
        return trustStore;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String presented = exchange.getRequestHeaders().getFirst("API-Token");
            boolean authorized =
                    presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
            requests.add(new Request(path, exchange.getRemoteAddress().getPort(), authorized));
            if (!authorized) {
                send(exchange, 401, "{\"success\":false,\"error\":\"Invalid API token\"}");
            } else if (!path.equals("/v1/campaigns/" + scenario.campaignId() + "/status")) {
                send(exchange, 404, "{\"success\":false,\"error\":\"Campaign not found\",\"details\":null}");
            } else {
                Scenario.Step completed = scenario.steps().get(scenario.steps().size() - 1);
                send(exchange, completed.status(), completed.body());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
