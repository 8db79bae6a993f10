package ai.osvi.gate.client;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.NoResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * HttpClient's connections, except that they never hand a header ({@code API-Token}, {@code Proxy-Authorization})
 * or the bytes on the wire to a logger, whatever the logging backend and its level.
 *
 * <p>HttpClient 5.6's {@link DefaultManagedHttpClientConnection} logs every request and response header to
 * {@code org.apache.hc.client5.http.headers} ({@code onRequestSubmitted}, {@code onResponseReceived}) and, when it
 * binds a socket, wraps it to copy the wire to {@code org.apache.hc.client5.http.wire} ({@code bind}): at DEBUG,
 * which Maven's {@code -X} turns on for every logger, on Maven's own logger as on logback or log4j. Those four
 * methods are the only places where the classic (blocking) client touches these two loggers; here they do the same
 * without logging. Everything else, the exec chain's own DEBUG lines included, is unchanged.
 * {@code HttpLoggingNeverShowsTokenTest} checks the result under logback at TRACE: an HttpClient upgrade that logs
 * headers somewhere else makes it fail.
 */
final class NonLoggingConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private final AtomicLong count = new AtomicLong();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        NonLoggingConnection connection = new NonLoggingConnection("http-outgoing-" + count.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    private static final class NonLoggingConnection extends DefaultManagedHttpClientConnection {

        NonLoggingConnection(String id) {
            // what ManagedHttpClientConnectionFactory.INSTANCE passes: HttpClient's defaults
            super(
                    id,
                    null,
                    null,
                    Http1Config.DEFAULT,
                    DefaultContentLengthStrategy.INSTANCE,
                    DefaultContentLengthStrategy.INSTANCE,
                    NoResponseOutOfOrderStrategy.INSTANCE,
                    new DefaultHttpRequestWriterFactory(Http1Config.DEFAULT),
                    new DefaultHttpResponseParserFactory(Http1Config.DEFAULT));
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            // nothing logged: the request's headers hold the token
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            // nothing logged
        }
    }
}
