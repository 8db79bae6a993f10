package ai.osvi.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small forward HTTP proxy on 127.0.0.1 for tests: absolute-form requests and CONNECT tunnels, optional Basic
 * proxy authentication, and a record of what it was asked. It only ever connects to loopback addresses; names under
 * the reserved {@code .test} domain stand for 127.0.0.1 (the JVM never proxies a literal loopback address).
 */
public final class ForwardProxy implements AutoCloseable {

    /** What the proxy saw of one request. */
    public record Seen(String method, String target, boolean authorized) {}

    private final ServerSocket server;
    private final String expectedAuthorization;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Integer> upstreamPorts = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private ForwardProxy(String username, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expectedAuthorization = username == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        Thread acceptor = new Thread(this::accept, "forward-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy that asks for Basic authentication with these credentials, or none when {@code username} is null. */
    public static ForwardProxy start(String username, String password) throws IOException {
        return new ForwardProxy(username, password);
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /**
     * The local ports of the connections the proxy opened to targets, only ever for authorized requests: a server
     * that sees a request come from one of them got it through this proxy.
     */
    public List<Integer> upstreamPorts() {
        return List.copyOf(upstreamPorts);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread handler = new Thread(() -> handle(client), "forward-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.get(0).split(" ");
            String authorization = header(head, "Proxy-Authorization");
            boolean authorized = expectedAuthorization == null || expectedAuthorization.equals(authorization);
            seen.add(new Seen(requestLine[0], requestLine[1], authorized));
            if (!authorized) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                                + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            if (requestLine[0].equals("CONNECT")) {
                String[] hostPort = requestLine[1].split(":");
                try (Socket upstream = connectLoopback(hostPort[0], Integer.parseInt(hostPort[1]))) {
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    pipeBothWays(client, upstream);
                }
                return;
            }
            URI target = URI.create(requestLine[1]);
            try (Socket upstream = connectLoopback(target.getHost(), target.getPort())) {
                StringBuilder forwarded = new StringBuilder(requestLine[0] + " " + target.getRawPath()
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\n");
                for (String line : head.subList(1, head.size())) {
                    String name =
                            line.substring(0, Math.max(0, line.indexOf(':'))).trim();
                    if (!name.regionMatches(true, 0, "Proxy-", 0, 6) && !name.equalsIgnoreCase("Connection")) {
                        forwarded.append(line).append("\r\n");
                    }
                }
                forwarded.append("Connection: close\r\n\r\n");
                upstream.getOutputStream().write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
                upstream.getOutputStream().flush();
                upstream.getInputStream().transferTo(out);
                out.flush();
            }
        } catch (IOException e) {
            // a client or upstream hung up: nothing to do in a test proxy
        } finally {
            open.remove(client);
        }
    }

    private Socket connectLoopback(String host, int port) throws IOException {
        InetAddress address = host.endsWith(".test") ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
        if (!address.isLoopbackAddress()) {
            throw new IOException("the test proxy only connects to loopback, not " + host);
        }
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(address, port), 2000);
        upstreamPorts.add(socket.getLocalPort());
        return socket;
    }

    private static void pipeBothWays(Socket a, Socket b) throws IOException {
        Thread upstream = new Thread(
                () -> {
                    try {
                        a.getInputStream().transferTo(b.getOutputStream());
                        b.shutdownOutput();
                    } catch (IOException e) {
                        // closed
                    }
                },
                "forward-proxy-tunnel");
        upstream.setDaemon(true);
        upstream.start();
        b.getInputStream().transferTo(a.getOutputStream());
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(c);
            }
        }
        return lines;
    }

    private static String header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
