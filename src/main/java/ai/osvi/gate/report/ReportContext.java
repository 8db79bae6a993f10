package ai.osvi.gate.report;

import ai.osvi.gate.log.GateLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What every output of a gate shares: where reports go, the gate among the build's, and the {@link Sink} they write
 * through.
 *
 * @param directory         the report directory, or {@code null} for no report file
 * @param githubStepSummary the file GitHub Actions names in {@code GITHUB_STEP_SUMMARY}, or {@code null}
 * @param githubOutput      the file GitHub Actions names in {@code GITHUB_OUTPUT}, or {@code null}
 * @param clock             when reports are written, as they say
 * @param simulation        the simulator's scenario when the run is simulated, which every report then says; else
 *                          {@code null}
 * @param build             every gate of this build so far, shared by them: what later jobs read is the build's
 * @param gate              this gate's name among them (its execution id)
 * @param project           the project this gate runs for, or {@code null}
 * @param outputs           what the gate writes, in order
 * @param sink              where every output writes, redacting
 */
public record ReportContext(
        Path directory,
        Path githubStepSummary,
        Path githubOutput,
        Clock clock,
        String simulation,
        BuildResults build,
        String gate,
        String project,
        List<Output> outputs,
        Sink sink) {

    public ReportContext {
        outputs = List.copyOf(outputs);
    }

    /** A gate of its own (no other gate shares its results), named {@code default}, writing nothing redacted yet. */
    public static ReportContext of(
            Path directory, Path githubStepSummary, Path githubOutput, Clock clock, GateLog log, List<Output> outputs) {
        BuildResults build = new BuildResults();
        return new ReportContext(
                directory,
                githubStepSummary,
                githubOutput,
                clock,
                null,
                build,
                "default",
                null,
                outputs,
                new Sink(UnaryOperator.identity(), log, build.lock()));
    }

    /** The same outputs, writing through a sink that applies {@code redactor}. */
    public ReportContext withRedactor(UnaryOperator<String> redactor) {
        return with(simulation, build, gate, project, sink.redacting(redactor));
    }

    public ReportContext withSimulation(String scenario) {
        return with(scenario, build, gate, project, sink);
    }

    /** This gate as one of {@code build}'s, named {@code gate}, run for {@code project}. */
    public ReportContext inBuild(BuildResults build, String gate, String project) {
        return with(simulation, build, gate, project, sink.appendingUnder(build.lock()));
    }

    private ReportContext with(String simulation, BuildResults build, String gate, String project, Sink sink) {
        return new ReportContext(
                directory, githubStepSummary, githubOutput, clock, simulation, build, gate, project, outputs, sink);
    }

    /**
     * One output of a gate: a file, the log's verdict block, a hand-off to later CI steps. The gate runs every output of
     * its {@link ReportContext} at three moments, through {@link Outputs}: after each campaign's verdict, after the gate
     * with the build's results, and when the gate could not start. An output implements the moments it writes at, and
     * writes through the context's {@link Sink}, which redacts what it is given.
     */
    public interface Output {

        /** What a warning names when this output could not be written: "the JSON report". */
        String describe();

        /** One campaign's verdict, as soon as it is decided. */
        default void campaign(ReportContext context, CampaignReport campaign) throws IOException {}

        /** The build's results after this gate, its own included: what later steps and jobs read. */
        default void build(ReportContext context, BuildResults.View build) throws IOException {}

        /** A gate that stopped before its first request. */
        default void notStarted(ReportContext context, NotStarted gate) throws IOException {}
    }
}
