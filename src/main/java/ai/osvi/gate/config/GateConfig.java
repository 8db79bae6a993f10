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
 * The validated settings of one gate run, in groups: how to poll, what to judge, and what each ending does to the
 * build. Variants (another campaign of a list, the simulator's address, the baseline campaign) are made from a parsed
 * configuration, never by copying the raw values again.
 *
 * @param uploadId which upload's queues to await, or empty for the whole campaign's
 */
public record GateConfig(
        long campaignId, URI baseUrl, OptionalLong uploadId, Polling polling, Judging judging, Policies policies) {

    /** How the campaign is polled, and when the wait ends without it completing. */
    public record Polling(
            Duration timeout,
            Duration pollInterval,
            Duration maxPollInterval,
            PollStrategy strategy,
            Duration requestTimeout,
            int maxConsecutiveErrors,
            Duration stallTimeout) {}

    /**
     * What decides the verdict.
     *
     * @param baseline the campaign the rules relative to a baseline compare with, or {@code null}
     */
    public record Judging(List<Rule> rules, long minCalls, Baseline baseline) {

        public Judging {
            rules = List.copyOf(rules);
        }
    }

    /** What each ending of the wait does to the build. */
    public record Policies(
            boolean failBuild,
            boolean failFast,
            OnInconclusive onInconclusive,
            OnTimeout onTimeout,
            OnInactive onInactive,
            OnError onError,
            OnRunning onRunning,
            Duration maxCampaignAge) {}

    public Duration timeout() {
        return polling.timeout();
    }

    public Duration pollInterval() {
        return polling.pollInterval();
    }

    public Duration maxPollInterval() {
        return polling.maxPollInterval();
    }

    public PollStrategy pollStrategy() {
        return polling.strategy();
    }

    public Duration requestTimeout() {
        return polling.requestTimeout();
    }

    public int maxConsecutiveErrors() {
        return polling.maxConsecutiveErrors();
    }

    public Duration stallTimeout() {
        return polling.stallTimeout();
    }

    public List<Rule> rules() {
        return judging.rules();
    }

    public long minCalls() {
        return judging.minCalls();
    }

    public Baseline baseline() {
        return judging.baseline();
    }

    public boolean failBuild() {
        return policies.failBuild();
    }

    public boolean failFast() {
        return policies.failFast();
    }

    public OnInconclusive onInconclusive() {
        return policies.onInconclusive();
    }

    public OnTimeout onTimeout() {
        return policies.onTimeout();
    }

    public OnInactive onInactive() {
        return policies.onInactive();
    }

    public OnError onError() {
        return policies.onError();
    }

    public OnRunning onRunning() {
        return policies.onRunning();
    }

    public Duration maxCampaignAge() {
        return policies.maxCampaignAge();
    }

    /** Said at start, and in the reports, when the gate awaits one upload but judges the campaign's counts. */
    public static final String UPLOAD_ID_NOTE = "uploadId only chooses which queues to await: the API gives call"
            + " counts for the whole campaign, so the rules judge every call of the campaign, earlier uploads"
            + " included.";

    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
    /** The longest pause between two polls after errors, whatever the backoff. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

    /**
     * The configuration of every campaign named by {@code campaignId}, which may list several ({@code 7,8,9});
     * every value is validated before anything is sent.
     */
    public static List<GateConfig> parseAll(RawGateConfig raw) throws InvalidConfigurationException {
        return parseAll(raw, RawGateConfig.Supplied.NOTHING);
    }

    /** As above, with the values a simulation supplies where the user left them unset. */
    public static List<GateConfig> parseAll(RawGateConfig raw, RawGateConfig.Supplied supplied)
            throws InvalidConfigurationException {
        String listed = supplied.campaignId(raw);
        List<String> ids = Values.commaSeparated(listed == null ? List.of() : List.of(listed));
        GateConfig first = parse(raw, supplied, ids.isEmpty() ? listed : ids.get(0));
        List<GateConfig> configs = new ArrayList<>(List.of(first));
        Set<Long> seen = new HashSet<>(Set.of(first.campaignId()));
        for (String id : ids.subList(Math.min(1, ids.size()), ids.size())) {
            GateConfig config = first.forCampaign(campaignId(id));
            if (!seen.add(config.campaignId())) {
                throw new InvalidConfigurationException(
                        "campaignId",
                        "Invalid " + Values.label("campaignId") + " '"
                                + listed + "': campaign " + config.campaignId() + " is listed twice. Accepted:"
                                + " distinct positive whole numbers, comma-separated (7,8,9) or as a campaignIds list.");
            }
            if (config.baseline() != null && config.baseline().campaignId() == config.campaignId()) {
                throw new InvalidConfigurationException(
                        "baselineCampaignId", baselineIsJudged(supplied.baselineCampaignId(raw)));
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
        return parse(raw, RawGateConfig.Supplied.NOTHING, raw.campaignId);
    }

    private static GateConfig parse(RawGateConfig raw, RawGateConfig.Supplied supplied, String campaignIdText)
            throws InvalidConfigurationException {
        Problems problems = new Problems();
        long campaignId = problems.check(() -> campaignId(campaignIdText), 0L);
        boolean failBuild = problems.check(() -> Values.bool("failBuild", raw.failBuild, true), true);
        boolean failFast = problems.check(() -> Values.bool("failFast", raw.failFast, false), false);
        // an unreadable value allows nothing: no plain http, no gate without rules
        boolean allowInsecureHttp =
                problems.check(() -> Values.bool("allowInsecureHttp", raw.allowInsecureHttp, false), false);
        boolean completionOnly = problems.check(() -> Values.bool("completionOnly", raw.completionOnly, false), false);
        String baseUrlText = supplied.baseUrl(raw);
        URI baseUrl = problems.check(() -> baseUrl(baseUrlText), null);
        refuseInsecureHttp(baseUrl, baseUrlText, allowInsecureHttp, problems);
        Duration timeout = problems.check(() -> Values.duration("timeout", raw.timeout), null);
        Duration pollInterval =
                problems.check(() -> Values.durationAtLeast("pollInterval", raw.pollInterval, MIN_POLL_INTERVAL), null);
        Duration requestTimeout = problems.check(() -> Values.duration("requestTimeout", raw.requestTimeout), null);
        refuseTimeoutShorterThanPollInterval(raw, timeout, pollInterval, problems);
        List<Rule> rules = rules(raw, supplied.thresholds(raw), completionOnly, problems);
        long minCalls = problems.check(
                () -> Values.positiveLong("minCalls", raw.minCalls, "the fewest calls that make a verdict"), 1L);
        OptionalLong uploadId = optionalId("uploadId", raw.uploadId, "a campaign_upload_id", problems);
        OnInconclusive onInconclusive = problems.choice("onInconclusive", raw.onInconclusive, OnInconclusive.class);
        OnTimeout onTimeout = problems.choice("onTimeout", raw.onTimeout, OnTimeout.class);
        OnInactive onInactive = problems.choice("onInactive", raw.onInactive, OnInactive.class);
        long maxConsecutiveErrors = problems.check(
                () -> Values.positiveLong("maxConsecutiveErrors", raw.maxConsecutiveErrors, ERRORS, Integer.MAX_VALUE),
                1L);
        OnError onError = problems.choice("onError", raw.onError, OnError.class);
        PollStrategy pollStrategy = problems.choice("pollStrategy", raw.pollStrategy, PollStrategy.class);
        Duration maxPollInterval = maxPollInterval(raw, pollInterval, problems);
        Duration stallTimeout = optionalDuration(
                "stallTimeout", raw.stallTimeout, pollInterval == null ? MIN_POLL_INTERVAL : pollInterval, problems);
        Duration maxCampaignAge = optionalDuration("maxCampaignAge", raw.maxCampaignAge, MIN_POLL_INTERVAL, problems);
        OnRunning onRunning = problems.choice("onRunning", raw.onRunning, OnRunning.class);
        Baseline baseline = baseline(rules, campaignId, supplied.baselineCampaignId(raw), problems);
        problems.throwIfAny();
        Polling polling = new Polling(
                timeout,
                pollInterval,
                maxPollInterval,
                pollStrategy,
                requestTimeout,
                (int) maxConsecutiveErrors,
                stallTimeout);
        Policies policies = new Policies(
                failBuild, failFast, onInconclusive, onTimeout, onInactive, onError, onRunning, maxCampaignAge);
        return new GateConfig(campaignId, baseUrl, uploadId, polling, new Judging(rules, minCalls, baseline), policies);
    }

    private static final String ERRORS = "failed polls in a row that end the wait";

    /** maxPollInterval; a pollInterval above the (default) maximum simply wins: polling is then fixed at it. */
    private static Duration maxPollInterval(RawGateConfig raw, Duration pollInterval, Problems problems) {
        Duration maxPollInterval = problems.check(() -> Values.duration("maxPollInterval", raw.maxPollInterval), null);
        return maxPollInterval != null && pollInterval != null && maxPollInterval.compareTo(pollInterval) < 0
                ? pollInterval
                : maxPollInterval;
    }

    /** The baseline campaign named by {@code given}, or {@code null}; see {@link #baselineProblem}. */
    private static Baseline baseline(List<Rule> rules, long campaignId, String given, Problems problems) {
        OptionalLong baselineCampaignId = optionalId("baselineCampaignId", given, BASELINE, problems);
        if (!problems.concern("thresholds", "baselineCampaignId")) {
            // a rule or an id that could not be read says so itself; the two are not also said to be missing
            baselineProblem(rules, baselineCampaignId, campaignId, given).ifPresent(problems::add);
        }
        return baselineCampaignId.isPresent() ? new Baseline(baselineCampaignId.getAsLong(), null) : null;
    }

    private static final String BASELINE = "the id of the campaign the rules relative to a baseline compare with";

    private static void refuseTimeoutShorterThanPollInterval(
            RawGateConfig raw, Duration timeout, Duration pollInterval, Problems problems) {
        if (timeout != null && pollInterval != null && timeout.compareTo(pollInterval) < 0) {
            problems.add(new InvalidConfigurationException(
                    "timeout",
                    "Invalid " + Values.label("timeout") + " '"
                            + raw.timeout + "': it is shorter than " + Values.label("pollInterval") + " '"
                            + raw.pollInterval
                            + "', so the gate could poll at most once. Accepted: a timeout of at least"
                            + " the poll interval."));
        }
    }

    /** An optional duration: {@code null} when not set, else at least {@code minimum}. */
    private static Duration optionalDuration(String parameter, String value, Duration minimum, Problems problems) {
        return value == null || value.isBlank()
                ? null
                : problems.check(() -> Values.durationAtLeast(parameter, value, minimum), null);
    }

    /** Plain http sends the token in clear: only to loopback, or where allowInsecureHttp says the network is trusted. */
    private static void refuseInsecureHttp(URI baseUrl, String given, boolean allowed, Problems problems) {
        if (baseUrl != null
                && baseUrl.getScheme().equals("http")
                && !isLoopback(baseUrl.getHost())
                && !allowed
                && !problems.concern("allowInsecureHttp")) {
            problems.add(new InvalidConfigurationException(
                    "baseUrl",
                    "Refusing to send the API token over plain"
                            + " http:// to " + baseUrl.getHost() + " (" + Values.label("baseUrl") + " '" + given
                            + "'):"
                            + " anyone on the network path could read it. Use https://, or set allowInsecureHttp"
                            + " (-Dosvi.allowInsecureHttp=true) if this network is trusted. Plain http:// is always allowed to"
                            + " loopback addresses."));
        }
    }

    /** maxFailureRatio and thresholds as rules, with the problems of their statuses and of a gate without one. */
    private static List<Rule> rules(
            RawGateConfig raw, List<String> thresholds, boolean completionOnly, Problems problems) {
        List<Rule> rules = new ArrayList<>();
        if (raw.maxFailureRatio != null && !raw.maxFailureRatio.isEmpty()) {
            List<String> statuses = problems.check(() -> Values.statuses("failureStatuses", raw.failureStatuses), null);
            Ratio ratio = problems.check(() -> Values.ratio("maxFailureRatio", raw.maxFailureRatio), null);
            if (statuses != null && ratio != null) {
                rules.add(new Rule(statuses, Operator.AT_MOST, ratio, "maxFailureRatio"));
            }
        }
        for (String threshold : Values.commaSeparated(thresholds)) {
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
            List<Rule> rules, OptionalLong baselineCampaignId, long campaignId, String given) {
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
                            + Values.label("baselineCampaignId") + " '" + given + "': no rule compares"
                            + " with the baseline, so it would be read for nothing. Write a rule relative to it, such as"
                            + " -Dosvi.thresholds=\"failed <= baseline + 1%\", or remove baselineCampaignId."));
        }
        if (baselineCampaignId.isPresent() && baselineCampaignId.getAsLong() == campaignId) {
            return Optional.of(new InvalidConfigurationException("baselineCampaignId", baselineIsJudged(given)));
        }
        return Optional.empty();
    }

    private static String baselineIsJudged(String given) {
        return "Invalid " + Values.label("baselineCampaignId") + " '" + given + "': it is the campaign judged, which"
                + " cannot be its own baseline. Name an earlier, completed campaign, such as the last release's.";
    }

    /**
     * Whether {@code other} judges a campaign as this does: the same configuration, but for the address of the
     * simulator when {@code simulated} (each simulated gate starts a simulator of its own, on a port of its own).
     */
    public boolean judgesAs(GateConfig other, boolean simulated) {
        return equals(other) || simulated && withBaseUrl(other.baseUrl).equals(other);
    }

    /** Whether a baseline campaign must be read before the rules can be judged. */
    public boolean needsBaseline() {
        return rules().stream().anyMatch(rule -> rule.isRelative() && rule.limit() == null);
    }

    /** The rules relative to the baseline, their limits computed exactly from its counts. */
    public GateConfig withBaseline(CampaignStatus baselineSnapshot) {
        CallCounts baselineCalls = baselineSnapshot.calls();
        List<Rule> resolved =
                rules().stream().map(rule -> rule.resolve(baselineCalls)).toList();
        return new GateConfig(
                campaignId,
                baseUrl,
                uploadId,
                polling,
                new Judging(resolved, minCalls(), baseline().read(baselineSnapshot)),
                policies);
    }

    /**
     * How the baseline campaign is read: once ({@code CampaignWaiter.checkOnce}), with this gate's endpoint, request
     * timeout, retries and policies, for the whole campaign and with no rule (so nothing can be certain early, and a
     * stall or an age is never judged: one answer ends the read).
     */
    public GateConfig forBaseline() {
        return new GateConfig(
                baseline().campaignId(),
                baseUrl,
                OptionalLong.empty(),
                polling,
                new Judging(List.of(), minCalls(), null),
                policies);
    }

    /** This configuration for another campaign of the same list. */
    public GateConfig forCampaign(long otherCampaignId) {
        return new GateConfig(otherCampaignId, baseUrl, uploadId, polling, judging, policies);
    }

    /** This configuration at another address: the simulator's. */
    public GateConfig withBaseUrl(URI otherBaseUrl) {
        return new GateConfig(campaignId, otherBaseUrl, uploadId, polling, judging, policies);
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

        <E extends Enum<E>> E choice(String parameter, String value, Class<E> type) {
            return check(() -> Values.choice(parameter, value, type), null);
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
