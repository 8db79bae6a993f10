package ai.osvi.gate.config;

import java.util.List;

/** Parameter values exactly as the user wrote them; {@link GateConfig#parse} validates them all at once. */
public record RawGateConfig(
        String campaignId,
        String baseUrl,
        String timeout,
        String pollInterval,
        String requestTimeout,
        String maxFailureRatio,
        String failureStatuses,
        List<String> thresholds,
        String minCalls,
        String onInconclusive,
        String uploadId,
        String onTimeout,
        String onInactive,
        boolean failBuild,
        String maxConsecutiveErrors,
        String onError,
        boolean allowInsecureHttp) {

    public static final String DEFAULT_BASE_URL = "https://api.osvi.ai";
    public static final String DEFAULT_TIMEOUT = "30m";
    public static final String DEFAULT_POLL_INTERVAL = "15s";
    public static final String DEFAULT_REQUEST_TIMEOUT = "30s";
    public static final String DEFAULT_FAILURE_STATUSES = "failed";
    public static final String DEFAULT_MIN_CALLS = "1";
    public static final String DEFAULT_MAX_CONSECUTIVE_ERRORS = "5";

    /** This configuration with another {@code baseUrl}. */
    public RawGateConfig withBaseUrl(String newBaseUrl) {
        return new RawGateConfig(campaignId, newBaseUrl, timeout, pollInterval, requestTimeout, maxFailureRatio,
                failureStatuses, thresholds, minCalls, onInconclusive, uploadId, onTimeout, onInactive, failBuild,
                maxConsecutiveErrors, onError, allowInsecureHttp);
    }

    /** This configuration for one campaign of several. */
    public RawGateConfig withCampaignId(String id) {
        return new RawGateConfig(id, baseUrl, timeout, pollInterval, requestTimeout, maxFailureRatio,
                failureStatuses, thresholds, minCalls, onInconclusive, uploadId, onTimeout, onInactive, failBuild,
                maxConsecutiveErrors, onError, allowInsecureHttp);
    }

    /** This configuration with {@code fallback} as campaignId when none is set. */
    public RawGateConfig withDefaultCampaignId(long fallback) {
        String id = campaignId == null || campaignId.isBlank() ? Long.toString(fallback) : campaignId;
        return new RawGateConfig(id, baseUrl, timeout, pollInterval, requestTimeout, maxFailureRatio,
                failureStatuses, thresholds, minCalls, onInconclusive, uploadId, onTimeout, onInactive, failBuild,
                maxConsecutiveErrors, onError, allowInsecureHttp);
    }

    /** The defaults of every parameter, for tests and for callers outside Maven. */
    public static RawGateConfig defaults(String campaignId) {
        return new RawGateConfig(campaignId, DEFAULT_BASE_URL, DEFAULT_TIMEOUT, DEFAULT_POLL_INTERVAL,
                DEFAULT_REQUEST_TIMEOUT, null, DEFAULT_FAILURE_STATUSES, List.of(), DEFAULT_MIN_CALLS, "fail", null,
                "fail", "fail", true, DEFAULT_MAX_CONSECUTIVE_ERRORS, "fail", false);
    }
}
