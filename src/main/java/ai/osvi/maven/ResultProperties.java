package ai.osvi.maven;

import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.report.ReportContext.Output;
import ai.osvi.gate.report.ResultValues;
import ai.osvi.gate.report.Sink;
import java.math.BigInteger;
import java.util.Properties;
import org.apache.maven.project.MavenProject;

/**
 * Publishes the results of the project's gates as its properties, for later steps of the same build:
 * {@code osvi.result.verdict}, {@code osvi.result.calls.total}, {@code osvi.result.calls.by_status.<status>},
 * {@code osvi.result.ratio.<status>}, and the same under {@code osvi.result.<campaignId>.} for each campaign. With
 * several campaigns or gates the unprefixed ones combine them: the worst verdict, the sum of the calls, the ratios of
 * the summed counts; with several gates (executions), each one's verdict is
 * {@code osvi.result.gate.<executionId>.verdict}. A ratio has as many decimals as it takes never to read as passing a
 * rule on its status that failed.
 */
final class ResultProperties implements Output {

    static final String PREFIX = "osvi.result.";

    private final MavenProject project;

    /** @param project the project whose properties are set, or {@code null} (no project: nothing is set) */
    ResultProperties(MavenProject project) {
        this.project = project;
    }

    @Override
    public String describe() {
        return "the project properties osvi.result.*";
    }

    /** The results of this project's gates (the build's other modules have their own properties). */
    @Override
    public void build(ReportContext context, BuildResults.View build) {
        if (project != null) {
            publish(context.build().forProject(context.project()), project.getProperties(), context.sink());
        }
    }

    /** @param sink redacts the statuses, which come from the API */
    static void publish(BuildResults.View gates, Properties properties, Sink sink) {
        for (ResultValues campaign : gates.campaigns()) {
            String prefix = PREFIX + campaign.campaignId() + ".";
            properties.setProperty(prefix + "verdict", campaign.verdict().name());
            if (campaign.callsTotal() != null) {
                publishCounts(properties, prefix, campaign, sink);
            }
        }
        gates.gates()
                .forEach((gate, values) -> properties.setProperty(
                        sink.redact(PREFIX + "gate." + gate + ".verdict"),
                        values.verdict().name()));
        ResultValues all = gates.overall();
        properties.setProperty(PREFIX + "verdict", all.verdict().name());
        publishCounts(properties, PREFIX, all, sink);
    }

    private static void publishCounts(Properties properties, String prefix, ResultValues values, Sink sink) {
        BigInteger total = values.callsTotal() == null ? BigInteger.ZERO : values.callsTotal();
        properties.setProperty(prefix + "calls.total", total.toString());
        // each status under a name of its own, which no status (not even one called "total") can make a fixed one
        values.counts()
                .forEach((status, count) ->
                        properties.setProperty(sink.redact(prefix + "calls.by_status." + status), count.toString()));
        values.ratios()
                .forEach((status, ratio) ->
                        properties.setProperty(sink.redact(prefix + "ratio." + status), ratio.toPlainString()));
    }
}
