package ai.osvi.gate.client;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.OutputStreamAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.slf4j.Log4jLoggerFactory;
import org.slf4j.LoggerFactory;

/** Under Log4j 2: runs in the surefire execution {@code http-logging-under-log4j2}. */
class HttpLoggingUnderLog4j2NeverShowsTokenTest extends HttpLoggingNeverShowsToken {

    private OutputStreamAppender appender;

    @Override
    void logEverythingAtTraceIntoABuffer() {
        assumeTrue(
                LoggerFactory.getILoggerFactory() instanceof Log4jLoggerFactory,
                "needs Log4j 2 as the SLF4J provider: runs in the surefire execution http-logging-under-log4j2");
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        PatternLayout layout = PatternLayout.newBuilder()
                .withConfiguration(configuration)
                .withPattern("%level %logger - %msg %X%n%ex{full}")
                .withCharset(StandardCharsets.UTF_8)
                .build();
        appender = OutputStreamAppender.newBuilder()
                .setName("captured")
                .setLayout(layout)
                .setTarget(captured)
                .setConfiguration(configuration)
                .build();
        appender.start();
        configuration.addAppender(appender);
        LoggerConfig root = configuration.getRootLogger();
        root.getAppenders().keySet().forEach(root::removeAppender);
        root.addAppender(appender, Level.TRACE, null);
        root.setLevel(Level.TRACE);
        context.updateLoggers();
    }

    @Override
    void stopCapturing() {
        if (appender != null) {
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            context.getConfiguration().getRootLogger().removeAppender("captured");
            context.updateLoggers();
            appender.stop();
        }
    }
}
