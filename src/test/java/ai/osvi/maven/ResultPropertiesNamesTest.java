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

/** A status the API names like a result property cannot change that property. */
class ResultPropertiesNamesTest {

    @Test
    void a_status_named_total_should_not_overwrite_the_calls_total() throws Exception {
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";
        FakeTime time = new FakeTime();
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active().queues(19, true).calls("picked", 90, "total", 6, "verdict", 2, "failed", 2));
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
                .containsEntry("osvi.result.calls.total", "100")
                .containsEntry("osvi.result.7.calls.total", "100")
                .containsEntry("osvi.result.verdict", "PASS")
                .containsEntry("osvi.result.calls.by_status.total", "6")
                .containsEntry("osvi.result.7.calls.by_status.verdict", "2")
                .containsEntry("osvi.result.ratio.total", "0.06");
    }
}
