package ai.osvi.gate.result;

import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.rules.RuleResult;
import java.util.List;

/**
 * One campaign's result: how the wait ended, the rules judged, the verdict and what it does to the build. Every
 * output (log, reports, results for later jobs) is written from it.
 *
 * @param summary     the one-line reason, e.g. "1 of 2 rules breached"
 * @param details     what a reader needs to act: each breach, or the error and its fix
 * @param rulesJudged whether the rules were judged, on the last snapshot (even when too few calls left none to show)
 * @param ruleResults each rule judged on the last snapshot; empty when not judged, or with too few calls to judge
 * @param waitResult  how the wait ended: the last snapshot, polls, errors, the timeline
 * @param evidence    the checklist a PASS needs, each item with its numbers; a PASS has every item true
 */
public record CampaignResult(
        long campaignId,
        Verdict verdict,
        BuildOutcome outcome,
        String summary,
        List<String> details,
        boolean rulesJudged,
        List<RuleResult> ruleResults,
        WaitResult waitResult,
        Evidence evidence) {

    public CampaignResult {
        details = List.copyOf(details);
        ruleResults = List.copyOf(ruleResults);
        // PASS if and only if every item of the checklist holds: a verdict reached any other way is a bug
        if (verdict == Verdict.PASS && !evidence.allHold()) {
            throw new IllegalArgumentException(
                    "a PASS without its evidence: " + evidence.firstUnproven().orElseThrow());
        }
        if (verdict != Verdict.PASS && evidence.allHold()) {
            throw new IllegalArgumentException("a " + verdict + " whose checklist proves a PASS: " + summary);
        }
    }

    /** A result whose rules were not judged. */
    public static CampaignResult unjudged(
            long campaignId,
            Verdict verdict,
            BuildOutcome outcome,
            String summary,
            List<String> details,
            WaitResult waitResult,
            Evidence evidence) {
        return new CampaignResult(
                campaignId, verdict, outcome, summary, details, false, List.of(), waitResult, evidence);
    }

    /** The counts the rules were judged on (the last snapshot's), or {@code null} when they were not judged. */
    public CallCounts judgedCalls() {
        return rulesJudged ? waitResult.lastSnapshot().calls() : null;
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
