package ai.osvi.gate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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
public final class GithubOutputs {

    private GithubOutputs() {}

    /**
     * The outputs, in the order they are written.
     *
     * @param build    what later jobs read: the build's values, each campaign's, each gate's
     * @param redactor applied to every name and value
     * @param warnings gets what was left out, and why
     */
    public static Map<String, String> outputs(
            BuildResults.View build, UnaryOperator<String> redactor, List<String> warnings) {
        Map<String, String> outputs = new LinkedHashMap<>();
        List<ResultValues> campaigns = build.campaigns();
        List<OutputNames.LeftOut> leftOut = new ArrayList<>();
        put(outputs, "", build.overall(), campaigns, redactor, leftOut);
        if (campaigns.size() > 1) {
            for (ResultValues campaign : campaigns) {
                put(outputs, campaign.campaignId() + "-", campaign, List.of(campaign), redactor, leftOut);
            }
        }
        List<OutputNames.LeftOut> gateCollisions = new ArrayList<>();
        OutputNames.unique(
                        build.gates().keySet(),
                        gate -> OutputNames.clean(gate, redactor, OutputNames::github),
                        gateCollisions)
                .forEach((gate, name) -> {
                    ResultValues values = build.gates().get(gate);
                    String prefix = "gate-" + name + "-";
                    outputs.put(prefix + "verdict", values.verdict().name());
                    outputs.put(prefix + "build-outcome", values.outcome().name());
                    outputs.put(prefix + "summary", redactor.apply(values.summaryLine()));
                });
        Set<String> distinct = new LinkedHashSet<>();
        for (OutputNames.LeftOut left : gateCollisions) {
            distinct.add("GitHub outputs gate-" + left.name() + "-* left out: " + left.gateReason() + ".");
        }
        for (OutputNames.LeftOut left : leftOut) {
            distinct.add("GitHub output ratio-" + left.name() + " left out: " + left.reason()
                    + " (the JSON report has their counts).");
        }
        warnings.addAll(distinct);
        return outputs;
    }

    private static void put(
            Map<String, String> outputs,
            String prefix,
            ResultValues values,
            List<ResultValues> reported,
            UnaryOperator<String> redactor,
            List<OutputNames.LeftOut> leftOut) {
        outputs.put(prefix + "verdict", values.verdict().name());
        outputs.put(prefix + "build-outcome", values.outcome().name());
        outputs.put(prefix + "summary", redactor.apply(values.summaryLine()));
        if (values.campaignName() != null) {
            outputs.put(prefix + "campaign-name", redactor.apply(values.campaignName()));
        }
        if (values.callsTotal() != null) {
            outputs.put(prefix + "calls-total", values.callsTotal().toString());
        }
        OutputNames.unique(
                        values.ratios().keySet(),
                        status -> OutputNames.clean(status, redactor, OutputNames::github),
                        leftOut)
                .forEach((status, name) -> outputs.put(
                        prefix + "ratio-" + name, values.ratios().get(status).toPlainString()));
        List<ResultValues> withReports =
                reported.stream().filter(one -> one.jsonReport() != null).toList();
        if (!withReports.isEmpty()) {
            // one path per line with several campaigns: the form actions/upload-artifact takes for several paths
            outputs.put(
                    prefix + "report-json",
                    redactor.apply(withReports.stream()
                            .map(one -> one.jsonReport().toAbsolutePath().toString())
                            .collect(Collectors.joining("\n"))));
            outputs.put(
                    prefix + "report-junit",
                    redactor.apply(withReports.stream()
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

    /**
     * Appends {@code outputs} to the file GitHub Actions names in {@code GITHUB_OUTPUT}, in one write. The file is
     * the runner's: it is appended to, never replaced.
     */
    public static void append(Path outputFile, Map<String, String> outputs, UnaryOperator<String> redactor)
            throws IOException {
        String text = format(outputs, () -> "ghadelimiter_" + UUID.randomUUID());
        if (!redactor.apply(text).equals(text)) {
            // only text put together across names and values could hold it: write nothing rather than the token
            throw new IOException("the outputs would hold the API token; none written");
        }
        Files.writeString(
                outputFile, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
