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

    /**
     * Values a simulation supplies, each {@code null} when it supplies none: the simulator's address in place of
     * {@code baseUrl}; and, where the user left them unset, the scenario's campaign, its suggested rules and its
     * baseline campaign. The user's values are never changed.
     */
    public record Supplied(String baseUrl, String campaignId, List<String> thresholds, String baselineCampaignId) {

        public static final Supplied NOTHING = new Supplied(null, null, null, null);

        public Supplied {
            thresholds = thresholds == null ? null : List.copyOf(thresholds);
        }

        String baseUrl(RawGateConfig raw) {
            return baseUrl != null ? baseUrl : raw.baseUrl;
        }

        String campaignId(RawGateConfig raw) {
            return campaignId != null && isBlank(raw.campaignId) ? campaignId : raw.campaignId;
        }

        List<String> thresholds(RawGateConfig raw) {
            return thresholds != null && isBlank(raw.maxFailureRatio) && allBlank(raw.thresholds)
                    ? thresholds
                    : raw.thresholds;
        }

        String baselineCampaignId(RawGateConfig raw) {
            return baselineCampaignId != null && isBlank(raw.baselineCampaignId)
                    ? baselineCampaignId
                    : raw.baselineCampaignId;
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }

        private static boolean allBlank(List<String> values) {
            return values == null || values.stream().allMatch(Supplied::isBlank);
        }
    }
}
