package ai.osvi.gate.report;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.log.InvisibleCharacters;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Json;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.Operator;
import ai.osvi.gate.rules.Ratio;
import ai.osvi.gate.rules.Rule;
import ai.osvi.gate.rules.RuleResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every gate that ran in this build so far (several executions, modules, threads of {@code -T}, plugin class realms,
 * versions of this plugin), for what later jobs read: the step outputs, {@code osvi.env} and the project properties
 * hold the worst verdict of the build, never only the last gate's.
 * <p>
 * The build's gates share one {@link #SHARED_KEY store} of JDK types only: a {@code java.util.List<String>}, created
 * with {@code Collections.synchronizedList}, whose entries are JSON objects (format {@value #FORMAT}): a gate's result
 * ({@code "kind":"gate"}) or the report names a gate took in a folder ({@code "kind":"report"}). A class of this
 * plugin would be another class in another class realm (a module with its own {@code <pluginRepositories>} or plugin
 * {@code <dependencies>}, another version of the plugin), which would never find it. Whoever changes the format
 * changes the key. Every method holds the list's own lock ({@link #lock()}), and a gate records its results and
 * writes the files later jobs read while holding it, so that the last file written holds every gate.
 */
public final class BuildResults {

    /** The key under which a Maven session keeps the shared list; its version names the entries' format. */
    public static final String SHARED_KEY = "ai.osvi:osvi-maven-plugin:build-results:v2";

    static final String FORMAT = "v1";
    /**
     * The key of the build's judged campaigns: a JDK map whose values a gate reads only when they are of its own
     * class realm, so that a later gate on the same campaign reuses the result with every output.
     */
    public static final String JUDGED_KEY = "ai.osvi:osvi-maven-plugin:judged-campaigns:v1";

    private static final ObjectMapper JSON = Json.MAPPER;

    /**
     * What later jobs read after a gate.
     *
     * @param overall     the worst verdict and outcome of every gate, with the calls and ratios of every campaign
     *                    (with a single campaign, that campaign's values)
     * @param campaigns   each campaign's values, once per campaign: a campaign gated twice gives its worse result
     * @param gates       each gate's verdict, outcome and summary by name, when more than one gate ran; else empty
     * @param directories every report directory of these gates, in the order they first ran
     */
    public record View(
            ResultValues overall,
            List<ResultValues> campaigns,
            Map<String, ResultValues> gates,
            List<Path> directories) {

        public View {
            campaigns = List.copyOf(campaigns);
            gates = Collections.unmodifiableMap(new LinkedHashMap<>(gates));
            directories = List.copyOf(directories);
        }
    }

    private final List<String> shared;
    private final Map<String, Object> judged;

    /**
     * A campaign judged by a gate of this build: what a later gate on the same campaign reuses.
     *
     * @param source where it was judged: the baseUrl, or the simulator's scenario
     * @param gate   the gate that judged it
     */
    public record Judged(CampaignResult result, GateConfig config, String source, String gate) {}

    /** Results of their own, shared with no other gate (a gate run outside Maven, a test). */
    public BuildResults() {
        this(Collections.synchronizedList(new ArrayList<>()));
    }

    /**
     * Over {@code shared}, with judged campaigns shared only in {@code judged}: a map of the build whose values a
     * gate reads only when they are of its own class realm (an object of another realm is another class: ignored).
     */
    public BuildResults(List<String> shared, Map<String, Object> judged) {
        this.shared = shared;
        this.judged = judged;
    }

    /** A new map of judged campaigns for a build's gates. */
    public static Map<String, Object> newJudgedMap() {
        return new ConcurrentHashMap<>();
    }

    /**
     * The lock that gates on campaign {@code campaignId} at {@code source} hold while they judge it, so that a gate
     * running beside another on the same campaign (modules under {@code -T}) reuses its result rather than waiting too.
     */
    public Object judging(long campaignId, String source) {
        return judged.computeIfAbsent(judgedKey(campaignId, source) + "#lock", key -> new Object());
    }

    /** The last judgement of campaign {@code campaignId} at {@code source} by a gate of this build (this realm's). */
    public Optional<Judged> earlier(long campaignId, String source) {
        return judged.get(judgedKey(campaignId, source)) instanceof Judged earlier
                ? Optional.of(earlier)
                : Optional.empty();
    }

    /** Keeps {@code judgement} for later gates of the build. */
    public void judged(Judged judgement) {
        judged.put(judgedKey(judgement.result().campaignId(), judgement.source()), judgement);
    }

    private static String judgedKey(long campaignId, String source) {
        // a realm's own: a Judged of another class realm is another class, never cast
        return "campaign " + campaignId + " at " + source + " in " + System.identityHashCode(Judged.class);
    }

    /**
     * Over {@code shared}, the list every gate of the build uses (see above), whichever class realm made it.
     *
     * @param shared a list made with {@code Collections.synchronizedList}, whose lock is the list itself
     */
    public BuildResults(List<String> shared) {
        this(shared, newJudgedMap());
    }

    /** A new shared list for a build's gates. */
    public static List<String> newSharedList() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /** The lock of the build's results, the same object in every class realm: hold it to write in step. */
    public Object lock() {
        return shared;
    }

    /**
     * Records a gate's result, or that it could not start (an invalid parameter, no token: the build's verdict is then
     * ERROR); returns what later jobs read now, across every gate of the build.
     */
    public View record(GateResult gate) {
        synchronized (shared) {
            shared.add(toJson(gate));
            return view(entry -> true);
        }
    }

    /** The values of the gates that ran for {@code project}, for its properties. */
    public View forProject(String project) {
        synchronized (shared) {
            return view(entry -> Objects.equals(entry.project(), project));
        }
    }

    /** The view of a single gate run on its own, as if it were the build's only one. */
    public static View single(List<CampaignResult> results, Path directory) {
        return new BuildResults().record(new GateResult("default", null, directory, results, null));
    }

    /**
     * The name ({@code campaign-7}) under which {@code gate} writes campaign {@code campaignId}'s reports in
     * {@code directory}: the plain name unless another gate of this build took it there, then the name followed by
     * the gate's ({@code campaign-7-advisory}), so that no gate's reports replace another's.
     */
    public String reportName(Path directory, long campaignId, String gate) {
        String folder = folder(directory);
        synchronized (shared) {
            Set<String> taken = new HashSet<>();
            for (JsonNode entry : entries()) {
                if ("report".equals(entry.path("kind").asText())
                        && folder.equals(entry.path("directory").asText())
                        && entry.path("campaignId").asLong() == campaignId) {
                    if (String.valueOf(gate).equals(entry.path("gate").asText())) {
                        return entry.path("name").asText();
                    }
                    taken.add(entry.path("name").asText());
                }
            }
            String name = ReportNames.baseName(campaignId);
            if (taken.contains(name)) {
                String ofGate = ReportNames.baseName(campaignId, String.valueOf(gate));
                name = ofGate;
                for (int n = 2; taken.contains(name); n++) {
                    name = ofGate + "-" + n;
                }
            }
            ObjectNode claim = JSON.createObjectNode();
            claim.put("kind", "report");
            claim.put("directory", folder);
            claim.put("campaignId", campaignId);
            claim.put("gate", gate);
            claim.put("name", name);
            shared.add(claim.toString());
            return name;
        }
    }

    private static String folder(Path directory) {
        return directory.toAbsolutePath().normalize().toString();
    }

    /** One gate as the shared list holds it. */
    private record Entry(
            String gate,
            String project,
            Path directory,
            Verdict verdict,
            BuildOutcome outcome,
            String summaryLine,
            boolean notStarted,
            List<RecordedCampaign> campaigns) {}

    private String toJson(GateResult gate) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "gate");
        node.put("gate", String.valueOf(gate.gate()));
        node.put("project", gate.project());
        node.put("directory", gate.directory() == null ? null : gate.directory().toString());
        node.put("verdict", gate.verdict().name());
        node.put("outcome", gate.outcome().name());
        node.put("summaryLine", gate.summaryLine());
        node.put("notStarted", gate.notStarted() != null);
        ArrayNode campaigns = node.putArray("campaigns");
        for (CampaignResult result : gate.campaigns()) {
            ObjectNode campaign = campaigns.addObject();
            campaign.put("campaignId", result.campaignId());
            campaign.put("verdict", result.verdict().name());
            campaign.put("outcome", result.outcome().name());
            campaign.put("summaryLine", result.summaryLine());
            CampaignStatus snapshot = result.waitResult().lastSnapshot();
            CallCounts calls = snapshot == null ? null : snapshot.calls();
            campaign.put(
                    "campaignName",
                    snapshot == null || snapshot.campaign() == null
                            ? null
                            : snapshot.campaign().name());
            if (calls != null) {
                campaign.put("callsTotal", calls.total());
                ObjectNode counts = campaign.putObject("counts");
                calls.byStatus().forEach(counts::put);
            }
            ArrayNode rules = campaign.putArray("rules");
            for (RuleResult judged : result.ruleResults()) {
                ObjectNode rule = rules.addObject();
                rule.set("statuses", JSON.valueToTree(judged.rule().statuses()));
                rule.put("operator", judged.rule().operator().name());
                rule.put("limit", judged.rule().limit().value().toPlainString());
                rule.put("origin", judged.rule().origin());
                rule.put("advisory", judged.rule().advisory());
            }
            if (gate.directory() != null) {
                campaign.put("reportName", claimed(folder(gate.directory()), result.campaignId(), gate.gate()));
            }
        }
        return node.toString();
    }

    /** The report name {@code gate} took for the campaign in {@code folder}, or {@code null}. */
    private String claimed(String folder, long campaignId, String gate) {
        for (JsonNode entry : entries()) {
            if ("report".equals(entry.path("kind").asText())
                    && folder.equals(entry.path("directory").asText())
                    && entry.path("campaignId").asLong() == campaignId
                    && String.valueOf(gate).equals(entry.path("gate").asText())) {
                return entry.path("name").asText();
            }
        }
        return null;
    }

    /** The shared entries, parsed; one that cannot be read (another version's, damaged) counts as an ERROR gate. */
    private List<JsonNode> entries() {
        List<JsonNode> entries = new ArrayList<>();
        for (String text : List.copyOf(shared)) {
            JsonNode entry;
            try {
                entry = JSON.readTree(text);
            } catch (JsonProcessingException | RuntimeException e) {
                entry = null;
            }
            entries.add(entry == null || !entry.isObject() ? unreadable() : entry);
        }
        return entries;
    }

    private static JsonNode unreadable() {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "gate");
        node.put("unreadable", true);
        return node;
    }

    private List<Entry> gates() {
        List<Entry> gates = new ArrayList<>();
        for (JsonNode node : entries()) {
            if ("gate".equals(node.path("kind").asText())) {
                gates.add(gate(node));
            }
        }
        return gates;
    }

    /** A gate's entry; one this version cannot read is an ERROR, never dropped: nothing unproven reads as a pass. */
    private static Entry gate(JsonNode node) {
        try {
            List<RecordedCampaign> campaigns = new ArrayList<>();
            for (JsonNode campaign : node.path("campaigns")) {
                campaigns.add(campaign(campaign));
            }
            if (node.path("unreadable").asBoolean() || !node.hasNonNull("gate") || !node.hasNonNull("verdict")) {
                throw new IllegalArgumentException("not a gate of this format");
            }
            String directory = node.path("directory").isNull()
                    ? null
                    : node.path("directory").asText(null);
            return new Entry(
                    node.path("gate").asText(),
                    node.path("project").isNull() ? null : node.path("project").asText(null),
                    directory == null ? null : Path.of(directory),
                    Verdict.valueOf(node.path("verdict").asText()),
                    BuildOutcome.valueOf(node.path("outcome").asText()),
                    node.path("summaryLine").asText(),
                    node.path("notStarted").asBoolean(),
                    campaigns);
        } catch (RuntimeException e) {
            String gate = node.path("gate").asText("unreadable");
            return new Entry(
                    gate,
                    node.path("project").asText(null),
                    null,
                    Verdict.ERROR,
                    BuildOutcome.ERROR,
                    "OSVI gate: ERROR: the result of gate " + gate + " of this build could not be read ("
                            + e.getMessage() + ")",
                    true,
                    List.of());
        }
    }

    private static RecordedCampaign campaign(JsonNode node) {
        Map<String, BigInteger> counts = new LinkedHashMap<>();
        node.path("counts")
                .fields()
                .forEachRemaining(field -> counts.put(
                        field.getKey(), new BigInteger(field.getValue().asText())));
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : node.path("rules")) {
            List<String> statuses = new ArrayList<>();
            rule.path("statuses").forEach(status -> statuses.add(status.asText()));
            rules.add(new Rule(
                    statuses,
                    Operator.valueOf(rule.path("operator").asText()),
                    Ratio.of(new BigDecimal(rule.path("limit").asText())),
                    rule.path("origin").asText(),
                    rule.path("advisory").asBoolean(false)));
        }
        return new RecordedCampaign(
                node.path("campaignId").asLong(),
                Verdict.valueOf(node.path("verdict").asText()),
                BuildOutcome.valueOf(node.path("outcome").asText()),
                node.path("summaryLine").asText(),
                node.hasNonNull("campaignName") ? node.path("campaignName").asText() : null,
                node.hasNonNull("callsTotal")
                        ? new BigInteger(node.path("callsTotal").asText())
                        : null,
                counts,
                rules,
                node.hasNonNull("reportName") ? node.path("reportName").asText() : null);
    }

    private View view(Predicate<Entry> included) {
        List<Entry> chosen = gates().stream().filter(included).toList();
        Map<Long, RecordedCampaign> worstPerCampaign = new LinkedHashMap<>();
        Map<Long, Path> directoryPerCampaign = new LinkedHashMap<>();
        for (Entry entry : chosen) {
            for (RecordedCampaign result : entry.campaigns()) {
                RecordedCampaign before = worstPerCampaign.get(result.campaignId());
                if (before == null
                        || result.verdict().severity() >= before.verdict().severity()) {
                    worstPerCampaign.put(result.campaignId(), result);
                    directoryPerCampaign.put(result.campaignId(), entry.directory());
                }
            }
        }
        List<RecordedCampaign> campaignResults = new ArrayList<>(worstPerCampaign.values());
        List<ResultValues> campaigns = new ArrayList<>();
        for (RecordedCampaign result : campaignResults) {
            campaigns.add(ResultValues.of(result, directoryPerCampaign.get(result.campaignId()), campaignResults));
        }
        Set<Path> directories = new LinkedHashSet<>();
        chosen.stream().map(Entry::directory).filter(Objects::nonNull).forEach(directories::add);

        Verdict verdict = chosen.stream().map(Entry::verdict).reduce(Verdict.PASS, Verdict::worse);
        BuildOutcome outcome = chosen.stream().map(Entry::outcome).reduce(BuildOutcome.SUCCESS, BuildOutcome::worse);
        ResultValues overall;
        if (chosen.size() == 1 && !chosen.get(0).notStarted() && campaigns.size() == 1) {
            overall = campaigns.get(0);
        } else {
            String summary = chosen.size() == 1
                    ? chosen.get(0).summaryLine()
                    : "OSVI gate: " + verdict + " "
                            + chosen.size() + " gates: "
                            + chosen.stream()
                                    .map(entry -> InvisibleCharacters.escaped(entry.gate()) + " " + entry.verdict())
                                    .collect(Collectors.joining(", "));
            overall = ResultValues.combined(verdict, outcome, summary, campaigns, campaignResults);
        }
        return new View(overall, campaigns, gatesByName(chosen), new ArrayList<>(directories));
    }

    /** Each gate's verdict, outcome and last summary, when more than one gate ran; else empty. */
    private static Map<String, ResultValues> gatesByName(List<Entry> chosen) {
        Map<String, ResultValues> gates = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        chosen.forEach(entry -> names.add(entry.gate()));
        if (names.size() > 1) {
            for (String name : names) {
                List<Entry> ofGate = chosen.stream()
                        .filter(entry -> entry.gate().equals(name))
                        .toList();
                Verdict gateVerdict = ofGate.stream().map(Entry::verdict).reduce(Verdict.PASS, Verdict::worse);
                BuildOutcome gateOutcome =
                        ofGate.stream().map(Entry::outcome).reduce(BuildOutcome.SUCCESS, BuildOutcome::worse);
                gates.put(
                        name,
                        ResultValues.verdictOnly(
                                gateVerdict,
                                gateOutcome,
                                ofGate.get(ofGate.size() - 1).summaryLine()));
            }
        }
        return gates;
    }
}
