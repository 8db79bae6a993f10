package ai.osvi.gate.client;

/**
 * HttpClient 5 logs every request header and the raw wire at DEBUG, which Maven's {@code -X} turns on: the
 * {@code API-Token} header would end up in the build log. Pinning those two loggers to INFO before their first use
 * keeps it out, whatever the global log level.
 */
final class HttpClientLogging {

    private static final String[] LOGGERS = {
        "org.apache.hc.client5.http.headers",
        "org.apache.hc.client5.http.wire",
    };

    private HttpClientLogging() {
    }

    static void silenceHeaderAndWireLoggers() {
        for (String logger : LOGGERS) {
            // Maven 3's logger reads the first name; Maven 4's reads the second (and warns about the first alone).
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
            System.setProperty("maven.logger.log." + logger, "info");
        }
    }
}
