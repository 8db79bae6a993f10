package ai.osvi.gate.report.ci;

import ai.osvi.gate.report.BuildResults;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.report.ReportContext.Output;
import ai.osvi.gate.report.ReportNames;
import ai.osvi.gate.report.ResultValues;
import ai.osvi.gate.report.Sink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code osvi.env}, a GitLab dotenv report ({@code artifacts:reports:dotenv}): {@code OSVI_VERDICT},
 * {@code OSVI_BUILD_OUTCOME}, {@code OSVI_CAMPAIGN_ID} (every campaign judged, comma-separated), {@code OSVI_CALLS_TOTAL}, {@code OSVI_RATIO_<STATUS>}, {@code OSVI_CAMPAIGN_NAME}; with
 * several campaigns, combined values and the same per campaign ({@code OSVI_7_VERDICT}). Its values are the build's:
 * the worst verdict of every gate that ran in this build so far, the file being written again, in every gate's report
 * directory, after each gate; with more than one gate, each gate's verdict and outcome follow
 * ({@code OSVI_GATE_<NAME>_VERDICT}).
 * <p>
 * It keeps to what GitLab accepts (its dotenv documentation and {@code Ci::ParseDotenvArtifactService}): UTF-8, one
 * {@code KEY=VALUE} a line, no empty line, no comment, no quoting; keys of {@code [A-Z0-9_]} (at most 255 characters);
 * values on one line. GitLab refuses the whole file beyond 5 KB or beyond its variable limit (20 by default on a
 * self-managed instance), so it holds at most {@value #MAX_VARIABLES} variables and {@value #MAX_BYTES} bytes, the
 * most important first; what does not fit is left out, with a warning naming it. Text from the API (the campaign
 * name) keeps only letters, digits, spaces and {@code . _ - + , : / @ ( )}, anything else becoming {@code _}, at most
 * {@value #MAX_TEXT} characters: it can neither end its line nor start a variable, nor carry quotes, {@code =},
 * {@code #}, {@code $} or backslashes to a reader of the file. Keys built from {@code by_status} keys come after
 * {@code OSVI_RATIO_}, so they can name no other variable; two that give the same key are both left out.
 */
public final class GitlabDotenv implements Output {

    public static final String FILE_NAME = ReportNames.DOTENV;
    static final int MAX_VARIABLES = 20;
    static final int MAX_BYTES = 5000;
    static final int MAX_KEY = 255;
    static final int MAX_TEXT = 100;
    private static final String TEXT_PUNCTUATION = " ._-+,:/@()";

    @Override
    public String describe() {
        return FILE_NAME;
    }

    /**
     * Writes {@code osvi.env} into every report directory of the build's gates (created if needed), atomically like
     * the other reports; a directory that cannot be written does not keep the others from being written.
     */
    @Override
    public void build(ReportContext context, BuildResults.View build) throws IOException {
        String text = String.join("", lines(build, context.sink()));
        List<String> failed = new ArrayList<>();
        for (Path directory : build.directories()) {
            try {
                context.sink().replaceVerbatim(directory.resolve(FILE_NAME), text);
            } catch (IOException | RuntimeException e) {
                failed.add(directory.resolve(FILE_NAME) + " (" + e.getMessage() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new IOException(String.join(", ", failed));
        }
    }

    /**
     * The file's lines (each ending with a line feed), most important first, within GitLab's default limits.
     *
     * @param sink redacts every key and value, and gets the warnings: what was left out, and why
     */
    public static List<String> lines(BuildResults.View build, Sink sink) {
        List<ResultValues> campaigns = build.campaigns();
        ResultValues all = build.overall();
        boolean several = campaigns.size() > 1;
        List<OutputNames.LeftOut> collisions = new ArrayList<>();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("OSVI_VERDICT", all.verdict().name());
        variables.put("OSVI_BUILD_OUTCOME", all.outcome().name());
        if (!campaigns.isEmpty()) {
            // which campaigns these values are about: a job can refuse an osvi.env left by another release's check
            variables.put(
                    "OSVI_CAMPAIGN_ID",
                    campaigns.stream()
                            .map(campaign -> String.valueOf(campaign.campaignId()))
                            .collect(Collectors.joining(",")));
        }
        List<OutputNames.LeftOut> gateCollisions = new ArrayList<>();
        OutputNames.unique(
                        build.gates().keySet(),
                        gate -> OutputNames.clean(gate, sink::redact, OutputNames::dotenv),
                        gateCollisions)
                .forEach((gate, key) -> variables.put(
                        "OSVI_GATE_" + key + "_VERDICT",
                        build.gates().get(gate).verdict().name()));
        if (several) {
            for (ResultValues campaign : campaigns) {
                variables.put(
                        "OSVI_" + campaign.campaignId() + "_VERDICT",
                        campaign.verdict().name());
            }
        }
        counts(variables, "OSVI_", all, sink, collisions);
        if (!several) {
            name(variables, "OSVI_", all, sink);
        } else {
            for (ResultValues campaign : campaigns) {
                String prefix = "OSVI_" + campaign.campaignId() + "_";
                variables.put(prefix + "BUILD_OUTCOME", campaign.outcome().name());
                counts(variables, prefix, campaign, sink, collisions);
                name(variables, prefix, campaign, sink);
            }
        }

        List<String> leftOut = new ArrayList<>();
        List<String> lines = fit(variables, leftOut);
        warnLeftOut(gateCollisions, collisions, leftOut, sink);
        return lines;
    }

    /** One warning for each variable left out, and why. */
    private static void warnLeftOut(
            List<OutputNames.LeftOut> gateCollisions,
            List<OutputNames.LeftOut> collisions,
            List<String> leftOut,
            Sink sink) {
        Set<String> distinct = new LinkedHashSet<>();
        for (OutputNames.LeftOut left : gateCollisions) {
            distinct.add(FILE_NAME + ": OSVI_GATE_" + left.name() + "_VERDICT left out: " + left.gateReason() + ".");
        }
        for (OutputNames.LeftOut left : collisions) {
            distinct.add(FILE_NAME + ": OSVI_RATIO_" + left.name() + " left out: " + left.reason()
                    + " (the JSON report has their counts).");
        }
        if (!leftOut.isEmpty()) {
            distinct.add(FILE_NAME + ": " + leftOut.size() + " variable(s) left out to stay within what GitLab"
                    + " accepts by default (" + MAX_VARIABLES + " variables, " + MAX_BYTES + " bytes, keys of at most "
                    + MAX_KEY + " characters): " + String.join(", ", leftOut) + ". The JSON reports have every value.");
        }
        distinct.forEach(sink::warn);
    }

    /**
     * The lines of the variables that fit, in order: no key longer than {@value #MAX_KEY} characters, at most
     * {@value #MAX_VARIABLES} lines and {@value #MAX_BYTES} bytes; the keys of the others go to {@code leftOut}.
     */
    static List<String> fit(Map<String, String> variables, List<String> leftOut) {
        List<String> lines = new ArrayList<>();
        int bytes = 0;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            String line = variable.getKey() + "=" + variable.getValue() + "\n";
            int size = line.getBytes(StandardCharsets.UTF_8).length;
            if (variable.getKey().length() > MAX_KEY || lines.size() == MAX_VARIABLES || bytes + size > MAX_BYTES) {
                leftOut.add(variable.getKey());
            } else {
                lines.add(line);
                bytes += size;
            }
        }
        return lines;
    }

    private static void counts(
            Map<String, String> variables,
            String prefix,
            ResultValues values,
            Sink sink,
            List<OutputNames.LeftOut> collisions) {
        if (values.callsTotal() != null) {
            variables.put(prefix + "CALLS_TOTAL", values.callsTotal().toString());
        }
        OutputNames.unique(
                        values.ratios().keySet(),
                        status -> OutputNames.clean(status, sink::redact, OutputNames::dotenv),
                        collisions)
                .forEach((status, key) -> variables.put(
                        prefix + "RATIO_" + key, values.ratios().get(status).toPlainString()));
    }

    private static void name(Map<String, String> variables, String prefix, ResultValues values, Sink sink) {
        if (values.campaignName() != null) {
            variables.put(
                    prefix + "CAMPAIGN_NAME",
                    OutputNames.clean(values.campaignName(), sink::redact, GitlabDotenv::text));
        }
    }

    /** Text from the API as a value: one line, no character a reader of the file could take for syntax. */
    static String text(String raw) {
        StringBuilder text = new StringBuilder();
        raw.codePoints()
                .forEach(c -> text.appendCodePoint(
                        Character.isLetterOrDigit(c) || c < 128 && TEXT_PUNCTUATION.indexOf(c) >= 0 ? c : '_'));
        String collapsed = text.toString().replaceAll(" {2,}", " ").strip();
        if (collapsed.codePointCount(0, collapsed.length()) > MAX_TEXT) {
            collapsed = collapsed
                    .substring(0, collapsed.offsetByCodePoints(0, MAX_TEXT))
                    .strip();
        }
        return collapsed;
    }
}
