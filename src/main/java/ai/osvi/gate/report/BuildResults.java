package ai.osvi.gate.report;

import ai.osvi.gate.log.InvisibleCharacters;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every gate that ran in this build so far (several executions, modules, threads of {@code -T}), for what later jobs
 * read: the step outputs, {@code osvi.env} and the project properties hold the worst verdict of the build, never only
 * the last gate's. One instance per build, shared by its gates; every method is synchronized, and a gate records its
 * results and writes the files later jobs read while holding this object's lock, so that the last file written holds
 * every gate.
 */
public final class BuildResults {

    /**
     * What later jobs read after a gate.
     *
     * @param overall     the worst verdict and outcome of every gate, with the calls and ratios of every campaign
     *                    (with a single campaign, that campaign's values)
     * @param campaigns   each campaign's values, once per campaign: a campaign gated twice gives its worse result
     * @param gates       each gate's verdict, outcome and summary by name, when more than one gate ran; else empty
     * @param directories every report directory of these gates, in the order they first ran
     */
    public record View(ResultValues overall, List<ResultValues> campaigns, Map<String, ResultValues> gates,
            List<Path> directories) {

        public View {
            campaigns = List.copyOf(campaigns);
            gates = Collections.unmodifiableMap(new LinkedHashMap<>(gates));
            directories = List.copyOf(directories);
        }
    }

    private final List<GateResult> recorded = new ArrayList<>();

    /**
     * Records a gate's result, or that it could not start (an invalid parameter, no token: the build's verdict is then
     * ERROR); returns what later jobs read now, across every gate of the build.
     */
    public synchronized View record(GateResult gate) {
        recorded.add(gate);
        return view(entry -> true);
    }

    /** The values of the gates that ran for {@code project}, for its properties. */
    public synchronized View forProject(String project) {
        return view(entry -> Objects.equals(entry.project(), project));
    }

    /** The view of a single gate run on its own, as if it were the build's only one. */
    public static View single(List<CampaignResult> results, Path directory) {
        return new BuildResults().record(new GateResult("default", null, directory, results, null));
    }

    private View view(Predicate<GateResult> included) {
        List<GateResult> chosen = recorded.stream().filter(included).toList();
        Map<Long, CampaignResult> worstPerCampaign = new LinkedHashMap<>();
        Map<Long, Path> directoryPerCampaign = new LinkedHashMap<>();
        for (GateResult entry : chosen) {
            for (CampaignResult result : entry.campaigns()) {
                CampaignResult before = worstPerCampaign.get(result.campaignId());
                if (before == null || result.verdict().severity() >= before.verdict().severity()) {
                    worstPerCampaign.put(result.campaignId(), result);
                    directoryPerCampaign.put(result.campaignId(), entry.directory());
                }
            }
        }
        List<CampaignResult> campaignResults = new ArrayList<>(worstPerCampaign.values());
        List<ResultValues> campaigns = new ArrayList<>();
        for (CampaignResult result : campaignResults) {
            campaigns.add(ResultValues.of(result, directoryPerCampaign.get(result.campaignId()), campaignResults));
        }
        Set<Path> directories = new LinkedHashSet<>();
        chosen.stream().map(GateResult::directory).filter(Objects::nonNull).forEach(directories::add);

        Verdict verdict = chosen.stream().map(GateResult::verdict).reduce(Verdict.PASS, Verdict::worse);
        BuildOutcome outcome = chosen.stream().map(GateResult::outcome).reduce(BuildOutcome.PASS, BuildOutcome::worse);
        ResultValues overall;
        if (chosen.size() == 1 && chosen.get(0).notStarted() == null && campaigns.size() == 1) {
            overall = campaigns.get(0);
        } else {
            String summary = chosen.size() == 1 ? chosen.get(0).summaryLine() : "OSVI gate: " + verdict + " "
                    + chosen.size() + " gates: " + chosen.stream().map(entry -> InvisibleCharacters.escaped(entry.gate()) + " " + entry.verdict())
                            .collect(Collectors.joining(", "));
            overall = ResultValues.combined(verdict, outcome, summary, campaigns, campaignResults);
        }
        Map<String, ResultValues> gates = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        chosen.forEach(entry -> names.add(entry.gate()));
        if (names.size() > 1) {
            for (String name : names) {
                List<GateResult> ofGate = chosen.stream().filter(entry -> entry.gate().equals(name)).toList();
                Verdict gateVerdict = ofGate.stream().map(GateResult::verdict).reduce(Verdict.PASS, Verdict::worse);
                BuildOutcome gateOutcome = ofGate.stream().map(GateResult::outcome)
                        .reduce(BuildOutcome.PASS, BuildOutcome::worse);
                gates.put(name, ResultValues.verdictOnly(gateVerdict, gateOutcome,
                        ofGate.get(ofGate.size() - 1).summaryLine()));
            }
        }
        return new View(overall, campaigns, gates, new ArrayList<>(directories));
    }
}
