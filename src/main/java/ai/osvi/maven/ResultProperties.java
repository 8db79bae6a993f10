package ai.osvi.maven;

import ai.osvi.gate.GateResult;
import ai.osvi.gate.GateRun;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.rules.Percentages;
import ai.osvi.gate.rules.Rule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.project.MavenProject;

/**
 * Publishes the results as project properties for later steps of the same build: {@code osvi.result.verdict},
 * {@code osvi.result.calls.total}, {@code osvi.result.ratio.<status>}, and the same under
 * {@code osvi.result.<campaignId>.} for each campaign. With several campaigns the unprefixed ones combine them: the
 * worst verdict, the sum of the calls, the ratios of the summed counts. A ratio has as many decimals as it takes
 * never to read as passing a rule on its status that failed.
 */
final class ResultProperties {

    static final String PREFIX = "osvi.result.";

    private ResultProperties() {
    }

    static void publish(GateRun.Results results, MavenProject project) {
        if (project == null) {
            return;
        }
        List<Rule> rules = new ArrayList<>();
        for (GateResult result : results.results()) {
            if (result.evaluation() != null) {
                result.evaluation().results().forEach(judged -> rules.add(judged.rule()));
            }
        }
        Properties properties = project.getProperties();
        BigInteger total = BigInteger.ZERO;
        Map<String, BigInteger> counts = new LinkedHashMap<>();
        for (GateResult result : results.results()) {
            String prefix = PREFIX + result.campaignId() + ".";
            properties.setProperty(prefix + "verdict", result.verdict().name());
            CallCounts calls = result.waitResult().lastSnapshot() == null ? null
                    : result.waitResult().lastSnapshot().calls();
            if (calls != null) {
                Map<String, BigInteger> own = new LinkedHashMap<>();
                calls.byStatus().forEach((status, count) -> own.put(status, BigInteger.valueOf(count)));
                publishCounts(properties, prefix, BigInteger.valueOf(calls.total()), own, rules);
                total = total.add(BigInteger.valueOf(calls.total()));
                own.forEach((status, count) -> counts.merge(status, count, BigInteger::add));
            }
        }
        properties.setProperty(PREFIX + "verdict", results.verdict().name());
        publishCounts(properties, PREFIX, total, counts, rules);
    }

    private static void publishCounts(Properties properties, String prefix, BigInteger total,
            Map<String, BigInteger> counts, List<Rule> rules) {
        properties.setProperty(prefix + "calls.total", total.toString());
        counts.forEach((status, count) -> {
            properties.setProperty(prefix + "calls." + status, count.toString());
            if (total.signum() > 0) {
                List<Rule> onThisStatus = new ArrayList<>();
                for (Rule rule : rules) {
                    if (rule.statuses().equals(List.of(status))) {
                        onThisStatus.add(rule);
                    }
                }
                properties.setProperty(prefix + "ratio." + status,
                        Percentages.consistentRatio(count, total, 6, onThisStatus).toPlainString());
            }
        });
    }
}
