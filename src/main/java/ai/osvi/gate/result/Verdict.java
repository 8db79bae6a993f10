package ai.osvi.gate.result;

/** What the gate concluded about a campaign. */
public enum Verdict {
    /** Completed, enough calls, every rule held. Never given to a campaign that did not complete. */
    PASS,
    /** A one-shot check ({@code check-campaign}) found the campaign still running, no breach certain yet: check again. */
    RUNNING,
    /** At least one rule was breached. */
    FAIL,
    /** Fewer calls than {@code minCalls}: no verdict either way, never a pass. */
    INCONCLUSIVE,
    /**
     * The deadline passed before the campaign completed. Under {@code onTimeout=evaluate} with the rules holding on
     * the last snapshot, still TIMEOUT (with the evaluation attached, and a warning rather than a failed build); a
     * breach on it is a FAIL, too few calls INCONCLUSIVE.
     */
    TIMEOUT,
    /** Nothing changed for {@code stallTimeout}: the campaign is not progressing. */
    STALLED,
    /** The gate could not decide: token rejected, campaign not found, API unreachable or erratic, campaign inactive. */
    ERROR,
    /** The build was interrupted while waiting. */
    ABORTED;

    /** How bad a verdict is, for the worst of several: PASS the least, then RUNNING, INCONCLUSIVE, FAIL, TIMEOUT, STALLED, ERROR. */
    public int severity() {
        return switch (this) {
            case PASS -> 0;
            case RUNNING -> 1;
            case INCONCLUSIVE -> 2;
            case FAIL -> 3;
            case TIMEOUT -> 4;
            case STALLED -> 5;
            case ERROR -> 6;
            case ABORTED -> 7;
        };
    }

    /** The worse of the two. */
    public Verdict worse(Verdict other) {
        return other.severity() > severity() ? other : this;
    }
}
