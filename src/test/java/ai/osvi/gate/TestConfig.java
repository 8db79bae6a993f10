package ai.osvi.gate;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.RawGateConfig;

/** The mojo's parameters with their documented defaults and campaign 7, for tests. */
public final class TestConfig extends RawGateConfig {

    /**
     * Campaign 7; polling at a fixed interval, so that tests can count polls (adaptive tests say so); waiting for
     * completion alone unless a test sets rules (the mojo's default refuses a gate without rules).
     */
    public TestConfig() {
        campaignId = "7";
        pollStrategy = "fixed";
        completionOnly = "true";
    }

    public RawGateConfig raw() {
        return this;
    }

    public GateConfig parse() {
        try {
            return GateConfig.parse(this);
        } catch (InvalidConfigurationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
