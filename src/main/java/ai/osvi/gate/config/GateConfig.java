package ai.osvi.gate.config;

import ai.osvi.gate.config.Policy.OnError;
import ai.osvi.gate.config.Policy.OnInactive;
import ai.osvi.gate.config.Policy.OnInconclusive;
import ai.osvi.gate.config.Policy.OnRunning;
import ai.osvi.gate.config.Policy.OnTimeout;
import ai.osvi.gate.config.Policy.PollStrategy;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.rules.Baseline;
import ai.osvi.gate.rules.Operator;
import ai.osvi.gate.rules.Outlook;
import ai.osvi.gate.rules.Ratio;
import ai.osvi.gate.rules.Rule;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The validated settings of one gate run.
 *
 * @param baseline the campaign the rules relative to a baseline compare with, or {@code null}
 */
public record GateConfig(
        long campaignId,
        URI baseUrl,
        Duration timeout,
        Duration pollInterval,
        Duration requestTimeout,
        List<Rule> rules,
        long minCalls,
        OnInconclusive onInconclusive,
        OptionalLong uploadId,
        OnTimeout onTimeout,
        OnInactive onInactive,
        boolean failBuild,
        int maxConsecutiveErrors,
        OnError onError,
        boolean allowInsecureHttp,
        PollStrategy pollStrategy,
        Duration maxPollInterval,
        boolean failFast,
        Duration stallTimeout,
        Duration maxCampaignAge,
        OnRunning onRunning,
        Baseline baseline) {

    /** Said at start, and in the reports, when the gate awaits one upload but judges the campaign's counts. */
    public static final String UPLOAD_ID_NOTE = "uploadId only chooses which queues to await: the API gives call"
            + " counts for the whole campaign, so the rules judge every call of the campaign, earlier uploads"
            + " included.";

    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
    /** The longest pause between two polls after errors, whatever the backoff. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

    public GateConfig {
        rules = List.copyOf(rules);
    }

    /**
     * The configuration of every campaign named by {@code campaignId}, which may list several ({@code 7,8,9});
     * every value is validated before anything is sent.
     */
    public static List<GateConfig> parseAll(RawGateConfig raw) throws InvalidConfigurationException {
        List<String> ids = Values.commaSeparated(raw.campaignId == null ? List.of() : List.of(raw.campaignId));
        if (ids.size() <= 1) {
            return List.of(parse(raw));
        }
        List<GateConfig> configs = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String id : ids) {
            GateConfig config = parse(raw.withCampaignId(id));
            if (!seen.add(config.campaignId())) {
                throw new InvalidConfigurationException(
                        "campaignId",
                        "Invalid " + Values.label("campaignId") + " '"
                                + raw.campaignId + "': campaign " + config.campaignId() + " is listed twice. Accepted:"
                                + " distinct positive whole numbers, comma-separated (7,8,9) or as a campaignIds list.");
            }
            configs.add(config);
        }
        return configs;
    }

    /** The message when no rule is configured and waiting alone was not asked for. */
    public static final String NO_RULE = "No rule is configured, so the gate would judge nothing: set maxFailureRatio"
            + " (-Dosvi.maxFailureRatio=5%) or thresholds (-Dosvi.thresholds=\"failed<=5%\"), or set completionOnly"
            + " (-Dosvi.completionOnly=true) to wait for completion alone. A configuration inside an <execution> is"
            + " not used by 'mvn osvi:await-campaign' (Maven runs the default-cli execution): run"
            + " 'mvn osvi:await-campaign@<execution id>', or put the configuration at the plugin level.";

    /**
     * Validates every value of a single campaign's configuration. Every invalid value is reported at once, in one
     * exception: a user fixes them all in one go.
     */
    public static GateConfig parse(RawGateConfig raw) throws InvalidConfigurationException {
        Problems problems = new Problems();
        long campaignId = problems.check(() -> campaignId(raw.campaignId), 0L);
        boolean failBuild = problems.check(() -> Values.bool("failBuild", raw.failBuild, true), true);
        boolean failFast = problems.check(() -> Values.bool("failFast", raw.failFast, false), false);
        // an unreadable value allows nothing: no plain http, no gate without rules
        boolean allowInsecureHttp =
                problems.check(() -> Values.bool("allowInsecureHttp", raw.allowInsecureHttp, false), false);
        boolean completionOnly = problems.check(() -> Values.bool("completionOnly", raw.completionOnly, false), false);
        URI baseUrl = problems.check(() -> baseUrl(raw.baseUrl), null);
        refuseInsecureHttp(baseUrl, raw, allowInsecureHttp, problems);
        Duration timeout = problems.check(() -> Values.duration("timeout", raw.timeout), null);
        Duration pollInterval =
                problems.check(() -> Values.durationAtLeast("pollInterval", raw.pollInterval, MIN_POLL_INTERVAL), null);
        Duration requestTimeout = problems.check(() -> Values.duration("requestTimeout", raw.requestTimeout), null);
        if (timeout != null && pollInterval != null && timeout.compareTo(pollInterval) < 0) {
            problems.add(new InvalidConfigurationException(
                    "timeout",
                    "Invalid " + Values.label("timeout") + " '"
                            + raw.timeout + "': it is shorter than " + Values.label("pollInterval") + " '"
                            + raw.pollInterval
                            + "', so the gate could poll at most once. Accepted: a timeout of at least"
                            + " the poll interval."));
        }
        List<Rule> rules = rules(raw, completionOnly, problems);
        long minCalls = problems.check(
                () -> Values.positiveLong("minCalls", raw.minCalls, "the fewest calls that make a verdict"), 1L);
        OptionalLong uploadId = optionalId("uploadId", raw.uploadId, "a campaign_upload_id", problems);
        OnInconclusive onInconclusive =
                problems.check(() -> Values.choice("onInconclusive", raw.onInconclusive, OnInconclusive.class), null);
        OnTimeout onTimeout = problems.check(() -> Values.choice("onTimeout", raw.onTimeout, OnTimeout.class), null);
        OnInactive onInactive =
                problems.check(() -> Values.choice("onInactive", raw.onInactive, OnInactive.class), null);
        long maxConsecutiveErrors = problems.check(
                () -> Values.positiveLong(
                        "maxConsecutiveErrors",
                        raw.maxConsecutiveErrors,
                        "failed polls in a row that end the wait",
                        Integer.MAX_VALUE),
                1L);
        OnError onError = problems.check(() -> Values.choice("onError", raw.onError, OnError.class), null);
        PollStrategy pollStrategy =
                problems.check(() -> Values.choice("pollStrategy", raw.pollStrategy, PollStrategy.class), null);
        Duration maxPollInterval = problems.check(() -> Values.duration("maxPollInterval", raw.maxPollInterval), null);
        if (maxPollInterval != null && pollInterval != null && maxPollInterval.compareTo(pollInterval) < 0) {
            // A pollInterval above the (default) maximum simply wins: polling is then fixed at pollInterval.
            maxPollInterval = pollInterval;
        }
        Duration stallTimeout = raw.stallTimeout == null || raw.stallTimeout.isBlank()
                ? null
                : problems.check(
                        () -> Values.durationAtLeast(
                                "stallTimeout",
                                raw.stallTimeout,
                                pollInterval == null ? MIN_POLL_INTERVAL : pollInterval),
                        null);
        Duration maxCampaignAge = raw.maxCampaignAge == null || raw.maxCampaignAge.isBlank()
                ? null
                : problems.check(
                        () -> Values.durationAtLeast("maxCampaignAge", raw.maxCampaignAge, MIN_POLL_INTERVAL), null);
        OnRunning onRunning = problems.check(() -> Values.choice("onRunning", raw.onRunning, OnRunning.class), null);
        OptionalLong baselineCampaignId = optionalId(
                "baselineCampaignId",
                raw.baselineCampaignId,
                "the id of the campaign the rules relative to a baseline compare with",
                problems);
        if (!problems.concern("thresholds", "baselineCampaignId")) {
            // a rule or an id that could not be read says so itself; the two are not also said to be missing
            baselineProblem(rules, baselineCampaignId, campaignId, raw).ifPresent(problems::add);
        }
        problems.throwIfAny();
        return new GateConfig(
                campaignId,
                baseUrl,
                timeout,
                pollInterval,
                requestTimeout,
                rules,
                minCalls,
                onInconclusive,
                uploadId,
                onTimeout,
                onInactive,
                failBuild,
                (int) maxConsecutiveErrors,
                onError,
                allowInsecureHttp,
                pollStrategy,
                maxPollInterval,
                failFast,
                stallTimeout,
                maxCampaignAge,
                onRunning,
                baselineCampaignId.isPresent() ? new Baseline(baselineCampaignId.getAsLong(), null) : null);
    }

    /** Plain http sends the token in clear: only to loopback, or where allowInsecureHttp says the network is trusted. */
    private static void refuseInsecureHttp(URI baseUrl, RawGateConfig raw, boolean allowed, Problems problems) {
        if (baseUrl != null
                && baseUrl.getScheme().equals("http")
                && !isLoopback(baseUrl.getHost())
                && !allowed
                && !problems.concern("allowInsecureHttp")) {
            problems.add(new InvalidConfigurationException(
                    "baseUrl",
                    "Refusing to send the API token over plain"
                            + " http:// to " + baseUrl.getHost() + " (" + Values.label("baseUrl") + " '" + raw.baseUrl
                            + "'):"
                            + " anyone on the network path could read it. Use https://, or set allowInsecureHttp"
                            + " (-Dosvi.allowInsecureHttp=true) if this network is trusted. Plain http:// is always allowed to"
                            + " loopback addresses."));
        }
    }

    /** maxFailureRatio and thresholds as rules, with the problems of their statuses and of a gate without one. */
    private static List<Rule> rules(RawGateConfig raw, boolean completionOnly, Problems problems) {
        List<Rule> rules = new ArrayList<>();
        if (raw.maxFailureRatio != null && !raw.maxFailureRatio.isEmpty()) {
            List<String> statuses = problems.check(() -> Values.statuses("failureStatuses", raw.failureStatuses), null);
            Ratio ratio = problems.check(() -> Values.ratio("maxFailureRatio", raw.maxFailureRatio), null);
            if (statuses != null && ratio != null) {
                rules.add(new Rule(statuses, Operator.AT_MOST, ratio, "maxFailureRatio"));
            }
        }
        for (String threshold : Values.commaSeparated(raw.thresholds)) {
            Rule rule = problems.check(() -> Values.rule("thresholds", threshold), null);
            if (rule != null) {
                rules.add(rule);
            }
        }
        misspeltStatuses(rules, raw).forEach(problems::add);
        if (rules.isEmpty()
                && !completionOnly
                && !problems.concern("maxFailureRatio", "thresholds", "failureStatuses", "completionOnly")) {
            problems.add(new InvalidConfigurationException("maxFailureRatio", NO_RULE));
        } else if (!rules.isEmpty() && rules.stream().allMatch(Rule::advisory) && !completionOnly) {
            problems.add(new InvalidConfigurationException(
                    "thresholds",
                    "Every rule is " + Rule.ADVISORY
                            + " ("
                            + String.join(
                                    ", ", rules.stream().map(Rule::describe).toList()) + "), so the gate would"
                            + " pass whatever the campaign did: add a rule that decides, such as maxFailureRatio"
                            + " (-Dosvi.maxFailureRatio=5%), or set completionOnly (-Dosvi.completionOnly=true) to wait for"
                            + " completion alone and report the advisory rules."));
        }
        return rules;
    }

    /** An optional id: empty when not set, else a positive whole number. */
    private static OptionalLong optionalId(String parameter, String value, String what, Problems problems) {
        return value == null || value.isBlank()
                ? OptionalLong.empty()
                : problems.check(
                        () -> OptionalLong.of(Values.positiveLong(parameter, value, what)), OptionalLong.empty());
    }

    /**
     * A rule relative to a baseline needs baselineCampaignId, and a baselineCampaignId needs such a rule (or the user
     * believes a comparison is made that is not); the baseline is never the campaign judged.
     */
    private static Optional<InvalidConfigurationException> baselineProblem(
            List<Rule> rules, OptionalLong baselineCampaignId, long campaignId, RawGateConfig raw) {
        List<String> relative =
                rules.stream().filter(Rule::isRelative).map(Rule::describe).toList();
        if (!relative.isEmpty() && baselineCampaignId.isEmpty()) {
            return Optional.of(new InvalidConfigurationException(
                    "baselineCampaignId",
                    "Missing "
                            + Values.label("baselineCampaignId") + ": the rule" + (relative.size() == 1 ? " '" : "s '")
                            + String.join("', '", relative) + "' compare" + (relative.size() == 1 ? "s" : "")
                            + " with a baseline campaign; name it, e.g. the last release's campaign:"
                            + " -Dosvi.baselineCampaignId=41 or <baselineCampaignId>41</baselineCampaignId>."));
        }
        if (relative.isEmpty() && baselineCampaignId.isPresent()) {
            return Optional.of(new InvalidConfigurationException(
                    "baselineCampaignId",
                    "Invalid "
                            + Values.label("baselineCampaignId") + " '" + raw.baselineCampaignId + "': no rule compares"
                            + " with the baseline, so it would be read for nothing. Write a rule relative to it, such as"
                            + " -Dosvi.thresholds=\"failed <= baseline + 1%\", or remove baselineCampaignId."));
        }
        if (baselineCampaignId.isPresent() && baselineCampaignId.getAsLong() == campaignId) {
            return Optional.of(new InvalidConfigurationException(
                    "baselineCampaignId",
                    "Invalid "
                            + Values.label("baselineCampaignId") + " '" + raw.baselineCampaignId
                            + "': it is the campaign"
                            + " judged, which cannot be its own baseline. Name an earlier, completed campaign, such as the"
                            + " last release's."));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code other} judges a campaign as this does: the same configuration, but for the address of the
     * simulator when {@code simulated} (each simulated gate starts a simulator of its own, on a port of its own).
     */
    public boolean judgesAs(GateConfig other, boolean simulated) {
        return equals(other)
                || simulated
                        && variant(
                                        campaignId,
                                        other.baseUrl,
                                        rules,
                                        uploadId,
                                        failFast,
                                        stallTimeout,
                                        maxCampaignAge,
                                        baseline)
                                .equals(other);
    }

    /** Whether a baseline campaign must be read before the rules can be judged. */
    public boolean needsBaseline() {
        return rules.stream().anyMatch(rule -> rule.isRelative() && rule.limit() == null);
    }

    /** The rules relative to the baseline, their limits computed exactly from its counts. */
    public GateConfig withBaseline(CampaignStatus baselineSnapshot) {
        CallCounts baselineCalls = baselineSnapshot.calls();
        List<Rule> resolved =
                rules.stream().map(rule -> rule.resolve(baselineCalls)).toList();
        return variant(
                campaignId,
                baseUrl,
                resolved,
                uploadId,
                failFast,
                stallTimeout,
                maxCampaignAge,
                baseline.read(baselineSnapshot));
    }

    /** How the baseline campaign is read: once, with this gate's endpoint, request timeout and retries. */
    public GateConfig forBaseline() {
        return variant(baseline.campaignId(), baseUrl, List.of(), OptionalLong.empty(), false, null, null, null);
    }

    /** This configuration with the components a variant changes; every other one as it is. */
    private GateConfig variant(
            long campaignId,
            URI baseUrl,
            List<Rule> rules,
            OptionalLong uploadId,
            boolean failFast,
            Duration stallTimeout,
            Duration maxCampaignAge,
            Baseline baseline) {
        return new GateConfig(
                campaignId,
                baseUrl,
                timeout,
                pollInterval,
                requestTimeout,
                rules,
                minCalls,
                onInconclusive,
                uploadId,
                onTimeout,
                onInactive,
                failBuild,
                maxConsecutiveErrors,
                onError,
                allowInsecureHttp,
                pollStrategy,
                maxPollInterval,
                failFast,
                stallTimeout,
                maxCampaignAge,
                onRunning,
                baseline);
    }

    /**
     * A status of a rule a small edit away from a status the API documents or from another status some rule names:
     * refused now, since the typo would otherwise be found only once the campaign completed (a status the API does
     * not report counts as 0). A status identical to a known one is fine; one far from every known one waits for the
     * first snapshot. Two rules' statuses close to each other are reported once.
     */
    private static List<InvalidConfigurationException> misspeltStatuses(List<Rule> rules, RawGateConfig raw) {
        Map<String, Rule> named = new LinkedHashMap<>();
        rules.forEach(rule -> rule.statuses().forEach(status -> named.putIfAbsent(status, rule)));
        Set<String> done = new HashSet<>();
        List<InvalidConfigurationException> problems = new ArrayList<>();
        for (Rule rule : rules) {
            for (String status : rule.statuses()) {
                if (Outlook.DOCUMENTED_STATUSES.contains(status) || !done.add(status)) {
                    continue;
                }
                String parameter = rule.origin().equals("maxFailureRatio") ? "failureStatuses" : rule.origin();
                String given = Values.label(parameter) + " '"
                        + (parameter.equals("failureStatuses") ? raw.failureStatuses : rule.describe()) + "'";
                String documented =
                        " Statuses the API documents: " + String.join(", ", Outlook.DOCUMENTED_STATUSES) + ".";
                Optional<String> meant = Spelling.closeTo(status, Outlook.DOCUMENTED_STATUSES);
                if (meant.isPresent()) {
                    problems.add(new InvalidConfigurationException(
                            parameter,
                            "Invalid " + given + ": the status '"
                                    + status + "' is a small edit away from '" + meant.get() + "', a status the API"
                                    + " documents: did you mean " + meant.get()
                                    + "? A status the API does not report counts"
                                    + " as 0 calls, so the typo would otherwise show only once the campaign completed."
                                    + documented));
                    continue;
                }
                List<String> others = named.keySet().stream()
                        .filter(other -> !other.equals(status) && !done.contains(other))
                        .toList();
                Spelling.closeTo(status, others).ifPresent(other -> {
                    done.add(other);
                    Rule otherRule = named.get(other);
                    problems.add(new InvalidConfigurationException(
                            parameter,
                            "Invalid " + given + ": the status '"
                                    + status + "' is a small edit away from '" + other + "', which rule '"
                                    + otherRule.describe() + "' (" + otherRule.origin()
                                    + ") names: did you mean the same"
                                    + " status in both? A status the API does not report counts as 0 calls, so the typo would"
                                    + " otherwise show only once the campaign completed. If both are real statuses, they"
                                    + " are too alike to tell from a typo: check their spelling in OSVI."
                                    + documented));
                });
            }
        }
        return problems;
    }

    /** The invalid values found so far; {@link #throwIfAny} reports them all in one exception. */
    private static final class Problems {

        private final List<InvalidConfigurationException> found = new ArrayList<>();

        interface Parse<T> {
            T get() throws InvalidConfigurationException;
        }

        <T> T check(Parse<T> parse, T fallback) {
            try {
                return parse.get();
            } catch (InvalidConfigurationException e) {
                found.add(e);
                return fallback;
            }
        }

        void add(InvalidConfigurationException problem) {
            found.add(problem);
        }

        boolean concern(String... parameters) {
            return found.stream().anyMatch(problem -> List.of(parameters).contains(problem.parameter()));
        }

        void throwIfAny() throws InvalidConfigurationException {
            if (found.size() == 1) {
                throw found.get(0);
            }
            if (!found.isEmpty()) {
                StringBuilder message = new StringBuilder(found.size() + " invalid parameters:");
                for (InvalidConfigurationException problem : found) {
                    message.append(System.lineSeparator()).append("  - ").append(problem.getMessage());
                }
                throw new InvalidConfigurationException(
                        String.join(
                                ", ",
                                found.stream()
                                        .map(InvalidConfigurationException::parameter)
                                        .toList()),
                        message.toString());
            }
        }
    }

    private static long campaignId(String value) throws InvalidConfigurationException {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(
                    "campaignId",
                    "Missing " + Values.label("campaignId")
                            + ": say which campaign to await, e.g. -Dosvi.campaignId=7 on the command line, where each run"
                            + " names its own (a <campaignId> in the pom would win over -D in every later run).");
        }
        return Values.positiveLong("campaignId", value, "the campaign's numeric id");
    }

    private static URI baseUrl(String value) throws InvalidConfigurationException {
        String accepted = "an http:// or https:// URL without user-info, query or fragment, e.g. https://api.osvi.ai";
        String text = value == null ? "" : value.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalidBaseUrl(value, "not a URL", accepted);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalidBaseUrl(value, text.isEmpty() ? "it is empty" : "the scheme must be http or https", accepted);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalidBaseUrl(value, "it has no host", accepted);
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo the value: user-info may hold a credential.
            throw new InvalidConfigurationException(
                    "baseUrl",
                    "Invalid " + Values.label("baseUrl")
                            + ": it contains user-info (user:password@); credentials go in settings.xml or OSVI_API_TOKEN."
                            + " Accepted: " + accepted + ".");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // Never echo the query or fragment: it may hold a credential (?api_token=...).
            throw invalidBaseUrl(text.replaceFirst("[?#].*", "?..."), "it has a query or fragment", accepted);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        try {
            return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null)
                    .resolve(path.isEmpty() ? "/" : path + "/");
        } catch (URISyntaxException e) {
            throw invalidBaseUrl(value, "not a URL", accepted);
        }
    }

    /** Loopback by its literal form only: no name is resolved while validating. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.endsWith(".localhost")
                || h.equals("[::1]")
                || h.equals("::1")
                || h.matches("127(\\.\\d{1,3}){3}");
    }

    private static InvalidConfigurationException invalidBaseUrl(String value, String problem, String accepted) {
        return new InvalidConfigurationException(
                "baseUrl",
                "Invalid " + Values.label("baseUrl") + " '" + (value == null ? "" : value) + "': " + problem
                        + ". Accepted: " + accepted + ".");
    }
}
