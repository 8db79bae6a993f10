package ai.osvi.gate.report.files;

import ai.osvi.gate.SilentLog;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.report.CampaignReport;
import ai.osvi.gate.report.Outputs;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.report.ReportNames;
import ai.osvi.gate.result.CampaignResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

/** Writes a campaign's report files (JSON, JUnit, chart) as a gate does, for tests that read them. */
public final class FileReports {

    private FileReports() {}

    public static void write(Path directory, CampaignResult result, GateConfig config, Instant finishedAt) {
        write(directory, result, config, finishedAt, UnaryOperator.identity(), null);
    }

    /** @param simulation the scenario's name, or {@code null} */
    public static void write(
            Path directory,
            CampaignResult result,
            GateConfig config,
            Instant finishedAt,
            UnaryOperator<String> redactor,
            String simulation) {
        ReportContext context = ReportContext.of(
                        directory,
                        null,
                        null,
                        Clock.fixed(finishedAt, ZoneOffset.UTC),
                        new SilentLog(),
                        List.of(new JsonReport(), new JunitReport(), new ChartReport()))
                .withRedactor(redactor)
                .withSimulation(simulation);
        Outputs.campaign(context, new CampaignReport(result, config, ReportNames.baseName(result.campaignId())));
    }
}
