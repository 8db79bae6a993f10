package ai.osvi.gate.result;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One gate's result (one execution of a goal): its campaigns' results, or why it could not start. The build's
 * verdict is the worst of its gates'.
 *
 * @param gate       its name among the build's gates: its execution id, after its module's artifactId in a reactor
 * @param project    the project it ran for, or {@code null}
 * @param directory  where its reports went, or {@code null}
 * @param campaigns  one result per campaign, in the order the campaigns were given; empty when it did not start
 * @param notStarted why it did not start ("OSVI gate: ERROR: ..."), or {@code null}
 */
public record GateResult(
        String gate, String project, Path directory, List<CampaignResult> campaigns, String notStarted) {

    public GateResult {
        campaigns = List.copyOf(campaigns);
    }

    public static GateResult notStarted(String gate, String project, Path directory, String summaryLine) {
        return new GateResult(gate, project, directory, List.of(), summaryLine);
    }

    public Verdict verdict() {
        return notStarted != null
                ? Verdict.ERROR
                : campaigns.stream().map(CampaignResult::verdict).reduce(Verdict.PASS, Verdict::worse);
    }

    public BuildOutcome outcome() {
        return notStarted != null
                ? BuildOutcome.ERROR
                : campaigns.stream().map(CampaignResult::outcome).reduce(BuildOutcome.SUCCESS, BuildOutcome::worse);
    }

    /** The campaign's summary line, or with several "OSVI gate: FAIL 3 campaigns: 7 PASS, 8 FAIL, 9 PASS". */
    public String summaryLine() {
        if (notStarted != null) {
            return notStarted;
        }
        return campaigns.size() == 1
                ? campaigns.get(0).summaryLine()
                : "OSVI gate: " + verdict() + " "
                        + campaigns.size() + " campaigns: "
                        + campaigns.stream()
                                .map(result -> result.campaignId() + " " + result.verdict())
                                .collect(Collectors.joining(", "));
    }

    /** The build failure message: every campaign that did not pass, what went wrong and what to do. */
    public String failureMessage() {
        BuildOutcome worst = outcome();
        return campaigns.stream()
                .filter(result -> result.outcome() == worst)
                .map(CampaignResult::failureMessage)
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
