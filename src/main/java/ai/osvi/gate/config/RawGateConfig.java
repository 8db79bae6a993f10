package ai.osvi.gate.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameter values exactly as the user wrote them, with the documented defaults; {@link GateConfig#parse} validates
 * them all at once, the booleans included (Maven would read {@code yes} as false). The defaults live here only: the mojo's parameter annotations use these constants.
 */
public class RawGateConfig {

    public static final String DEFAULT_BASE_URL = "https://api.osvi.ai";
    public static final String DEFAULT_TIMEOUT = "30m";
    public static final String DEFAULT_POLL_INTERVAL = "15s";
    public static final String DEFAULT_MAX_POLL_INTERVAL = "2m";
    public static final String DEFAULT_POLL_STRATEGY = "adaptive";
    public static final String DEFAULT_REQUEST_TIMEOUT = "30s";
    public static final String DEFAULT_FAILURE_STATUSES = "failed";
    public static final String DEFAULT_MIN_CALLS = "1";
    public static final String DEFAULT_MAX_CONSECUTIVE_ERRORS = "5";
    public static final String DEFAULT_ON_INCONCLUSIVE = "fail";
    public static final String DEFAULT_ON_TIMEOUT = "fail";
    public static final String DEFAULT_ON_RUNNING = "pass";
    public static final String DEFAULT_ON_INACTIVE = "fail";
    public static final String DEFAULT_ON_ERROR = "fail";
    public static final String DEFAULT_FAIL_BUILD = "true";
    public static final String DEFAULT_FAIL_FAST = "false";
    public static final String DEFAULT_ALLOW_INSECURE_HTTP = "false";
    public static final String DEFAULT_COMPLETION_ONLY = "false";

    public String campaignId;
    public String baseUrl = DEFAULT_BASE_URL;
    public String timeout = DEFAULT_TIMEOUT;
    public String pollInterval = DEFAULT_POLL_INTERVAL;
    public String maxPollInterval = DEFAULT_MAX_POLL_INTERVAL;
    public String pollStrategy = DEFAULT_POLL_STRATEGY;
    public String requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    public String maxFailureRatio;
    public String failureStatuses = DEFAULT_FAILURE_STATUSES;
    public List<String> thresholds = new ArrayList<>();
    public String minCalls = DEFAULT_MIN_CALLS;
    public String onInconclusive = DEFAULT_ON_INCONCLUSIVE;
    public String uploadId;
    public String onTimeout = DEFAULT_ON_TIMEOUT;
    public String onInactive = DEFAULT_ON_INACTIVE;
    public String failBuild = DEFAULT_FAIL_BUILD;
    public String maxConsecutiveErrors = DEFAULT_MAX_CONSECUTIVE_ERRORS;
    public String onError = DEFAULT_ON_ERROR;
    public String allowInsecureHttp = DEFAULT_ALLOW_INSECURE_HTTP;
    public String failFast = DEFAULT_FAIL_FAST;
    public String stallTimeout;
    public String maxCampaignAge;
    public String onRunning = DEFAULT_ON_RUNNING;
    public String completionOnly = DEFAULT_COMPLETION_ONLY;
    public String baselineCampaignId;

    /** A copy, to change for one campaign of several or for the simulator. */
    public RawGateConfig copy() {
        RawGateConfig copy = new RawGateConfig();
        copy.campaignId = campaignId;
        copy.baseUrl = baseUrl;
        copy.timeout = timeout;
        copy.pollInterval = pollInterval;
        copy.maxPollInterval = maxPollInterval;
        copy.pollStrategy = pollStrategy;
        copy.requestTimeout = requestTimeout;
        copy.maxFailureRatio = maxFailureRatio;
        copy.failureStatuses = failureStatuses;
        copy.thresholds = thresholds == null ? null : new ArrayList<>(thresholds);
        copy.minCalls = minCalls;
        copy.onInconclusive = onInconclusive;
        copy.uploadId = uploadId;
        copy.onTimeout = onTimeout;
        copy.onInactive = onInactive;
        copy.failBuild = failBuild;
        copy.maxConsecutiveErrors = maxConsecutiveErrors;
        copy.onError = onError;
        copy.allowInsecureHttp = allowInsecureHttp;
        copy.failFast = failFast;
        copy.stallTimeout = stallTimeout;
        copy.maxCampaignAge = maxCampaignAge;
        copy.onRunning = onRunning;
        copy.completionOnly = completionOnly;
        copy.baselineCampaignId = baselineCampaignId;
        return copy;
    }

    /** This configuration with another {@code baseUrl}. */
    public RawGateConfig withBaseUrl(String newBaseUrl) {
        RawGateConfig copy = copy();
        copy.baseUrl = newBaseUrl;
        return copy;
    }

    /** This configuration for one campaign of several. */
    public RawGateConfig withCampaignId(String id) {
        RawGateConfig copy = copy();
        copy.campaignId = id;
        return copy;
    }

    /** This configuration with {@code fallback} as campaignId when none is set. */
    public RawGateConfig withDefaultCampaignId(long fallback) {
        return campaignId == null || campaignId.isBlank() ? withCampaignId(Long.toString(fallback)) : copy();
    }
}
