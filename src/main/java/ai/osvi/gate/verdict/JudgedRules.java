package ai.osvi.gate.verdict;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.rules.Outlook;
import ai.osvi.gate.rules.RuleResult;
import java.util.List;

/**
 * Every rule judged on a snapshot, the one way the verdict and its checklist both read them. A status that the API
 * reports in another spelling makes a deciding rule's snapshot unreadable (an ERROR, before this); an advisory rule,
 * which never changes the verdict, is then undecided rather than judged on the count it cannot see.
 */
final class JudgedRules {

    private JudgedRules() {}

    /** Requires {@code snapshot.calls().total() > 0}. */
    static List<RuleResult> of(GateConfig config, CampaignStatus snapshot) {
        Outlook outlook = Outlook.of(snapshot, config.uploadId());
        return config.rules().stream()
                .map(rule -> {
                    RuleResult judged = RuleResult.judge(rule, snapshot.calls(), outlook);
                    return rule.advisory()
                                    && !StatusCheck.of(List.of(rule), snapshot.calls())
                                            .matched()
                            ? judged.undecided()
                            : judged;
                })
                .toList();
    }
}
