package ai.osvi.gate.report;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.Percentages;
import ai.osvi.gate.rules.RuleResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.UnaryOperator;

/** The Markdown appended to GitHub Actions' job summary ({@code GITHUB_STEP_SUMMARY}). */
public final class GithubSummary {

    private GithubSummary() {}

    public static String markdown(CampaignResult result, GateConfig config) {
        return markdown(result, config, UnaryOperator.identity());
    }

    /**
     * The Markdown, with {@code redactor} applied to every text before it is escaped, and to the whole. Every text
     * that may quote the API is escaped so that GitHub shows exactly its characters.
     */
    public static String markdown(CampaignResult result, GateConfig config, UnaryOperator<String> redactor) {
        return markdown(result, config, redactor, null);
    }

    /** As above; {@code simulation} names the simulator's scenario when the run was simulated, else {@code null}. */
    public static String markdown(
            CampaignResult result, GateConfig config, UnaryOperator<String> redactor, String simulation) {
        StringBuilder md = new StringBuilder();
        CampaignStatus snapshot = result.waitResult().lastSnapshot();
        String name = snapshot == null || snapshot.campaign().name() == null
                ? ""
                : " \u201c" + MarkdownText.text(snapshot.campaign().name(), redactor) + "\u201d";
        md.append("### ")
                .append(icon(result))
                .append(" OSVI gate: ")
                .append(result.verdict())
                .append(" \u2014 campaign ")
                .append(result.campaignId())
                .append(name)
                .append("\n\n");
        if (simulation != null) {
            md.append("**Simulation**: scenario '")
                    .append(MarkdownText.text(simulation, redactor))
                    .append("' of the embedded OSVI simulator; nothing real was contacted.\n\n");
        }
        md.append(MarkdownText.text(result.summary(), redactor)).append("\n\n");
        for (String warning : result.waitResult().warnings()) {
            md.append("> \u26a0\ufe0f **Warning**: ")
                    .append(MarkdownText.text(warning, redactor))
                    .append("\n\n");
        }
        if (!result.ruleResults().isEmpty()) {
            md.append("| Rule | Actual | Limit | Result |\n|---|---:|---:|---|\n");
            for (RuleResult r : result.ruleResults()) {
                md.append("| ")
                        .append(MarkdownText.codeSpanInTable(r.rule().subject(), redactor))
                        .append(r.rule().advisory() ? " (advisory)" : "")
                        .append(" | ")
                        .append(r.shownActual())
                        .append(" | ")
                        .append(MarkdownText.text(r.shownLimit(), redactor))
                        .append(" | ")
                        .append(r.fails() ? "**" + r.words() + "**" : r.words())
                        .append(" |\n");
            }
            md.append("\n");
        }
        if (snapshot != null) {
            callsTable(md, snapshot, config, redactor);
        }
        md.append("Polls: ")
                .append(result.waitResult().polls())
                .append(", errors: ")
                .append(result.waitResult().errors())
                .append(".\n");
        List<String> course = Sparkline.lines(result.waitResult().timeline(), config, true);
        if (!course.isEmpty()) {
            // in a code block, aligned: its labels are statuses of rules (letters, digits, _ . -), its values numbers
            md.append("\n")
                    .append(MarkdownText.text(
                            Sparkline.heading(result.waitResult().timeline()), redactor))
                    .append(":\n\n```text\n");
            course.forEach(line -> md.append(redactor.apply(line)).append("\n"));
            md.append("```\n");
        }
        for (String detail : result.details()) {
            md.append("\n> ").append(MarkdownText.text(detail, redactor)).append("\n");
        }
        if (config.uploadId().isPresent() && !config.rules().isEmpty()) {
            md.append("\n> Note: ")
                    .append(MarkdownText.text(GateConfig.UPLOAD_ID_NOTE, redactor))
                    .append("\n");
        }
        md.append("\n");
        return md.toString();
    }

    /** Each status's calls and ratio, the total, and the queues completed. */
    private static void callsTable(
            StringBuilder md, CampaignStatus snapshot, GateConfig config, UnaryOperator<String> redactor) {
        CallCounts calls = snapshot.calls();
        md.append("| Status | Calls | Ratio |\n|---|---:|---:|\n");
        calls.byStatus()
                .forEach((status, count) -> md.append("| ")
                        .append(MarkdownText.codeSpanInTable(status, redactor))
                        .append(" | ")
                        .append(count)
                        .append(" | ")
                        .append(Percentages.of(status, count, calls.total(), config.rules()))
                        .append(" |\n"));
        md.append("| **total** | **").append(calls.total()).append("** | |\n\n");
        md.append("Queues completed: ")
                .append(snapshot.completedQueues(config.uploadId()))
                .append("/")
                .append(snapshot.awaitedQueues(config.uploadId()))
                .append(". ");
    }

    /** Appends to the file GitHub Actions names in {@code GITHUB_STEP_SUMMARY}. */
    public static void append(
            Path summaryFile, CampaignResult result, GateConfig config, UnaryOperator<String> redactor)
            throws IOException {
        append(summaryFile, result, config, redactor, null);
    }

    /** As above; {@code simulation} names the simulator's scenario when the run was simulated, else {@code null}. */
    public static void append(
            Path summaryFile,
            CampaignResult result,
            GateConfig config,
            UnaryOperator<String> redactor,
            String simulation)
            throws IOException {
        Files.writeString(
                summaryFile,
                redactor.apply(markdown(result, config, redactor, simulation)),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * The Markdown of a gate that stopped before its first request: the headline, then the reason with its fix, as
     * the build log has them, so that the job summary never stays empty on a failed gate.
     */
    public static String notStarted(String summaryLine, String reason, UnaryOperator<String> redactor) {
        StringBuilder md = new StringBuilder();
        md.append("### \u274c ")
                .append(MarkdownText.text(summaryLine, redactor))
                .append("\n\n");
        md.append("The gate stopped before its first request, so no campaign was judged. What to change:\n");
        for (String line : reason.split("\\R")) {
            if (!line.isBlank()) {
                md.append("\n> ")
                        .append(MarkdownText.text(line.strip(), redactor))
                        .append("\n");
            }
        }
        md.append("\n");
        return md.toString();
    }

    /** Appends {@link #notStarted} to the file GitHub Actions names in {@code GITHUB_STEP_SUMMARY}. */
    public static void appendNotStarted(
            Path summaryFile, String summaryLine, String reason, UnaryOperator<String> redactor) throws IOException {
        Files.writeString(
                summaryFile,
                redactor.apply(notStarted(summaryLine, reason, redactor)),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** By what the result did to the build: a warning sign never stands beside a failed build. */
    private static String icon(CampaignResult result) {
        if (result.verdict() == Verdict.RUNNING && result.outcome() == BuildOutcome.SUCCESS) {
            return "\u23f3";
        }
        return switch (result.outcome()) {
            case SUCCESS -> "\u2705";
            case WARN -> "\u26a0\ufe0f";
            case FAIL, ERROR -> "\u274c";
        };
    }
}
