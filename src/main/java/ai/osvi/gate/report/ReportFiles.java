package ai.osvi.gate.report;

import ai.osvi.gate.client.PluginVersion;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import ai.osvi.gate.polling.Timeline;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Evidence;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.RuleResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The report files of one campaign, written on every outcome and atomically (a temporary file, then a move), so a
 * CI step never reads half a report: {@code campaign-<id>.json}, the JUnit XML {@code TEST-osvi-campaign-<id>.xml},
 * and, once a snapshot was received, the chart {@code campaign-<id>.svg}. When another gate of the build already
 * wrote that campaign's reports into the same folder, the name carries the gate: {@code campaign-<id>-<gate>.json}
 * ({@link BuildResults#reportName}), and no gate's report replaces another's.
 */
public final class ReportFiles {

    /**
     * The layout of the JSON report, for a reader such as a replay: 2 added each snapshot's uploads and campaign
     * status to the timeline, which a replay serves again.
     */
    public static final int REPORT_FORMAT = 2;

    /** The names of the reports this plugin writes (and {@code osvi.env}, a report to come); nothing else. */
    private static final Pattern REPORT_NAME = Pattern.compile(
            "campaign-\\d+(-[A-Za-z0-9._-]+)?\\.(json|svg)|TEST-osvi-campaign-\\d+(-[A-Za-z0-9._-]+)?\\.xml"
                    + "|TEST-osvi-campaign-not-started\\.xml|osvi\\.env");

    /** The JUnit report of a gate that stopped before its first request; CI globs on TEST-osvi-campaign-*.xml find it. */
    public static final String NOT_STARTED_JUNIT = "TEST-osvi-campaign-not-started.xml";

    /**
     * Builds and writes {@code campaign-<id>.json}; immutable once built, so one for every report. The layout is
     * Jackson's default pretty printer ({@code "name" : value}, two spaces an indent, {@code [ "failed" ]},
     * {@code [ {}); numbers are written as they are held, a {@code BigDecimal} with its scale ({@code 0.000}).
     */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final ObjectWriter PRETTY = JSON.writerWithDefaultPrettyPrinter();

    private ReportFiles() {}

    /**
     * Reports in {@code directory} older than this build are an earlier build's (a reused CI workspace): removed, so
     * that a CI step never publishes them beside this build's. Reports written by earlier executions of this build
     * stay. Nothing is done when the directory or the build's start is unknown ({@code null}).
     */
    public static void removeReportsOfEarlierBuilds(Path directory, Instant buildStart, Path replayed, GateLog log) {
        if (directory == null || buildStart == null) {
            return;
        }
        try {
            List<Path> removed = removeReportsOlderThan(directory, buildStart, replayed);
            if (!removed.isEmpty()) {
                log.info("Removed " + removed.size() + (removed.size() == 1 ? " report" : " reports")
                        + " of an earlier build from " + directory + " (last modified before this build started).");
                removed.forEach(file -> log.debug("Removed " + file));
            }
        } catch (IOException e) {
            log.warn("Could not remove every report of an earlier build from " + directory + " (" + e
                    + "): a CI step collecting the reports may publish them beside this build's.");
        }
    }

    /**
     * Removes from {@code directory} the reports this plugin writes ({@code campaign-<id>.json},
     * {@code campaign-<id>.svg}, {@code TEST-osvi-campaign-<id>.xml}, {@code osvi.env}) that were last modified
     * before {@code cutoff}, so that a CI step collecting {@code TEST-osvi-campaign-*.xml} never publishes the
     * verdict of an earlier build beside this one's. Other files, folders and symbolic links are left alone, as are
     * reports written at or after {@code cutoff} (by earlier executions of the same build). A missing directory
     * removes nothing.
     *
     * @return the files removed
     * @throws IOException when the directory cannot be read or a report cannot be removed (after trying the others)
     */
    public static List<Path> removeReportsOlderThan(Path directory, Instant cutoff, Path replayed) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return removed;
        }
        IOException failure = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                directory,
                entry -> REPORT_NAME.matcher(entry.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                try {
                    if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                            && !isReplayed(entry, replayed)
                            && Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS)
                                    .toInstant()
                                    .isBefore(cutoff)) {
                        Files.delete(entry);
                        removed.add(entry);
                    }
                } catch (NoSuchFileException e) {
                    // removed meanwhile by someone else: nothing left to do
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return removed;
    }

    /** Whether {@code entry} is the report a simulation replays (kept: the run reads it). */
    private static boolean isReplayed(Path entry, Path replayed) {
        return replayed != null
                && entry.toAbsolutePath()
                        .normalize()
                        .equals(replayed.toAbsolutePath().normalize());
    }

    /** {@code campaign-7}: the name of a campaign's reports. */
    public static String baseName(long campaignId) {
        return "campaign-" + campaignId;
    }

    /**
     * {@code campaign-7-advisory}: the name of a campaign's reports by {@code gate} when another gate wrote that
     * campaign's first; every character of the gate's name but {@code [A-Za-z0-9._-]} becomes {@code _}.
     */
    public static String baseName(long campaignId, String gate) {
        StringBuilder safe = new StringBuilder();
        gate.codePoints()
                .forEach(c -> safe.append(
                        c < 128 && (Character.isLetterOrDigit(c) || "._-".indexOf(c) >= 0) ? (char) c : '_'));
        return baseName(campaignId) + "-" + safe;
    }

    public static Path jsonFile(Path directory, long campaignId) {
        return jsonFile(directory, baseName(campaignId));
    }

    public static Path junitFile(Path directory, long campaignId) {
        return junitFile(directory, baseName(campaignId));
    }

    public static Path chartFile(Path directory, long campaignId) {
        return chartFile(directory, baseName(campaignId));
    }

    /** @param name the reports' name, {@link #baseName} */
    public static Path jsonFile(Path directory, String name) {
        return directory.resolve(name + ".json");
    }

    public static Path junitFile(Path directory, String name) {
        return directory.resolve("TEST-osvi-" + name + ".xml");
    }

    public static Path chartFile(Path directory, String name) {
        return directory.resolve(name + ".svg");
    }

    /** Whether {@link #write} draws the chart for {@code result}: when at least one snapshot was received. */
    public static boolean hasChart(CampaignResult result) {
        return !result.waitResult().timeline().isEmpty();
    }

    /** Writes the files into {@code directory}, creating it if needed. */
    public static void write(Path directory, CampaignResult result, GateConfig config, Instant finishedAt)
            throws IOException {
        write(directory, result, config, finishedAt, UnaryOperator.identity());
    }

    /**
     * As above, with {@code redactor} applied to every text the files hold (names and values, before escaping)
     * and to each file as a whole: the snapshot quotes what the API sent.
     */
    public static void write(
            Path directory,
            CampaignResult result,
            GateConfig config,
            Instant finishedAt,
            UnaryOperator<String> redactor)
            throws IOException {
        write(directory, result, config, finishedAt, redactor, null);
    }

    /** As above; {@code simulation} names the simulator's scenario when the run was simulated, else {@code null}. */
    public static void write(
            Path directory,
            CampaignResult result,
            GateConfig config,
            Instant finishedAt,
            UnaryOperator<String> redactor,
            String simulation)
            throws IOException {
        write(directory, baseName(result.campaignId()), result, config, finishedAt, redactor, simulation);
    }

    /** As above, under {@code name} ({@link #baseName}): {@code name.json}, {@code TEST-osvi-name.xml}... */
    public static void write(
            Path directory,
            String name,
            CampaignResult result,
            GateConfig config,
            Instant finishedAt,
            UnaryOperator<String> redactor,
            String simulation)
            throws IOException {
        Files.createDirectories(directory);
        writeAtomically(
                jsonFile(directory, name),
                redactor.apply(
                        PRETTY.writeValueAsString(redacted(json(result, config, finishedAt, simulation), redactor))
                                + "\n"));
        writeAtomically(
                junitFile(directory, name),
                redactor.apply(junit(result, config, finishedAt, redactor, simulation, suite(name))));
        Path chart = chartFile(directory, name);
        if (hasChart(result)) {
            writeAtomically(chart, redactor.apply(CampaignChart.svg(result, config, redactor, simulation)));
        } else {
            // an earlier execution of this build may have drawn this campaign: its course is not this result's
            Files.deleteIfExists(chart);
        }
    }

    /**
     * Writes {@code content} to a new file beside {@code target}, then moves it into place. The temporary file is
     * created as any other file (not with {@code Files.createTempFile}, which makes it readable by its owner only), so
     * the report gets the permissions every other build output gets.
     */
    static void writeAtomically(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(
                    temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(content);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static ObjectNode json(CampaignResult result, GateConfig config, Instant finishedAt) {
        return json(result, config, finishedAt, null);
    }

    static ObjectNode json(CampaignResult result, GateConfig config, Instant finishedAt, String simulation) {
        WaitResult wait = result.waitResult();
        ObjectNode root = JSON.createObjectNode();
        root.put("campaignId", result.campaignId());
        root.put("verdict", result.verdict().name());
        root.put("buildOutcome", result.outcome().name());
        root.put("summary", result.summaryLine());
        root.set("details", JSON.valueToTree(result.details()));
        root.put("finishedAt", DateTimeFormatter.ISO_INSTANT.format(finishedAt));
        root.put("pluginVersion", PluginVersion.version());
        root.put("reportFormat", REPORT_FORMAT);
        root.put("simulation", simulation);
        List<String> notes = new ArrayList<>();
        if (config.uploadId().isPresent() && !config.rules().isEmpty()) {
            notes.add(GateConfig.UPLOAD_ID_NOTE);
        }
        root.set("notes", JSON.valueToTree(notes));

        ObjectNode settings = root.putObject("settings");
        settings.put("baseUrl", config.baseUrl().toString());
        settings.put(
                "uploadId", config.uploadId().isPresent() ? config.uploadId().getAsLong() : null);
        settings.put("timeout", Values.format(config.timeout()));
        settings.put("pollInterval", Values.format(config.pollInterval()));
        settings.put("requestTimeout", Values.format(config.requestTimeout()));
        settings.put("minCalls", config.minCalls());
        settings.put("onInconclusive", lower(config.onInconclusive()));
        settings.put("onTimeout", lower(config.onTimeout()));
        settings.put("onInactive", lower(config.onInactive()));
        settings.put("onError", lower(config.onError()));
        settings.put("maxConsecutiveErrors", config.maxConsecutiveErrors());
        settings.put("failBuild", config.failBuild());

        ObjectNode waitNode = root.putObject("wait");
        waitNode.put("outcome", wait.outcome().name());
        waitNode.put("elapsedSeconds", seconds(wait.elapsed().toMillis()));
        waitNode.put("polls", wait.polls());
        waitNode.put("errors", wait.errors());
        waitNode.put("lastError", wait.error() == null ? null : wait.error().getMessage());
        waitNode.put("timelinePointsDropped", wait.timeline().dropped());
        waitNode.set("warnings", JSON.valueToTree(wait.warnings()));

        ArrayNode rules = root.putArray("rules");
        List<RuleResult> results = result.ruleResults();
        for (RuleResult r : results) {
            ObjectNode rule = rules.addObject();
            rule.put("rule", r.rule().describe());
            rule.set("statuses", JSON.valueToTree(r.rule().statuses()));
            rule.put("operator", r.rule().operator().symbol());
            rule.put("limit", r.rule().limit().value());
            rule.put("limitText", r.rule().limitText());
            if (r.rule().isRelative()) {
                ObjectNode baseline = rule.putObject("baseline");
                baseline.put("ratio", r.rule().baseline().value());
                baseline.put("ratioText", r.rule().baseline().toString());
                baseline.put("adjustment", r.rule().relative().adjustmentText());
                // as text: a JSON reader may take a long number for a double
                baseline.put("limitNumerator", r.rule().limit().numerator().toPlainString());
                baseline.put("limitDenominator", r.rule().limit().denominator().toString());
            }
            rule.put("count", r.count());
            rule.put("total", r.total());
            rule.put("actual", r.actualRatio());
            rule.put("actualText", r.shownActual());
            rule.put("advisory", r.rule().advisory());
            rule.put("result", r.standing().name());
            rule.put("standing", r.words());
        }
        ObjectNode evidence = root.putObject("evidence");
        evidence.put("passProven", result.evidence().allHold());
        ArrayNode checks = evidence.putArray("checks");
        for (Evidence.Check check : result.evidence().checks()) {
            ObjectNode item = checks.addObject();
            item.put("item", check.item().key());
            item.put("claim", check.item().claim());
            item.put("holds", check.holds());
            item.put("numbers", check.numbers());
        }
        CampaignStatus snapshot = wait.lastSnapshot();
        if (snapshot == null) {
            root.putNull("snapshot");
        } else {
            ObjectNode snapshotNode = snapshot(snapshot);
            // after the API's fields, even should the API ever send one of these names itself
            snapshotNode.remove(List.of("queuesAwaited", "queuesCompleted", "uploadsWithoutQueue", "complete"));
            snapshotNode.put("queuesAwaited", snapshot.awaitedQueues(config.uploadId()));
            snapshotNode.put("queuesCompleted", snapshot.completedQueues(config.uploadId()));
            snapshotNode.set("uploadsWithoutQueue", JSON.valueToTree(snapshot.uploadsWithoutQueue(config.uploadId())));
            snapshotNode.put("complete", snapshot.isComplete(config.uploadId()));
            root.set("snapshot", snapshotNode);
        }
        root.set("timeline", timeline(wait.timeline()));
        if (config.baseline() != null) {
            ObjectNode baseline = root.putObject("baseline");
            baseline.put("campaignId", config.baseline().campaignId());
            CampaignStatus read = config.baseline().snapshot();
            baseline.set("snapshot", read == null ? null : snapshot(read));
        }
        return root;
    }

    /**
     * A copy of the API's own {@code data} object as it was sent (every field, unknown ones included, in the API's
     * order), or, for a snapshot built in code, what the model holds in the API's field names.
     */
    private static ObjectNode snapshot(CampaignStatus snapshot) {
        if (snapshot.data() != null && snapshot.data().isObject()) {
            return snapshot.data().deepCopy();
        }
        ObjectNode data = JSON.createObjectNode();
        ObjectNode campaign = data.putObject("campaign");
        campaign.put("id", snapshot.campaign().id());
        campaign.put("name", snapshot.campaign().name());
        campaign.put("status", snapshot.campaign().status());
        campaign.put("is_retry_enabled", snapshot.campaign().retryEnabled());
        campaign.put("retry_threshold", snapshot.campaign().retryThreshold());
        campaign.put("retry_delay", snapshot.campaign().retryDelaySeconds());
        ObjectNode calls = data.putObject("calls");
        calls.put("total", snapshot.calls().total());
        calls.set("by_status", JSON.valueToTree(snapshot.calls().byStatus()));
        ArrayNode uploads = data.putArray("uploads");
        for (Upload upload : snapshot.uploads()) {
            ObjectNode node = uploads.addObject();
            node.put("campaign_upload_id", upload.campaignUploadId());
            node.put("queue_count", upload.queues());
            node.put("queues_completed", upload.completedQueues());
            node.put("total_queued", upload.totalQueued());
        }
        return data;
    }

    /** A point per snapshot received, oldest first; see {@link Timeline} for how a long wait is thinned. */
    private static ArrayNode timeline(Timeline timeline) {
        ArrayNode points = JSON.createArrayNode();
        for (Timeline.Point point : timeline.points()) {
            ObjectNode node = points.addObject();
            node.put("elapsedSeconds", seconds(point.elapsed().toMillis()));
            node.put("queuesCompleted", point.queuesCompleted());
            node.put("queuesAwaited", point.queuesAwaited());
            node.put("callsTotal", point.calls().total());
            node.set("byStatus", JSON.valueToTree(point.calls().byStatus()));
            node.put("campaignStatus", point.campaignStatus());
            ArrayNode uploads = node.putArray("uploads");
            point.uploads()
                    .forEach(upload -> uploads.addObject()
                            .put("campaign_upload_id", upload.campaignUploadId())
                            .put("queue_count", upload.queues())
                            .put("queues_completed", upload.completedQueues())
                            .put("total_queued", upload.totalQueued()));
        }
        return points;
    }

    /** A copy of {@code node} with {@code redactor} applied to every text in it, names included. */
    private static JsonNode redacted(JsonNode node, UnaryOperator<String> redactor) {
        if (node.isTextual()) {
            return TextNode.valueOf(redactor.apply(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties()
                    .forEach(field -> copy.set(redactor.apply(field.getKey()), redacted(field.getValue(), redactor)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(redacted(element, redactor)));
            return copy;
        }
        return node;
    }

    /**
     * JUnit XML as Jenkins' junit step and GitLab's junit reports read it: one test case for completion, one per
     * rule; a breach is a failure carrying "actual vs limit", a rule that could not be judged is skipped, a gate
     * that could not decide is an error.
     */
    static String junit(CampaignResult result, GateConfig config, Instant finishedAt) {
        return junit(result, config, finishedAt, UnaryOperator.identity());
    }

    static String junit(CampaignResult result, GateConfig config, Instant finishedAt, UnaryOperator<String> redactor) {
        return junit(result, config, finishedAt, redactor, null);
    }

    static String junit(
            CampaignResult result,
            GateConfig config,
            Instant finishedAt,
            UnaryOperator<String> redactor,
            String simulation) {
        return junit(result, config, finishedAt, redactor, simulation, suite(baseName(result.campaignId())));
    }

    /** The test suite of the reports named {@code name}: {@code osvi.campaign.7}, {@code osvi.campaign.7.advisory}. */
    static String suite(String name) {
        return "osvi." + name.replaceFirst("^campaign-(\\d+)-?", "campaign.$1.").replaceFirst("\\.$", "");
    }

    static String junit(
            CampaignResult result,
            GateConfig config,
            Instant finishedAt,
            UnaryOperator<String> redactor,
            String simulation,
            String suite) {
        WaitResult wait = result.waitResult();
        List<RuleResult> judged = result.ruleResults();
        boolean rulesJudged = !judged.isEmpty();
        int tests = 1 + config.rules().size();
        int failures = (int) judged.stream().filter(RuleResult::fails).count();
        int errors = 0;
        int skipped = rulesJudged ? 0 : config.rules().size();
        CampaignStatus snapshot = wait.lastSnapshot();
        boolean complete = snapshot != null && snapshot.isComplete(config.uploadId());
        // The completion test case carries whatever made the build fail other than a breached rule, so that the CI
        // test tab never shows green beside a failed build: a timeout or an inconclusive result is a failure (the
        // gate's answer was no), anything the gate could not decide on is an error.
        String completion;
        switch (result.verdict()) {
            case ERROR, STALLED, ABORTED -> completion = "error";
            case TIMEOUT -> completion = "failure";
            case INCONCLUSIVE -> completion = result.outcome() == BuildOutcome.FAIL ? "failure" : null;
            // not complete yet, which a later check decides: not a test that passed, nor one that failed
            case RUNNING -> completion = result.outcome() == BuildOutcome.FAIL ? "failure" : "skipped";
            default ->
                completion = switch (wait.outcome()) {
                    case COMPLETED -> null;
                    case TIMED_OUT -> "failure";
                    default -> "error";
                };
        }
        if ("error".equals(completion)) {
            errors++;
        } else if ("failure".equals(completion)) {
            failures++;
        } else if ("skipped".equals(completion)) {
            skipped++;
        }
        XmlWriter xml = new XmlWriter(redactor);
        xml.start("testsuite");
        xml.attribute("name", suite);
        xml.attribute("tests", Integer.toString(tests));
        xml.attribute("failures", Integer.toString(failures));
        xml.attribute("errors", Integer.toString(errors));
        xml.attribute("skipped", Integer.toString(skipped));
        xml.attribute("time", seconds(wait.elapsed().toMillis()).toPlainString());
        xml.attribute(
                "timestamp",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(finishedAt
                        .minus(wait.elapsed())
                        .atOffset(ZoneOffset.UTC)
                        .withNano(0)));
        xml.text("\n  ");
        xml.start("properties");
        property(xml, "verdict", result.verdict().name());
        property(xml, "buildOutcome", result.outcome().name());
        property(xml, "summary", result.summaryLine());
        if (simulation != null) {
            property(xml, "simulation", simulation);
        }
        property(xml, "polls", Integer.toString(wait.polls()));
        property(xml, "pollErrors", Integer.toString(wait.errors()));
        if (snapshot != null) {
            property(xml, "calls.total", Long.toString(snapshot.calls().total()));
        }
        xml.text("\n  ");
        xml.end();

        xml.text("\n  ");
        xml.start("testcase");
        xml.attribute("classname", suite);
        xml.attribute("name", "campaign " + result.campaignId() + " completed");
        xml.attribute("time", seconds(wait.elapsed().toMillis()).toPlainString());
        if (completion != null) {
            String message = result.summaryLine();
            String body = String.join("\n", result.details());
            String type = "skipped".equals(completion)
                    ? null
                    : result.verdict() == Verdict.INCONCLUSIVE
                            ? "INCONCLUSIVE"
                            : !complete
                                    ? wait.outcome().name()
                                    : result.verdict() == Verdict.ERROR ? "ERROR" : "Verdict";
            element(xml, completion, type, message, body);
        }
        xml.end();

        for (int i = 0; i < config.rules().size(); i++) {
            xml.text("\n  ");
            xml.start("testcase");
            xml.attribute("classname", suite);
            xml.attribute("name", config.rules().get(i).describe());
            xml.attribute("time", "0");
            if (!rulesJudged) {
                element(xml, "skipped", null, "not judged: " + result.summary(), null);
            } else {
                RuleResult r = judged.get(i);
                if (r.fails()) {
                    element(
                            xml,
                            "failure",
                            "RuleBreached",
                            r.breachMessage(),
                            "actual " + r.shownActual()
                                    + " vs limit " + r.shownLimit() + " (" + r.count() + " of " + r.total()
                                    + " calls), "
                                    + r.words());
                } else if (r.breachedAdvisory()) {
                    // judged and shown, but a test that fails would make the CI's build unstable
                    xml.start("system-out");
                    xml.text(r.words() + ": " + r.breachMessage() + "; it does not change the verdict.");
                    xml.end();
                }
            }
            xml.end();
        }
        xml.text("\n");
        xml.end();
        xml.text("\n");
        return xml.toString();
    }

    /**
     * Writes {@link #NOT_STARTED_JUNIT}: one test case, in error, whose message is {@code summaryLine} and whose body
     * is {@code reason} (what is wrong and how to fix it), so that a CI's test tab shows why the gate stopped.
     */
    public static Path writeNotStarted(
            Path directory, String summaryLine, String reason, Instant finishedAt, UnaryOperator<String> redactor)
            throws IOException {
        Files.createDirectories(directory);
        XmlWriter xml = new XmlWriter(redactor);
        xml.start("testsuite");
        xml.attribute("name", "osvi.campaign.not-started");
        xml.attribute("tests", "1");
        xml.attribute("failures", "0");
        xml.attribute("errors", "1");
        xml.attribute("skipped", "0");
        xml.attribute("time", "0");
        xml.attribute(
                "timestamp",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        finishedAt.atOffset(ZoneOffset.UTC).withNano(0)));
        xml.text("\n  ");
        xml.start("properties");
        property(xml, "verdict", "ERROR");
        property(xml, "buildOutcome", "ERROR");
        property(xml, "summary", summaryLine);
        xml.text("\n  ");
        xml.end();
        xml.text("\n  ");
        xml.start("testcase");
        xml.attribute("classname", "osvi.campaign.not-started");
        xml.attribute("name", "the gate started");
        xml.attribute("time", "0");
        element(xml, "error", "NotStarted", summaryLine, reason);
        xml.end();
        xml.text("\n");
        xml.end();
        xml.text("\n");
        Path file = directory.resolve(NOT_STARTED_JUNIT);
        writeAtomically(file, redactor.apply(xml.toString()));
        return file;
    }

    private static void property(XmlWriter xml, String name, String value) {
        xml.text("\n    ");
        xml.start("property").attribute("name", name).attribute("value", value).end();
    }

    private static void element(XmlWriter xml, String name, String type, String message, String body) {
        xml.start(name);
        if (type != null) {
            xml.attribute("type", type);
        }
        xml.attribute("message", message);
        if (body != null && !body.isEmpty()) {
            xml.text(body);
        }
        xml.end();
    }

    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
