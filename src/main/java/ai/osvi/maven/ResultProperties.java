package ai.osvi.maven;

import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.ResultValues;
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
final class ResultProperties {

    static final String PREFIX = "osvi.result.";

    private ResultProperties() {}

    static void publish(BuildResults.View gates, MavenProject project) {
        if (project == null) {
            return;
        }
        Properties properties = project.getProperties();
        for (ResultValues campaign : gates.campaigns()) {
            String prefix = PREFIX + campaign.campaignId() + ".";
            properties.setProperty(prefix + "verdict", campaign.verdict().name());
            if (campaign.callsTotal() != null) {
                publishCounts(properties, prefix, campaign);
            }
        }
        gates.gates()
                .forEach((gate, values) -> properties.setProperty(
                        PREFIX + "gate." + gate + ".verdict", values.verdict().name()));
        ResultValues all = gates.overall();
        properties.setProperty(PREFIX + "verdict", all.verdict().name());
        publishCounts(properties, PREFIX, all);
    }

    private static void publishCounts(Properties properties, String prefix, ResultValues values) {
        BigInteger total = values.callsTotal() == null ? BigInteger.ZERO : values.callsTotal();
        properties.setProperty(prefix + "calls.total", total.toString());
        // each status under a name of its own, which no status (not even one called "total") can make a fixed one
        values.counts()
                .forEach((status, count) ->
                        properties.setProperty(prefix + "calls.by_status." + status, count.toString()));
        values.ratios()
                .forEach((status, ratio) -> properties.setProperty(prefix + "ratio." + status, ratio.toPlainString()));
    }
}
