package ai.osvi.gate.client;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Under logback: runs in the surefire execution {@code http-logging-under-logback}. */
class HttpLoggingNeverShowsTokenTest extends HttpLoggingNeverShowsToken {

    private LoggerContext logback;

    @Override
    void logEverythingAtTraceIntoABuffer() {
        assumeTrue(
                LoggerFactory.getILoggerFactory() instanceof LoggerContext,
                "needs logback as the SLF4J provider: runs in the surefire execution http-logging-under-logback");
        logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logback);
        encoder.setPattern("%level %logger - %msg %mdc %kvp%n%ex{full}");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(logback);
        appender.setName("captured");
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        ch.qos.logback.classic.Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.TRACE);
        root.addAppender(appender);
    }

    @Override
    void stopCapturing() {
        if (logback != null) {
            logback.reset();
        }
    }
}
