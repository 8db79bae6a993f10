package ai.osvi.maven;

import ai.osvi.gate.GateResult;
import ai.osvi.gate.GateRun;
import ai.osvi.gate.model.CallCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.project.MavenProject;

/**
 * Publishes the results as project properties for later steps of the same build: {@code osvi.result.verdict},
 * {@code osvi.result.calls.total}, {@code osvi.result.ratio.<status>}, and the same under
 * {@code osvi.result.<campaignId>.} for each campaign. With several campaigns the unprefixed ones combine them: the
 * worst verdict, the sum of the calls, the ratios of the summed counts.
 */
final class ResultProperties {

    static final String PREFIX = "osvi.result.";

    private ResultProperties() {
    }

    static void publish(GateRun.Results results, MavenProject project) {
        if (project == null) {
            return;
        }
        Properties properties = project.getProperties();
        long total = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        for (GateResult result : results.results()) {
            String prefix = PREFIX + result.campaignId() + ".";
            properties.setProperty(prefix + "verdict", result.verdict().name());
            CallCounts calls = result.waitResult().lastSnapshot() == null ? null
                    : result.waitResult().lastSnapshot().calls();
            if (calls != null) {
                publishCounts(properties, prefix, calls.total(), calls.byStatus());
                total += calls.total();
                calls.byStatus().forEach((status, count) -> counts.merge(status, count, Long::sum));
            }
        }
        properties.setProperty(PREFIX + "verdict", results.verdict().name());
        publishCounts(properties, PREFIX, total, counts);
    }

    private static void publishCounts(Properties properties, String prefix, long total, Map<String, Long> counts) {
        properties.setProperty(prefix + "calls.total", Long.toString(total));
        counts.forEach((status, count) -> {
            properties.setProperty(prefix + "calls." + status, Long.toString(count));
            if (total > 0) {
                properties.setProperty(prefix + "ratio." + status, BigDecimal.valueOf(count)
                        .divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_EVEN).stripTrailingZeros()
                        .toPlainString());
            }
        });
    }
}
