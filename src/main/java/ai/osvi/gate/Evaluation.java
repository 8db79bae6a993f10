package ai.osvi.gate;

import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.rules.RuleResult;
import java.util.List;

/**
 * The rules judged on one snapshot.
 *
 * @param results empty when there were too few calls to judge
 */
public record Evaluation(CallCounts calls, List<RuleResult> results) {

    public Evaluation {
        results = List.copyOf(results);
    }

    public List<RuleResult> breaches() {
        return results.stream().filter(result -> !result.passed()).toList();
    }
}
