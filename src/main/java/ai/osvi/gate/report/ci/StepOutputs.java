package ai.osvi.gate.report.ci;

import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.report.ReportContext.Output;
import ai.osvi.gate.report.ResultValues;
import ai.osvi.gate.report.Sink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * GitHub Actions step outputs, appended to the file GitHub names in {@code GITHUB_OUTPUT}: {@code verdict},
 * {@code build-outcome}, {@code summary}, {@code campaign-name}, {@code calls-total}, {@code ratio-<status>},
 * {@code report-json}, {@code report-junit}; with several campaigns, the same per campaign prefixed with its id
 * ({@code 7-verdict}) beside the combined ones. The unprefixed values are the build's: the worst verdict of every gate
 * that ran in this build so far, written again after each gate (a later job reads an output's last value); with more
 * than one gate, each gate's verdict, outcome and summary follow under {@code gate-<name>-}.
 * <p>
 * Every value is written in the runner's multi-line form ({@code name<<DELIMITER}, the value, {@code DELIMITER}) with
 * a random delimiter that no line of the value equals, as GitHub's own toolkit writes outputs: whatever text the API
 * sent (a campaign name with a line {@code verdict=PASS}) stays inside its value. Names made from {@code by_status}
 * keys keep only {@code [a-z0-9_-]}, after {@code ratio-}, so they can name no other output; two keys that give the
 * same name are both left out, with a warning.
 */
public final class StepOutputs implements Output {

    @Override
    public String describe() {
        return "the GitHub step outputs";
    }

    /**
     * Appends the outputs to the file GitHub Actions names in {@code GITHUB_OUTPUT}, in one write; the file is the
     * runner's: it is appended to, never replaced.
     */
    @Override
    public void build(ReportContext context, BuildResults.View build) throws IOException {
        if (context.githubOutput() != null) {
            String text = format(outputs(build, context.sink()), () -> "ghadelimiter_" + UUID.randomUUID());
            context.sink().appendVerbatim(context.githubOutput(), text);
        }
    }

    /**
     * The outputs, in the order they are written.
     *
     * @param build    what later jobs read: the build's values, each campaign's, each gate's
     * @param sink redacts every name and value, and gets the warnings: what was left out, and why
     */
    public static Map<String, String> outputs(BuildResults.View build, Sink sink) {
        Map<String, String> outputs = new LinkedHashMap<>();
        List<ResultValues> campaigns = build.campaigns();
        List<OutputNames.LeftOut> leftOut = new ArrayList<>();
        put(outputs, "", build.overall(), campaigns, sink, leftOut);
        if (campaigns.size() > 1) {
            for (ResultValues campaign : campaigns) {
                put(outputs, campaign.campaignId() + "-", campaign, List.of(campaign), sink, leftOut);
            }
        }
        List<OutputNames.LeftOut> gateCollisions = new ArrayList<>();
        OutputNames.unique(
                        build.gates().keySet(),
                        gate -> OutputNames.clean(gate, sink::redact, OutputNames::github),
                        gateCollisions)
                .forEach((gate, name) -> {
                    ResultValues values = build.gates().get(gate);
                    String prefix = "gate-" + name + "-";
                    outputs.put(prefix + "verdict", values.verdict().name());
                    outputs.put(prefix + "build-outcome", values.outcome().name());
                    outputs.put(prefix + "summary", sink.redact(values.summaryLine()));
                });
        Set<String> distinct = new LinkedHashSet<>();
        for (OutputNames.LeftOut left : gateCollisions) {
            distinct.add("GitHub outputs gate-" + left.name() + "-* left out: " + left.gateReason() + ".");
        }
        for (OutputNames.LeftOut left : leftOut) {
            distinct.add("GitHub output ratio-" + left.name() + " left out: " + left.reason()
                    + " (the JSON report has their counts).");
        }
        distinct.forEach(sink::warn);
        return outputs;
    }

    private static void put(
            Map<String, String> outputs,
            String prefix,
            ResultValues values,
            List<ResultValues> reported,
            Sink sink,
            List<OutputNames.LeftOut> leftOut) {
        outputs.put(prefix + "verdict", values.verdict().name());
        outputs.put(prefix + "build-outcome", values.outcome().name());
        outputs.put(prefix + "summary", sink.redact(values.summaryLine()));
        if (values.campaignName() != null) {
            outputs.put(prefix + "campaign-name", sink.redact(values.campaignName()));
        }
        if (values.callsTotal() != null) {
            outputs.put(prefix + "calls-total", values.callsTotal().toString());
        }
        OutputNames.unique(
                        values.ratios().keySet(),
                        status -> OutputNames.clean(status, sink::redact, OutputNames::github),
                        leftOut)
                .forEach((status, name) -> outputs.put(
                        prefix + "ratio-" + name, values.ratios().get(status).toPlainString()));
        List<ResultValues> withReports =
                reported.stream().filter(one -> one.jsonReport() != null).toList();
        if (!withReports.isEmpty()) {
            // one path per line with several campaigns: the form actions/upload-artifact takes for several paths
            outputs.put(
                    prefix + "report-json",
                    sink.redact(withReports.stream()
                            .map(one -> one.jsonReport().toAbsolutePath().toString())
                            .collect(Collectors.joining("\n"))));
            outputs.put(
                    prefix + "report-junit",
                    sink.redact(withReports.stream()
                            .map(one -> one.junitReport().toAbsolutePath().toString())
                            .collect(Collectors.joining("\n"))));
        }
    }

    /** {@code outputs} in the runner's multi-line form, each value between lines of a fresh delimiter. */
    static String format(Map<String, String> outputs, Supplier<String> delimiters) {
        StringBuilder text = new StringBuilder();
        outputs.forEach((name, value) -> {
            String delimiter = delimiters.get();
            while (delimiter.isEmpty() || value.contains(delimiter) || name.contains(delimiter)) {
                delimiter = delimiters.get();
            }
            text.append(name)
                    .append("<<")
                    .append(delimiter)
                    .append('\n')
                    .append(value)
                    .append('\n')
                    .append(delimiter)
                    .append('\n');
        });
        return text.toString();
    }
}
