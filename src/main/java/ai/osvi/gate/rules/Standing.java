package ai.osvi.gate.rules;

/**
 * Where a rule stands on a snapshot, given what the calls still to come can do: the same words in the log, the
 * reports and the outputs. Only {@link #BREACHED} and {@link #CERTAIN} are failures of the rule.
 */
public enum Standing {
    /** Completed, and within the limit whatever the calls no status accounts for were. */
    HELD("held"),
    /** Completed, and beyond the limit whatever the calls no status accounts for were. */
    BREACHED("breached"),
    /** Not completed, and no way of completing the remaining calls brings it back within the limit. */
    CERTAIN("breached, certain"),
    /** Not completed; beyond the limit now, but the remaining calls could bring it back. */
    BREACHED_SO_FAR("breached so far"),
    /** Not completed; within the limit now, or not decided by the calls made so far. */
    HELD_SO_FAR("held so far"),
    /** Completed, but calls that no status of {@code by_status} accounts for could put it on either side. */
    UNDECIDED("undecided");

    private final String words;

    Standing(String words) {
        this.words = words;
    }

    /** "breached, certain": how every output names it. */
    public String words() {
        return words;
    }

    /** A breach that stands: on the final counts, or certain before completion. */
    public boolean isFailure() {
        return this == BREACHED || this == CERTAIN;
    }
}
