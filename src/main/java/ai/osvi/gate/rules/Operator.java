package ai.osvi.gate.rules;

/** The comparison of a rule: the actual ratio must be {@code OP} the limit. */
public enum Operator {
    LESS_THAN("<", "it must be below"),
    AT_MOST("<=", "the maximum is"),
    GREATER_THAN(">", "it must be above"),
    AT_LEAST(">=", "the minimum is");

    private final String symbol;
    private final String limitPhrase;

    Operator(String symbol, String limitPhrase) {
        this.symbol = symbol;
        this.limitPhrase = limitPhrase;
    }

    public String symbol() {
        return symbol;
    }

    /** How a breach message names the limit: "but the maximum is 5%". */
    public String limitPhrase() {
        return limitPhrase;
    }

    public boolean isUpperBound() {
        return this == LESS_THAN || this == AT_MOST;
    }

    /** @param comparison {@code actual.compareTo(limit)} */
    public boolean holds(int comparison) {
        return switch (this) {
            case LESS_THAN -> comparison < 0;
            case AT_MOST -> comparison <= 0;
            case GREATER_THAN -> comparison > 0;
            case AT_LEAST -> comparison >= 0;
        };
    }

    public static Operator fromSymbol(String symbol) {
        for (Operator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return operator;
            }
        }
        throw new IllegalArgumentException("unknown operator " + symbol);
    }
}
