package ai.osvi.gate;

import ai.osvi.gate.polling.WaitResult;
import java.util.List;

/**
 * The gate's conclusion.
 *
 * @param summary    the one-line reason, e.g. "1 of 2 rules breached"
 * @param details    what a reader needs to act: each breach, or the error and its fix
 * @param evaluation the rules judged, or {@code null} when they were not judged
 */
public record GateResult(long campaignId, Verdict verdict, BuildOutcome outcome, String summary,
        List<String> details, Evaluation evaluation, WaitResult waitResult) {

    public GateResult {
        details = List.copyOf(details);
    }

    /** "OSVI gate: FAIL campaign 7: 1 of 2 rules breached": the line log parsers look for. */
    public String summaryLine() {
        return "OSVI gate: " + verdict + " campaign " + campaignId + ": " + summary;
    }

    /**
     * The message of the build failure: what went wrong and what to do. It does not repeat the summary line, which
     * the log shows just before Maven prints this: an error is said once.
     */
    public String failureMessage() {
        String lead = switch (verdict) {
            case FAIL -> "Campaign " + campaignId + " failed the OSVI gate:";
            case INCONCLUSIVE -> "Campaign " + campaignId + " is too small to judge:";
            case TIMEOUT -> "Campaign " + campaignId + " did not complete in time:";
            case STALLED -> "Campaign " + campaignId + " stopped progressing:";
            case ABORTED -> "The OSVI gate was aborted while awaiting campaign " + campaignId;
            case RUNNING -> "Campaign " + campaignId + " is still running (onRunning=fail):";
            default -> "The OSVI gate could not decide on campaign " + campaignId + ":";
        };
        StringBuilder message = new StringBuilder(lead);
        for (String detail : details.isEmpty() && verdict != Verdict.ABORTED ? List.of(summary) : details) {
            message.append(System.lineSeparator()).append("  - ").append(detail);
        }
        return message.toString();
    }
}
