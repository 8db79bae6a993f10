package ai.osvi.gate;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.RawGateConfig;
import java.util.ArrayList;
import java.util.List;

/** A mutable stand-in for the mojo's parameters, with the documented defaults. */
public final class TestConfig {

    public String campaignId = "7";
    public String baseUrl = RawGateConfig.DEFAULT_BASE_URL;
    public String timeout = "30m";
    public String pollInterval = "15s";
    public String requestTimeout = "30s";
    public String maxFailureRatio;
    public String failureStatuses = "failed";
    public List<String> thresholds = new ArrayList<>();
    public String minCalls = "1";
    public String onInconclusive = "fail";
    public String uploadId;
    public String onTimeout = "fail";
    public String onInactive = "fail";
    public boolean failBuild = true;
    public String maxConsecutiveErrors = "5";
    public String onError = "fail";
    public boolean allowInsecureHttp;

    public RawGateConfig raw() {
        return new RawGateConfig(campaignId, baseUrl, timeout, pollInterval, requestTimeout, maxFailureRatio,
                failureStatuses, thresholds, minCalls, onInconclusive, uploadId, onTimeout, onInactive, failBuild,
                maxConsecutiveErrors, onError, allowInsecureHttp);
    }

    public GateConfig parse() {
        try {
            return GateConfig.parse(raw());
        } catch (InvalidConfigurationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
