package ai.osvi.gate;

/** What the gate concluded about a campaign. */
public enum Verdict {
    /** Completed, enough calls, every rule held. */
    PASS,
    /** At least one rule was breached. */
    FAIL,
    /** Fewer calls than {@code minCalls}: no verdict either way, never a pass. */
    INCONCLUSIVE,
    /** The deadline passed before the campaign completed. */
    TIMEOUT,
    /** Nothing changed for {@code stallTimeout}: the campaign is not progressing. */
    STALLED,
    /** The gate could not decide: token rejected, campaign not found, API unreachable or erratic, campaign inactive. */
    ERROR,
    /** The build was interrupted while waiting. */
    ABORTED
}
