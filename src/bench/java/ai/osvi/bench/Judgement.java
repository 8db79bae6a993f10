package ai.osvi.bench;

/**
 * What every approach computes from one snapshot: completion (at least one queue, all completed), the call counts
 * the two benchmark rules need, and whether each rule holds ({@code failed <= 5%}, {@code picked >= 60%}).
 */
public record Judgement(boolean complete, long total, long failed, long picked, boolean failedRuleHolds,
        boolean pickedRuleHolds) {

    /** The two rules, as the plugin's configuration would state them. */
    public static final String FAILED_RULE = "failed <= 5%";
    public static final String PICKED_RULE = "picked >= 60%";

    /** The baselines' exact, unvalidated version of the two rules: count / total OP limit, in whole numbers. */
    static Judgement of(boolean complete, long total, long failed, long picked) {
        return new Judgement(complete, total, failed, picked, failed * 100 <= 5 * total, picked * 100 >= 60 * total);
    }
}
