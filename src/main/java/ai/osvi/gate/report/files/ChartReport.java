package ai.osvi.gate.report.files;

import ai.osvi.gate.report.CampaignReport;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.report.ReportContext.Output;
import ai.osvi.gate.report.ReportNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code campaign-<id>.svg}: the course of the wait, drawn when at least one snapshot was received. */
public final class ChartReport implements Output {

    @Override
    public String describe() {
        return "the chart";
    }

    @Override
    public void campaign(ReportContext context, CampaignReport campaign) throws IOException {
        if (context.directory() == null) {
            return;
        }
        Path chart = ReportNames.chartFile(context.directory(), campaign.name());
        if (campaign.result().waitResult().timeline().isEmpty()) {
            // an earlier execution of this build may have drawn this campaign: its course is not this result's
            Files.deleteIfExists(chart);
        } else {
            campaign.written()
                    .add(context.sink()
                            .replace(
                                    chart,
                                    CampaignChart.svg(campaign.result(), campaign.config(), context.simulation())));
        }
    }
}
