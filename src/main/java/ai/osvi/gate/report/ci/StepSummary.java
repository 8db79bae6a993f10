package ai.osvi.gate.report.ci;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.report.CampaignReport;
import ai.osvi.gate.report.NotStarted;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.report.ReportContext.Output;
import ai.osvi.gate.report.console.Sparkline;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.Percentages;
import ai.osvi.gate.rules.RuleResult;
import java.io.IOException;
import java.util.List;

/**
 * The GitHub Actions job summary ({@code GITHUB_STEP_SUMMARY}): each campaign's verdict, rules, calls and the course
 * of the wait in Markdown, appended (the modules of a parallel build append to the same file). Every text that may
 * quote the API is escaped so that GitHub shows exactly its characters.
 */
public final class StepSummary implements Output {

    @Override
    public String describe() {
        return "the GitHub step summary";
    }

    @Override
    public void campaign(ReportContext context, CampaignReport campaign) throws IOException {
        if (context.githubStepSummary() != null) {
            context.sink()
                    .append(
                            context.githubStepSummary(),
                            markdown(campaign.result(), campaign.config(), context.simulation()));
        }
    }

    @Override
    public void notStarted(ReportContext context, NotStarted gate) throws IOException {
        if (context.githubStepSummary() != null) {
            context.sink().append(context.githubStepSummary(), notStartedMarkdown(gate));
        }
    }

    /** @param simulation the simulator's scenario when the run was simulated, else {@code null} */
    public static String markdown(CampaignResult result, GateConfig config, String simulation) {
        StringBuilder md = new StringBuilder();
        CampaignStatus snapshot = result.waitResult().lastSnapshot();
        heading(md, result, snapshot);
        if (simulation != null) {
            md.append("**Simulation**: scenario '")
                    .append(MarkdownText.text(simulation))
                    .append("' of the embedded OSVI simulator; nothing real was contacted.\n\n");
        }
        md.append(MarkdownText.text(result.summary())).append("\n\n");
        for (String warning : result.waitResult().warnings()) {
            md.append("> \u26a0\ufe0f **Warning**: ")
                    .append(MarkdownText.text(warning))
                    .append("\n\n");
        }
        rulesTable(md, result.ruleResults());
        if (snapshot != null) {
            callsTable(md, snapshot, config);
        }
        md.append("Polls: ")
                .append(result.waitResult().polls())
                .append(", errors: ")
                .append(result.waitResult().errors())
                .append(".\n");
        course(md, result, config);
        for (String detail : result.details()) {
            md.append("\n> ").append(MarkdownText.text(detail)).append("\n");
        }
        if (config.uploadId().isPresent() && !config.rules().isEmpty()) {
            md.append("\n> Note: ")
                    .append(MarkdownText.text(GateConfig.UPLOAD_ID_NOTE))
                    .append("\n");
        }
        md.append("\n");
        return md.toString();
    }

    private static void heading(StringBuilder md, CampaignResult result, CampaignStatus snapshot) {
        String name = snapshot == null || snapshot.campaign().name() == null
                ? ""
                : " \u201c" + MarkdownText.text(snapshot.campaign().name()) + "\u201d";
        md.append("### ")
                .append(icon(result))
                .append(" OSVI gate: ")
                .append(result.verdict())
                .append(" \u2014 campaign ")
                .append(result.campaignId())
                .append(name)
                .append("\n\n");
    }

    private static void rulesTable(StringBuilder md, List<RuleResult> judged) {
        if (judged.isEmpty()) {
            return;
        }
        md.append("| Rule | Actual | Limit | Result |\n|---|---:|---:|---|\n");
        for (RuleResult r : judged) {
            md.append("| ")
                    .append(MarkdownText.codeSpanInTable(r.rule().subject()))
                    .append(r.rule().advisory() ? " (advisory)" : "")
                    .append(" | ")
                    .append(r.shownActual())
                    .append(" | ")
                    .append(MarkdownText.text(r.shownLimit()))
                    .append(" | ")
                    .append(r.fails() ? "**" + r.words() + "**" : r.words())
                    .append(" |\n");
        }
        md.append("\n");
    }

    /** Each status's calls and ratio, the total, and the queues completed. */
    private static void callsTable(StringBuilder md, CampaignStatus snapshot, GateConfig config) {
        CallCounts calls = snapshot.calls();
        md.append("| Status | Calls | Ratio |\n|---|---:|---:|\n");
        calls.byStatus()
                .forEach((status, count) -> md.append("| ")
                        .append(MarkdownText.codeSpanInTable(status))
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

    /** The sparklines, in a code block, aligned: their labels are statuses of rules, their values numbers. */
    private static void course(StringBuilder md, CampaignResult result, GateConfig config) {
        List<String> course = Sparkline.lines(result.waitResult().timeline(), config, true);
        if (!course.isEmpty()) {
            md.append("\n")
                    .append(MarkdownText.text(
                            Sparkline.heading(result.waitResult().timeline())))
                    .append(":\n\n```text\n");
            course.forEach(line -> md.append(line).append("\n"));
            md.append("```\n");
        }
    }

    /**
     * The Markdown of a gate that stopped before its first request: the headline, then the reason with its fix, as
     * the build log has them, so that the job summary never stays empty on a failed gate.
     */
    static String notStartedMarkdown(NotStarted gate) {
        StringBuilder md = new StringBuilder();
        md.append("### \u274c ").append(MarkdownText.text(gate.summaryLine())).append("\n\n");
        md.append("The gate stopped before its first request, so no campaign was judged. What to change:\n");
        for (String line : gate.reason().split("\\R")) {
            if (!line.isBlank()) {
                md.append("\n> ").append(MarkdownText.text(line.strip())).append("\n");
            }
        }
        md.append("\n");
        return md.toString();
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
