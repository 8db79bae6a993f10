package ai.osvi.gate.report.ci;

import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.rules.RuleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GitHub Actions workflow commands that put a gate's reason on the run's page and the pull request's checks:
 * {@code ::error} when the build fails, {@code ::warning} when it only warns, {@code ::notice} for a verdict that
 * stands beside a breached advisory rule; nothing for a plain PASS. Each is one line,
 * its title the verdict and its text the reason, escaped as the runner reads workflow commands.
 */
public final class GithubAnnotations {

    private GithubAnnotations() {}

    /** The lines to print on standard output, one per campaign whose verdict is not a plain PASS. */
    public static List<String> of(GateResult result) {
        List<String> lines = new ArrayList<>();
        if (result.notStarted() != null) {
            return lines;
        }
        for (CampaignResult campaign : result.campaigns()) {
            String command = command(campaign.outcome());
            if (command == null) {
                advisoryNotice(campaign).ifPresent(lines::add);
                continue;
            }
            List<String> reason = new ArrayList<>();
            reason.add(campaign.summary());
            reason.addAll(campaign.details());
            lines.add(line(
                    command,
                    "OSVI gate: " + campaign.verdict() + " campaign " + campaign.campaignId(),
                    String.join("\n", reason)));
        }
        return lines;
    }

    /** A {@code ::notice} for a verdict that stands, naming the advisory rules it breached, if any. */
    private static Optional<String> advisoryNotice(CampaignResult campaign) {
        List<String> breached = campaign.ruleResults().stream()
                .filter(RuleResult::breachedAdvisory)
                .map(rule -> rule.words() + ": " + rule.breachMessage())
                .toList();
        return breached.isEmpty()
                ? Optional.empty()
                : Optional.of(line(
                        "notice",
                        "OSVI gate: " + campaign.verdict() + " campaign " + campaign.campaignId()
                                + ", advisory rule breached",
                        campaign.summary() + "\n" + String.join("\n", breached)));
    }

    /** The line for a gate that stopped before its first request. */
    public static String notStarted(String headline, String message) {
        return line("error", headline, message);
    }

    /** {@code ::error title=...::text}, both escaped. */
    static String line(String command, String title, String text) {
        return "::" + command + " title=" + escapeProperty(title) + "::" + escapeData(text);
    }

    private static String command(BuildOutcome outcome) {
        return switch (outcome) {
            case FAIL, ERROR -> "error";
            case WARN -> "warning";
            case SUCCESS -> null;
        };
    }

    /** The message of a workflow command: {@code %}, CR and LF escaped, as the runner unescapes them. */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property's value: as {@link #escapeData}, and {@code :} and {@code ,}, which end a property. */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
