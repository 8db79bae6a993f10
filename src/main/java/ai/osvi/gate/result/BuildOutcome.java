package ai.osvi.gate.result;

/** What a verdict does to the build, once {@code failBuild}, {@code onInconclusive} and {@code onTimeout} applied. */
public enum BuildOutcome {
    /**
     * The build goes on: Maven's BUILD SUCCESS, as far as the gate is concerned. Not PASS, a verdict's word, which
     * means complete and within the rules: a RUNNING campaign under {@code onRunning=pass} lets the build succeed too.
     */
    SUCCESS,
    /** The build goes on, with a warning that the gate did not pass. */
    WARN,
    /** The gate said no: the build fails ({@code MojoFailureException}). */
    FAIL,
    /** The gate could not decide: the build fails ({@code MojoExecutionException}). */
    ERROR;

    /** The worse of the two, in the order above. */
    public BuildOutcome worse(BuildOutcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
