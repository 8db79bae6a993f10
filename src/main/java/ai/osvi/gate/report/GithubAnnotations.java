package ai.osvi.gate.report;

import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.GateResult;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands that put a gate's reason on the run's page and the pull request's checks:
 * {@code ::error} when the build fails, {@code ::warning} when it only warns; nothing for a PASS. Each is one line,
 * its title the verdict and its text the reason, escaped as the runner reads workflow commands.
 */
public final class GithubAnnotations {

    private GithubAnnotations() {
    }

    /** The lines to print on standard output, one per campaign whose verdict is not a plain PASS. */
    public static List<String> of(GateResult result) {
        List<String> lines = new ArrayList<>();
        if (result.notStarted() != null) {
            return lines;
        }
        for (CampaignResult campaign : result.campaigns()) {
            String command = command(campaign.outcome());
            if (command == null) {
                continue;
            }
            List<String> reason = new ArrayList<>();
            reason.add(campaign.summary());
            reason.addAll(campaign.details());
            lines.add(line(command, "OSVI gate: " + campaign.verdict() + " campaign " + campaign.campaignId(),
                    String.join("\n", reason)));
        }
        return lines;
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
            case PASS -> null;
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
