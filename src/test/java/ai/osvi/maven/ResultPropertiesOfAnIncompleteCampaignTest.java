package ai.osvi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.GateRun;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.ScriptedSource;
import ai.osvi.gate.SilentLog;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.Contexts;
import ai.osvi.gate.report.Sink;
import ai.osvi.gate.result.GateResult;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** A later step of the same build never reads PASS for a campaign that did not complete. */
class ResultPropertiesOfAnIncompleteCampaignTest {

    @Test
    void rules_holding_at_the_timeout_should_publish_timeout_not_pass() throws Exception {
        TestConfig config = new TestConfig();
        config.timeout = "1m";
        config.onTimeout = "evaluate";
        config.maxFailureRatio = "5%";
        FakeTime time = new FakeTime();
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active().queues(19, true, false).calls("picked", 99, "failed", 1));
        GateResult results = GateRun.run(
                GateConfig.parseAll(config.raw()),
                source,
                time,
                new AbortSignal(),
                () -> 0,
                Contexts.of(null, null, null, Clock.systemUTC(), new RecordingLog()));
        MavenProject project = new MavenProject();

        ResultProperties.publish(
                BuildResults.single(results.campaigns(), null),
                project.getProperties(),
                new Sink(UnaryOperator.identity(), new SilentLog(), new Object()));

        assertThat(project.getProperties())
                .containsEntry("osvi.result.verdict", "TIMEOUT")
                .containsEntry("osvi.result.7.verdict", "TIMEOUT")
                .containsEntry("osvi.result.ratio.failed", "0.01");
    }
}
