package ai.osvi.gate.config;

/** A parameter has a value the gate cannot use. The message names the parameter, the value and what is accepted. */
public class InvalidConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidConfigurationException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter's name in the pom, e.g. {@code pollInterval}. */
    public String parameter() {
        return parameter;
    }
}
