package ai.osvi.gate.report.console;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.log.Style;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.report.CampaignReport;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.report.ReportContext.Output;
import ai.osvi.gate.report.ReportNames;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.Percentages;
import ai.osvi.gate.rules.Rule;
import ai.osvi.gate.rules.RuleResult;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The verdict table and the final summary line, as printed to the build log. */
public final class VerdictBlock implements Output {

    @Override
    public String describe() {
        return "the verdict in the log";
    }

    /** The block, ending by naming where the reports are; written last, after the files. */
    @Override
    public void campaign(ReportContext context, CampaignReport campaign) {
        List<String> closing = new ArrayList<>();
        if (context.directory() != null && !campaign.written().isEmpty()) {
            List<String> names = new ArrayList<>();
            campaign.written().forEach(file -> names.add(file.getFileName().toString()));
            names.add(ReportNames.DOTENV);
            closing.add("Reports: " + context.directory().toAbsolutePath() + " (" + String.join(", ", names) + ")");
        }
        write(campaign.result(), campaign.config(), context.sink().log(), closing);
    }

    /**
     * Writes the table, the warnings, {@code closing} (where the reports are) and the summary line as one block, even
     * when several gates share the log.
     */
    public static void write(CampaignResult result, GateConfig config, GateLog log, List<String> closing) {
        synchronized (log) {
            writeBlock(result, config, log, closing);
        }
    }

    private static void writeBlock(CampaignResult result, GateConfig config, GateLog log, List<String> closing) {
        for (String line : table(result, config, log.style())) {
            log.info(line);
        }
        List<String> course = Sparkline.lines(
                result.waitResult().timeline(), config, log.style().unicode());
        if (!course.isEmpty()) {
            log.info(Sparkline.heading(result.waitResult().timeline()) + ":");
            course.forEach(line -> log.info("  " + line));
        }
        if (result.judgedCalls() != null) {
            CallCounts calls = result.judgedCalls();
            BigInteger sum = calls.sumOfStatuses();
            if (sum.compareTo(BigInteger.valueOf(calls.total())) < 0) {
                log.warn("by_status counts add up to " + sum + ", not calls.total " + calls.total()
                        + "; ratios use calls.total as the denominator.");
            }
            for (Rule rule : config.rules()) {
                for (String status : rule.statuses()) {
                    if (!calls.byStatus().containsKey(status)) {
                        log.warn("Status '" + status + "' of rule '" + rule.describe() + "' is not in by_status and"
                                + " counts as 0; if calls in that status were expected, check its spelling. Statuses"
                                + " reported: "
                                + (calls.byStatus().isEmpty()
                                        ? "none"
                                        : String.join(", ", calls.byStatus().keySet()))
                                + ".");
                    }
                }
            }
        }
        boolean healthy = result.outcome() == BuildOutcome.SUCCESS;
        for (String detail : result.details()) {
            if (healthy) {
                log.info(detail);
            } else if (result.outcome() == BuildOutcome.WARN) {
                log.warn(detail);
            }
        }
        closing.forEach(log::info);
        summaryLine(log, result.outcome(), result.verdict(), result.summaryLine());
    }

    /** An "OSVI gate: VERDICT ..." line at the level its outcome calls for, the verdict word styled. */
    public static void summaryLine(GateLog log, BuildOutcome outcome, Verdict verdict, String line) {
        String word = verdict.name();
        switch (outcome) {
            case SUCCESS -> log.info(line.replaceFirst(word, log.style().good(word)));
            case WARN -> log.warn(line.replaceFirst(word, log.style().warning(word)));
            default -> log.error(line.replaceFirst(word, log.style().bad(word)));
        }
    }

    /** A rule's standing in its own words, coloured as a pass, a failure or a warning would be. */
    private static String shown(RuleResult result, Style style) {
        if (result.rule().advisory()) {
            return result.passed() ? style.good(result.words()) : style.warning(result.words());
        }
        return switch (result.standing()) {
            case HELD -> style.good(result.words());
            case BREACHED, CERTAIN -> style.bad(result.words());
            default -> style.warning(result.words());
        };
    }

    /** The table: the campaign line, each rule with actual, limit and result, then every status count. */
    public static List<String> table(CampaignResult result, GateConfig config, Style style) {
        List<String> lines = new ArrayList<>();
        CampaignStatus snapshot = result.waitResult().lastSnapshot();
        String name = snapshot == null || snapshot.campaign().name() == null
                ? ""
                : " \"" + snapshot.campaign().name() + "\"";
        String queues = snapshot == null
                ? "no snapshot received"
                : snapshot.completedQueues(config.uploadId()) + "/" + snapshot.awaitedQueues(config.uploadId())
                        + " queues completed";
        lines.add("Campaign " + config.campaignId() + name + ": " + queues + ", "
                + result.waitResult().polls() + " poll"
                + (result.waitResult().polls() == 1 ? "" : "s") + ", "
                + result.waitResult().errors() + " error"
                + (result.waitResult().errors() == 1 ? "" : "s") + ", "
                + Values.format(Duration.ofSeconds(result.waitResult().elapsed().toSeconds())));
        CallCounts calls = result.judgedCalls();
        if (calls == null) {
            return lines;
        }
        rulesTable(lines, result.ruleResults(), style);
        callsTable(lines, calls, config);
        return lines;
    }

    /** A rule a line: its statuses, the actual ratio, the limit and its standing. */
    private static void rulesTable(List<String> lines, List<RuleResult> judged, Style style) {
        if (judged.isEmpty()) {
            return;
        }
        int width = Math.max(
                4,
                judged.stream().mapToInt(r -> r.rule().subject().length()).max().orElse(4));
        int limitWidth = Math.max(
                9, judged.stream().mapToInt(r -> r.shownLimit().length()).max().orElse(9));
        String format = "  %-" + width + "s  %9s  %-" + limitWidth + "s  %s";
        lines.add(String.format(Locale.ROOT, format, "Rule", "Actual", "Limit", "Result"));
        for (RuleResult r : judged) {
            lines.add(String.format(
                    Locale.ROOT, format, r.rule().subject(), r.shownActual(), r.shownLimit(), shown(r, style)));
        }
    }

    /** A status a line, with its calls and ratio; a status no rule names is marked. */
    private static void callsTable(List<String> lines, CallCounts calls, GateConfig config) {
        Set<String> named = new TreeSet<>();
        config.rules().stream().map(Rule::statuses).forEach(named::addAll);
        int width = Math.max(
                6,
                calls.byStatus().keySet().stream()
                        .mapToInt(String::length)
                        .max()
                        .orElse(6));
        String format = "  %-" + width + "s  %8s  %7s%s";
        lines.add(String.format(Locale.ROOT, format, "Status", "Calls", "Ratio", ""));
        calls.byStatus()
                .forEach((status, count) -> lines.add(String.format(
                        Locale.ROOT,
                        format,
                        status,
                        count,
                        Percentages.of(status, count, calls.total(), config.rules()),
                        named.contains(status) || config.rules().isEmpty() ? "" : "  (in no rule)")));
        lines.add(String.format(Locale.ROOT, format, "total", calls.total(), "", ""));
    }
}
