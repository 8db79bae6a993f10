package ai.osvi.gate.rules;

/**
 * The outcome of one rule on one snapshot.
 *
 * @param shownActual the actual ratio as shown to users, consistent with {@code passed}
 */
public record RuleResult(Rule rule, long count, long total, String shownActual, boolean passed) {

    /** "failed ratio is 7.5%, but the maximum is 5%". */
    public String breachMessage() {
        return rule.subject() + " ratio is " + shownActual + ", but " + rule.operator().limitPhrase() + " "
                + rule.limit();
    }

    /** {@code "<= 5%"}. */
    public String shownLimit() {
        return rule.operator().symbol() + " " + rule.limit();
    }
}
