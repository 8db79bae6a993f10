package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.osvi.gate.config.Values;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Evidence;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.RuleResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule marked (advisory) is judged and reported in its own words, and never changes the verdict or the build. */
class AdvisoryRulesTest {

    private final FakeTime time = new FakeTime();
    private final ScriptedSource source = new ScriptedSource(time);
    private final RecordingLog log = new RecordingLog();
    private final TestConfig config = new TestConfig();

    private CampaignResult run() {
        return new Gate(config.parse(), source, time, log, new AbortSignal(), () -> 0).run();
    }

    @Test
    void an_advisory_breach_beside_a_rule_that_holds_should_pass_and_say_so() {
        config.maxFailureRatio = "5%";
        config.thresholds = List.of("failed <= 2% (advisory)");
        source.then(Snapshots.active().queues(19, true).calls("picked", 97, "failed", 3));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.SUCCESS);
        assertThat(result.summary()).isEqualTo("1 of 1 rule passed on 100 calls; advisory: 1 of 1 breached");
        assertThat(result.details())
                .containsExactly("Advisory, breached: failed ratio is 3%, but the maximum is 2%;"
                        + " it does not change the verdict.");
        assertThat(result.ruleResults())
                .extracting(rule -> rule.rule().describe() + ": " + rule.words())
                .containsExactly("failed <= 5%: held", "failed <= 2% (advisory): advisory, breached");
        assertThat(result.evidence().allHold()).isTrue();
        assertThat(result.evidence().checks())
                .filteredOn(check -> check.item() == Evidence.Item.RULES_HELD)
                .singleElement()
                .extracting(Evidence.Check::numbers)
                .isEqualTo("failed 3% <= 5% held, failed 3% <= 2% advisory, breached");
    }

    @Test
    void failFast_should_not_stop_at_a_certain_breach_of_an_advisory_rule() {
        config.failFast = "true";
        config.maxFailureRatio = "50%";
        config.thresholds = List.of("failed <= 5% (advisory)");
        // 20 failed of at most 60 calls: the advisory rule is breached for certain, the deciding one is not
        source.then(Snapshots.active().queues(19, false, false).calls("picked", 1, "failed", 20))
                .then(Snapshots.active().queues(19, true, true).calls("picked", 40, "failed", 20));

        CampaignResult result = run();

        assertThat(source.polls()).isEqualTo(2);
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void a_look_alike_status_of_an_advisory_rule_alone_should_not_make_an_error() {
        config.maxFailureRatio = "5%";
        config.thresholds = List.of("voicemail <= 5% (advisory)");
        source.then(Snapshots.active().queues(19, true).calls("picked", 87, "failed", 3, "Voicemail", 10));

        CampaignResult result = run();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        // never "held" on the 0 it cannot see: undecided, and said why
        assertThat(result.ruleResults()).extracting(RuleResult::words).containsExactly("held", "advisory, undecided");
        assertThat(result.summary()).isEqualTo("1 of 1 rule passed on 100 calls");
        assertThat(result.details())
                .singleElement()
                .asString()
                .startsWith("Advisory, undecided: Rule 'voicemail <="
                        + " 5% (advisory)' (thresholds) names the status 'voicemail'")
                .contains("'Voicemail' (10 calls)")
                .endsWith("; it does not change the verdict.");
        assertThat(result.evidence().checks())
                .extracting(Evidence.Check::numbers)
                .noneMatch(numbers -> numbers.contains("voicemail not reported"))
                .anyMatch(numbers -> numbers.contains("voicemail 0% <= 5% advisory, undecided"));
    }

    @Test
    void a_gate_of_advisory_rules_only_should_be_refused_before_it_starts() {
        config.completionOnly = "false";
        config.thresholds = List.of("failed <= 2% (advisory)");

        assertThatThrownBy(config::parse)
                .hasMessage("Every rule is (advisory) (failed <= 2% (advisory)), so the gate"
                        + " would pass whatever the campaign did: add a rule that decides, such as maxFailureRatio"
                        + " (-Dosvi.maxFailureRatio=5%), or set completionOnly (-Dosvi.completionOnly=true) to wait for"
                        + " completion alone and report the advisory rules.");
    }

    @Test
    void the_marker_should_be_read_exactly_and_anything_else_in_brackets_refused() throws Exception {
        assertThat(Values.rule("thresholds", "failed<=2%(advisory)").advisory()).isTrue();
        assertThat(Values.rule("thresholds", "failed <= 2%").advisory()).isFalse();
        assertThatThrownBy(() -> Values.rule("thresholds", "failed <= 2% (advisroy)"))
                .hasMessageContaining("'(advisroy)' is not a marker of a rule; the one marker is (advisory)");
    }
}
