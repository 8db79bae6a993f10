package ai.osvi.gate.properties;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.Gate;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.RawGateConfig;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.log.InvisibleCharacters;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Generated campaigns, rule sets, faults and slow answers, run through the gate in virtual time and checked against
 * an oracle written from the API reference ({@code GET /v1/campaigns/{id}/status}) and the gate's documented rules,
 * in exact arithmetic (BigInteger, BigDecimal) and without the gate's model: the generated data is the API's own
 * shape (uploads with their queues), turned into the model only where it is handed to the gate.
 *
 * <p>What must hold for every run:
 * <ul>
 * <li>complete means: at least one awaited upload, and every awaited upload has at least one queue, all of them
 * {@code completed} (with {@code uploadId}, only that upload is awaited); the gate stops at the first complete
 * snapshot and judges it exactly as the oracle does;</li>
 * <li>counts never wrap: rules are judged on exact sums; by_status adding up to more than {@code calls.total} is
 * never a PASS; nothing the API sends makes the gate throw instead of ending with a verdict and its report;</li>
 * <li>PASS means completed: rules that hold on the last snapshot at the timeout (onTimeout=evaluate) are a TIMEOUT
 * with a warning, never a PASS;</li>
 * <li>no status counts as 0 by its spelling: a by_status key that is a rule's status but for case, {@code _},
 * {@code -} or spaces ({@code Failed}, {@code NOT-PICKED}) is an ERROR, before any verdict;</li>
 * <li>the deadline is exact: the gate ends at most 1 s after {@code timeout}, counted from its first request, and
 * never keeps, let alone judges, an answer that arrived after the deadline.</li>
 * </ul>
 * The first property mixes every edge; each of the others pushes one edge and keeps the rest tame, so that a failure
 * says which rule broke.
 */
class GatePropertiesTest {

    private static final List<String> STATUSES = List.of("picked", "not_picked", "failed", "voicemail");
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final long TWO_TO_62 = 1L << 62;

    // ------------------------------------------------------------------------------------------------------------
    // The properties

    @Property(tries = 2_000)
    void the_gate_never_passes_falsely_and_never_overruns_its_deadline(@ForAll("anyRuns") Run run) {
        check(run);
    }

    /** Uploads without queues beside completed ones (and no uploads at all); everything else tame. */
    @Property(tries = 500)
    void a_campaign_is_complete_only_when_every_awaited_upload_has_queues_and_all_completed(
            @ForAll("uploadEdgeRuns") Run run) {
        check(run);
    }

    /** Counts near Long.MAX_VALUE whose sums go beyond it, and by_status adding up to more than calls.total. */
    @Property(tries = 500)
    void counts_are_judged_exactly_and_never_pass_when_they_exceed_the_total(@ForAll("countEdgeRuns") Run run) {
        check(run);
    }

    /** failFast on total_queued near Long.MAX_VALUE, whose product with the attempts goes beyond it. */
    @Property(tries = 1_000) // the rarest edge: one huge total_queued, retries known, the campaign not complete
    void failFast_never_throws_on_a_huge_total_queued(@ForAll("queuedEdgeRuns") Run run) {
        check(run);
    }

    /** Answers slower than the time left before the deadline, and than requestTimeout. */
    @Property(tries = 500)
    void no_answer_after_the_deadline_is_used_and_the_gate_ends_within_a_second_of_it(
            @ForAll("slowAnswerRuns") Run run) {
        check(run);
    }

    @Property(tries = 500)
    void advisory_rules_never_change_the_verdict_the_build_or_the_wait(@ForAll("anyRuns") Run run) {
        RawGateConfig advised = copyOf(run.config());
        List<String> thresholds = new ArrayList<>(advised.thresholds == null ? List.of() : advised.thresholds);
        thresholds.addAll(List.of(
                "failed <= 0% (advisory)",
                "picked >= 100% (advisory)", "failed+not_picked < 50% (advisory)", "voicemail > 1% (advisory)"));
        advised.thresholds = thresholds;

        CampaignResult without = judge(run, run.config());
        CampaignResult with = judge(run, advised);

        assertThat(with.verdict()).as("verdict").isEqualTo(without.verdict());
        assertThat(with.outcome()).as("build outcome").isEqualTo(without.outcome());
        assertThat(with.waitResult().polls())
                .as("polls")
                .isEqualTo(without.waitResult().polls());
        assertThat(with.evidence().allHold())
                .as("PASS proven")
                .isEqualTo(without.evidence().allHold());
    }

    private static CampaignResult judge(Run run, RawGateConfig raw) {
        GateConfig config;
        try {
            config = GateConfig.parse(raw);
        } catch (InvalidConfigurationException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        FakeTime time = new FakeTime();
        Random jitter = new Random(run.seed());
        return new Gate(
                        config,
                        new SlowApi(time, run.answers(), config.requestTimeout()),
                        time,
                        new ReportLog(),
                        new AbortSignal(),
                        jitter::nextDouble)
                .run();
    }

    // ------------------------------------------------------------------------------------------------------------
    // The issue's own examples, through the same check

    @Example
    void upload_20_without_queues_beside_completed_upload_19_is_not_complete() {
        TestConfig config = config("60s", "15s");
        config.maxFailureRatio = "5%";
        check(new Run(
                config,
                List.of(answer(
                        10,
                        Map.of("picked", 10L),
                        Duration.ZERO,
                        new ApiUpload(19, List.of(new ApiQueue(10L, true))),
                        new ApiUpload(20, List.of()))),
                0));
    }

    @Example
    void failed_at_long_max_plus_one_not_picked_does_not_wrap_into_a_pass() {
        TestConfig config = config("60s", "15s");
        config.thresholds = List.of("failed+not_picked < 35%");
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("failed", Long.MAX_VALUE);
        counts.put("not_picked", 1L);
        check(new Run(
                config,
                List.of(answer(10, counts, Duration.ZERO, new ApiUpload(19, List.of(new ApiQueue(10L, true))))),
                0));
    }

    @Example
    void failFast_with_a_huge_total_queued_ends_with_a_verdict() {
        TestConfig config = config("60s", "15s");
        config.failFast = "true";
        config.maxFailureRatio = "5%";
        check(new Run(
                config,
                List.of(answer(
                        10,
                        Map.of("picked", 10L),
                        Duration.ZERO,
                        new ApiUpload(19, List.of(new ApiQueue(Long.MAX_VALUE, false))))),
                0));
    }

    @Example
    void an_answer_after_20_s_is_not_used_by_a_gate_with_a_5_s_timeout() {
        TestConfig config = config("5s", "5s");
        config.maxFailureRatio = "5%";
        check(new Run(
                config,
                List.of(answer(
                        10,
                        Map.of("picked", 10L),
                        Duration.ofSeconds(20),
                        new ApiUpload(19, List.of(new ApiQueue(10L, true))))),
                0));
    }

    @Example
    void failed_reported_as_Failed_is_an_error_not_a_count_of_0() {
        TestConfig config = config("60s", "15s");
        config.maxFailureRatio = "5%";
        config.failureStatuses = "failed";
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("picked", 50L);
        counts.put("Failed", 50L);
        check(new Run(
                config,
                List.of(answer(100, counts, Duration.ZERO, new ApiUpload(19, List.of(new ApiQueue(100L, true))))),
                0));
    }

    @Example
    void rules_holding_at_the_timeout_of_an_incomplete_campaign_are_no_pass() {
        TestConfig config = config("30s", "15s");
        config.onTimeout = "evaluate";
        config.maxFailureRatio = "5%";
        check(new Run(
                config,
                List.of(answer(
                        100,
                        Map.of("picked", 100L),
                        Duration.ZERO,
                        new ApiUpload(19, List.of(new ApiQueue(100L, true), new ApiQueue(100L, false))))),
                0));
    }

    private static TestConfig config(String timeout, String pollInterval) {
        TestConfig config = new TestConfig();
        config.timeout = timeout;
        config.pollInterval = pollInterval;
        return config;
    }

    private static Answer answer(long total, Map<String, Long> byStatus, Duration latency, ApiUpload... uploads) {
        return new Answer(new ApiSnapshot("active", true, 1, total, byStatus, List.of(uploads)), latency);
    }

    // ------------------------------------------------------------------------------------------------------------
    // What the API sends, in its own shape

    record ApiQueue(Long totalQueued, boolean completed) {
        @Override
        public String toString() {
            return "{total_queued " + totalQueued + (completed ? ", completed}" : ", not completed}");
        }
    }

    record ApiUpload(long campaignUploadId, List<ApiQueue> queues) {
        @Override
        public String toString() {
            return "upload " + campaignUploadId + " " + queues;
        }
    }

    record ApiSnapshot(
            String status,
            Boolean retryEnabled,
            Integer retryThreshold,
            long total,
            Map<String, Long> byStatus,
            List<ApiUpload> uploads) {

        BigInteger sumOfByStatus() {
            return byStatus.values().stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        }

        /** by_status adds up to at most calls.total (less leaves calls in no status, which could be in any). */
        boolean consistent() {
            return sumOfByStatus().compareTo(BigInteger.valueOf(total)) <= 0;
        }

        /** by_status adds up to exactly calls.total: every call is in a status. */
        boolean accountedFor() {
            return sumOfByStatus().compareTo(BigInteger.valueOf(total)) == 0;
        }

        /**
         * The snapshot as the status parser hands it to the gate: per upload, its queues, those completed, and the
         * sum of their total_queued (unknown when a queue does not say or the sum does not fit a long).
         */
        CampaignStatus toModel() {
            List<Upload> models = new ArrayList<>();
            for (ApiUpload upload : uploads) {
                int completed = (int)
                        upload.queues().stream().filter(ApiQueue::completed).count();
                BigInteger queued = BigInteger.ZERO;
                boolean known = true;
                for (ApiQueue queue : upload.queues()) {
                    if (queue.totalQueued() == null) {
                        known = false;
                    } else {
                        queued = queued.add(BigInteger.valueOf(queue.totalQueued()));
                    }
                }
                Long sum = known && queued.bitLength() < 64 ? queued.longValue() : null;
                models.add(new Upload(upload.campaignUploadId(), upload.queues().size(), completed, sum));
            }
            // keys as the status parser keeps them: invisible characters escaped
            Map<String, Long> kept = new LinkedHashMap<>();
            byStatus.forEach((key, count) -> kept.put(InvisibleCharacters.escaped(key), count));
            return new CampaignStatus(
                    new Campaign(7L, "Generated", status, retryEnabled, retryThreshold, 60),
                    new CallCounts(total, kept),
                    models);
        }

        @Override
        public String toString() {
            return "{" + status + ", retries " + retryEnabled + "/" + retryThreshold + ", calls.total " + total
                    + ", by_status " + byStatus + ", uploads " + uploads + "}";
        }
    }

    /** One poll's answer (an {@link ApiSnapshot} or an {@link ApiException}) and how long the server takes. */
    record Answer(Object body, Duration latency) {
        @Override
        public String toString() {
            String what = body instanceof ApiException error
                    ? error.getClass().getSimpleName() + "(" + error.getMessage() + ")"
                    : body.toString();
            return latency.isZero() ? what : what + " after " + latency;
        }
    }

    /** One generated run: the parameters, and the API's answer to each poll (the last one repeats). */
    record Run(TestConfig config, List<Answer> answers, long seed) {
        @Override
        public String toString() {
            return "timeout=" + config.timeout + " poll=" + config.pollInterval + " (" + config.pollStrategy + ")"
                    + " requestTimeout=" + config.requestTimeout + " rules=" + rules(config) + " minCalls="
                    + config.minCalls + " uploadId=" + config.uploadId + " failFast=" + config.failFast
                    + " onTimeout=" + config.onTimeout + " onInactive=" + config.onInactive + " onInconclusive="
                    + config.onInconclusive + " failBuild=" + config.failBuild + " maxErrors="
                    + config.maxConsecutiveErrors + " stallTimeout=" + config.stallTimeout + " seed=" + seed
                    + System.lineSeparator() + "  answers="
                    + answers.stream()
                            .map(Answer::toString)
                            .collect(Collectors.joining(
                                    System.lineSeparator() + "    ", "[" + System.lineSeparator() + "    ", "]"));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // The API in virtual time

    /** A snapshot the API served, and when it reached the gate. */
    record Served(ApiSnapshot data, CampaignStatus snapshot, long arrivedAt) {}

    /**
     * The API as the gate's HTTP client sees it, in virtual time. An answer slower than the client's bound is not
     * received: the client gives up at the bound with the ApiException it throws for a request timeout.
     */
    static final class SlowApi implements StatusSource {

        private final FakeTime time;
        private final List<Answer> answers;
        private final Duration requestTimeout;
        final List<Served> served = new ArrayList<>();
        long firstRequest = -1;
        private int polls;

        SlowApi(FakeTime time, List<Answer> answers, Duration requestTimeout) {
            this.time = time;
            this.answers = answers;
            this.requestTimeout = requestTimeout;
        }

        /**
         * Today's StatusSource: the HTTP client bounds a request by requestTimeout alone, so an answer may arrive
         * after the gate's deadline (issue item 6).
         */
        public CampaignStatus fetch(long campaignId) throws ApiException {
            return answer(requestTimeout);
        }

        /**
         * The StatusSource being written for item 6: the gate passes the time left before its deadline and the
         * client bounds the request by it as well as by requestTimeout. (Not annotated {@code @Override}, so that
         * this class compiles against the interface before and after the change.)
         */
        public CampaignStatus fetch(long campaignId, Duration timeLeft) throws ApiException {
            Duration left = timeLeft.isNegative() ? Duration.ZERO : timeLeft;
            return answer(left.compareTo(requestTimeout) < 0 ? left : requestTimeout);
        }

        private CampaignStatus answer(Duration bound) throws ApiException {
            if (firstRequest < 0) {
                firstRequest = time.nanoTime();
            }
            Answer answer = answers.get(Math.min(polls, answers.size() - 1));
            polls++;
            if (answer.latency().compareTo(bound) > 0) {
                time.advance(bound);
                throw ApiException.transientFault("no complete response within " + bound.toMillis() + "ms");
            }
            time.advance(answer.latency());
            if (answer.body() instanceof ApiException error) {
                throw error;
            }
            ApiSnapshot data = (ApiSnapshot) answer.body();
            CampaignStatus snapshot = data.toModel(); // a new object per answer: identity tells which one was kept
            served.add(new Served(data, snapshot, time.nanoTime()));
            return snapshot;
        }

        Served find(CampaignStatus snapshot) {
            return served.stream()
                    .filter(s -> s.snapshot() == snapshot)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Keeps the summary lines, the last thing the gate's report writes. */
    static final class ReportLog implements GateLog {

        final List<String> summaryLines = new ArrayList<>();

        private void line(String message) {
            if (message.startsWith("OSVI gate: ")) {
                summaryLines.add(message);
            }
        }

        @Override
        public void info(String message) {
            line(message);
        }

        @Override
        public void warn(String message) {
            line(message);
        }

        @Override
        public void error(String message) {
            line(message);
        }

        @Override
        public void debug(String message) {}
    }

    // ------------------------------------------------------------------------------------------------------------
    // The check

    private static void check(Run run) {
        TestConfig raw = run.config();
        GateConfig config = raw.parse();
        FakeTime time = new FakeTime();
        SlowApi api = new SlowApi(time, run.answers(), config.requestTimeout());
        ReportLog log = new ReportLog();
        Random jitter = new Random(run.seed());

        CampaignResult result;
        try {
            result = new Gate(config, api, time, log, new AbortSignal(), jitter::nextDouble).run();
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "the gate threw " + e + " instead of ending with an ERROR result and its report", e);
        }

        // The deadline: counted from the first request, at most 1 s late, and nothing received after it is kept.
        long start = api.firstRequest;
        long deadline = start + config.timeout().toNanos();
        Duration took = Duration.ofNanos(time.nanoTime() - start);
        assertThat(took)
                .as("time from the first request to the verdict (timeout %s)", raw.timeout)
                .isLessThanOrEqualTo(config.timeout().plus(GRACE));
        assertThat(log.summaryLines).as("the report's summary line").containsExactly(result.summaryLine());
        CampaignStatus kept = result.waitResult().lastSnapshot();
        Served judged = kept == null ? null : api.find(kept);
        if (kept != null) {
            assertThat(judged).as("the snapshot kept is one the API served").isNotNull();
            assertThat(judged.arrivedAt() - deadline)
                    .as(
                            "nanoseconds after the deadline that the snapshot kept" + " arrived (verdict %s)",
                            result.verdict())
                    .isLessThanOrEqualTo(0);
        }
        Served lastInTime = null;
        for (Served served : api.served) {
            if (served.arrivedAt() - deadline <= 0) {
                lastInTime = served;
            }
        }
        assertThat(kept)
                .as("the last snapshot received by the deadline")
                .isSameAs(lastInTime == null ? null : lastInTime.snapshot());

        Long uploadId = raw.uploadId == null ? null : Long.parseLong(raw.uploadId);
        List<OracleRule> rules = oracleRules(raw);
        boolean timedOut = took.compareTo(config.timeout()) >= 0;
        Verdict verdict = result.verdict();
        BuildOutcome outcome = result.outcome();

        boolean evaluatedAtTimeout = verdict == Verdict.TIMEOUT && result.judgedCalls() != null;
        if (verdict == Verdict.TIMEOUT && kept != null && raw.onTimeout.equals("evaluate")) {
            assertThat(result.judgedCalls())
                    .as("onTimeout=evaluate judges the last snapshot, shown beside the TIMEOUT")
                    .isNotNull();
        }
        if (verdict == Verdict.PASS
                || verdict == Verdict.FAIL
                || verdict == Verdict.INCONCLUSIVE
                || evaluatedAtTimeout) {
            assertThat(judged).as("a %s needs a snapshot", verdict).isNotNull();
            ApiSnapshot data = judged.data();
            boolean complete = oracleComplete(data, uploadId);
            boolean atTimeout = timedOut && raw.onTimeout.equals("evaluate");
            boolean early = verdict == Verdict.FAIL && Boolean.parseBoolean(raw.failFast) && !complete && !timedOut;
            assertThat(complete || atTimeout || early)
                    .as(
                            "%s judged on a complete campaign, at the timeout under onTimeout=evaluate, or early under"
                                    + " failFast; judged: %s",
                            verdict, data)
                    .isTrue();
            assertThat(respelt(rules, data))
                    .as("a %s judged with a rule's status reported in another spelling", verdict)
                    .isNull();
            if (verdict == Verdict.PASS) {
                assertThat(complete)
                        .as("a PASS of a campaign that did not complete: %s", data)
                        .isTrue();
                assertThat(data.accountedFor())
                        .as(
                                "a PASS on by_status adding up to %s, not calls.total %s",
                                data.sumOfByStatus(), data.total())
                        .isTrue();
                assertThat(result.evidence().allHold())
                        .as("a PASS with its checklist proven")
                        .isTrue();
                assertThat(data.total()).as("minCalls").isGreaterThanOrEqualTo(config.minCalls());
                assertThat(failedRule(rules, data))
                        .as("the rule breached (exact arithmetic) under a PASS")
                        .isNull();
                assertThat(outcome).isEqualTo(rules.isEmpty() ? BuildOutcome.WARN : BuildOutcome.SUCCESS);
            } else if (verdict == Verdict.TIMEOUT) {
                assertThat(atTimeout && !complete)
                        .as("rules judged under a TIMEOUT: at the timeout, under"
                                + " onTimeout=evaluate, on an incomplete campaign")
                        .isTrue();
                assertThat(outcome)
                        .as("onTimeout=evaluate: the build goes on, warned")
                        .isEqualTo(BuildOutcome.WARN);
                assertThat(data.consistent()).isTrue();
                assertThat(data.total()).as("minCalls").isGreaterThanOrEqualTo(config.minCalls());
                assertThat(failedRule(rules, data))
                        .as("a breach at the timeout is a FAIL")
                        .isNull();
            } else if (verdict == Verdict.FAIL) {
                assertThat(outcome == BuildOutcome.SUCCESS || outcome == BuildOutcome.WARN)
                        .as("failBuild=false")
                        .isEqualTo(!Boolean.parseBoolean(raw.failBuild));
                if (data.consistent()) {
                    assertThat(failedRule(rules, data) != null
                                    || (complete && breachedWhateverTheUnaccounted(rules, data) != null))
                            .as("a FAIL needs a breached rule (exact arithmetic)")
                            .isTrue();
                    if (early) {
                        assertThat(oracleCertainBreach(rules, data))
                                .as("an early FAIL needs a rule that no remaining call can bring back")
                                .isTrue();
                    }
                }
            } else {
                assertThat(data.total()).as("INCONCLUSIVE only below minCalls").isLessThan(config.minCalls());
            }
        } else {
            assertThat(outcome).isNotEqualTo(BuildOutcome.SUCCESS);
        }

        // Completion is never missed, and the verdict on it is exactly the oracle's.
        for (int i = 0; i < api.served.size(); i++) {
            Served served = api.served.get(i);
            if (served.arrivedAt() - deadline > 0 || !oracleComplete(served.data(), uploadId)) {
                continue;
            }
            assertThat(api.served)
                    .as("the gate stops at the first complete snapshot")
                    .hasSize(i + 1);
            ApiSnapshot data = served.data();
            if (!data.consistent()) {
                assertThat(verdict)
                        .as("by_status adds up to more than calls.total")
                        .isNotEqualTo(Verdict.PASS);
                assertThat(outcome).isNotEqualTo(BuildOutcome.SUCCESS);
            } else if (respelt(rules, data) != null) {
                assertThat(verdict)
                        .as("%s reported in another spelling", respelt(rules, data))
                        .isEqualTo(Verdict.ERROR);
                assertThat(outcome).isEqualTo(BuildOutcome.ERROR);
            } else if (data.total() < config.minCalls()) {
                assertThat(verdict).isEqualTo(Verdict.INCONCLUSIVE);
                assertThat(outcome)
                        .isEqualTo(raw.onInconclusive.equals("warn") ? BuildOutcome.WARN : BuildOutcome.FAIL);
            } else if (!data.accountedFor()) {
                // calls in no status could be in any: a FAIL only when a rule is breached whatever they are
                OracleRule breached = breachedWhateverTheUnaccounted(rules, data);
                assertThat(verdict)
                        .as(
                                "%s calls of %s in no status, rule breached whatever they are: %s",
                                data.total() - data.sumOfByStatus().longValue(), data.total(), breached)
                        .isEqualTo(breached == null ? Verdict.ERROR : Verdict.FAIL);
            } else if (failedRule(rules, data) == null) {
                assertThat(verdict).isEqualTo(Verdict.PASS);
                assertThat(outcome).isEqualTo(rules.isEmpty() ? BuildOutcome.WARN : BuildOutcome.SUCCESS);
            } else {
                assertThat(verdict).as("breached: %s", failedRule(rules, data)).isEqualTo(Verdict.FAIL);
                assertThat(outcome)
                        .isEqualTo(Boolean.parseBoolean(raw.failBuild) ? BuildOutcome.FAIL : BuildOutcome.WARN);
            }
            break;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // The oracle: the API reference and the documented rules, in exact arithmetic

    /**
     * Complete: at least one awaited upload, each with at least one queue, every queue {@code completed: true}. With
     * {@code uploadId}, only the uploads of that id are awaited.
     */
    static boolean oracleComplete(ApiSnapshot snapshot, Long uploadId) {
        boolean awaited = false;
        for (ApiUpload upload : snapshot.uploads()) {
            if (uploadId != null && upload.campaignUploadId() != uploadId) {
                continue;
            }
            awaited = true;
            if (upload.queues().isEmpty()) {
                return false;
            }
            for (ApiQueue queue : upload.queues()) {
                if (!queue.completed()) {
                    return false;
                }
            }
        }
        return awaited;
    }

    /** A rule as the user wrote it: the sum of the counts of {@code statuses}, divided by the total, OP limit. */
    record OracleRule(String text, List<String> statuses, String operator, BigDecimal limit) {

        boolean upperBound() {
            return operator.startsWith("<");
        }

        /** {@code count / denominator OP limit}, exactly: {@code count OP limit * denominator}. */
        boolean holds(BigInteger count, BigInteger denominator) {
            int c = new BigDecimal(count).compareTo(limit.multiply(new BigDecimal(denominator)));
            return switch (operator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }

        BigInteger count(ApiSnapshot snapshot) {
            BigInteger count = BigInteger.ZERO;
            for (String status : statuses) {
                count = count.add(BigInteger.valueOf(snapshot.byStatus().getOrDefault(status, 0L)));
            }
            return count;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The configured rules, parsed from the texts the user wrote (thresholds, then maxFailureRatio). */
    static List<OracleRule> oracleRules(TestConfig config) {
        List<String> texts = new ArrayList<>(config.thresholds);
        if (config.maxFailureRatio != null) {
            texts.add(config.failureStatuses.replace(",", "+") + " <= " + config.maxFailureRatio);
        }
        List<OracleRule> rules = new ArrayList<>();
        for (String text : texts) {
            String[] parts = text.split(" ");
            BigDecimal limit = parts[2].endsWith("%")
                    ? new BigDecimal(parts[2].substring(0, parts[2].length() - 1)).movePointLeft(2)
                    : new BigDecimal(parts[2]);
            rules.add(new OracleRule(text, List.of(parts[0].split("\\+")), parts[1], limit));
        }
        return rules;
    }

    /** The first rule breached on the snapshot's counts, or null when every rule holds. */
    static OracleRule failedRule(List<OracleRule> rules, ApiSnapshot snapshot) {
        BigInteger total = BigInteger.valueOf(snapshot.total());
        for (OracleRule rule : rules) {
            if (!rule.holds(rule.count(snapshot), total)) {
                return rule;
            }
        }
        return null;
    }

    /**
     * The first status of a rule that by_status reports in a spelling that could be it, as "'Failed' for 'failed'";
     * null when there is none. Its calls would count as 0 for the rule. The spellings are the generator's: case,
     * separators, invisible characters, fullwidth and Cyrillic letters, or (only where the status itself is not
     * reported) a letter dropped.
     */
    static String respelt(List<OracleRule> rules, ApiSnapshot snapshot) {
        for (OracleRule rule : rules) {
            for (String status : rule.statuses()) {
                for (String key : snapshot.byStatus().keySet()) {
                    boolean typo = !snapshot.byStatus().containsKey(status)
                            && key.length() == status.length() - 1
                            && status.startsWith(key);
                    if (!rule.statuses().contains(key) && (folded(key).equals(folded(status)) || typo)) {
                        return "'" + key + "' for '" + status + "'";
                    }
                }
            }
        }
        return null;
    }

    private static String folded(String status) {
        StringBuilder folded = new StringBuilder();
        for (char c : status.toCharArray()) {
            if ("_- .\u200b\r\t\ufeff\u00ad".indexOf(c) >= 0) {
                continue;
            }
            char latin = c >= '\uff01' && c <= '\uff5e'
                    ? (char) (c - 0xfee0)
                    : c == '\u0430' ? 'a' : c == '\u0435' ? 'e' : c == '\u043e' ? 'o' : c;
            folded.append(Character.toLowerCase(latin));
        }
        return folded.toString();
    }

    /** A rule breached whatever status the calls in no status of by_status are in; null when there is none. */
    static OracleRule breachedWhateverTheUnaccounted(List<OracleRule> rules, ApiSnapshot snapshot) {
        BigInteger total = BigInteger.valueOf(snapshot.total());
        BigInteger unaccounted = total.subtract(snapshot.sumOfByStatus());
        for (OracleRule rule : rules) {
            BigInteger count = rule.count(snapshot);
            if (!rule.holds(count, total) && !rule.holds(count.add(unaccounted), total)) {
                return rule;
            }
        }
        return null;
    }

    /**
     * failFast's rule: the campaign makes at most (sum of total_queued) x attempts calls, attempts being 1 when
     * retries are off and 1 + retry_threshold otherwise (unknown without a threshold, when a queue does not say its
     * total_queued, or when an upload has no queue yet). Counts of picked and failed only grow; not_picked may still
     * be retried into another status unless retries are off; calls in voicemail (a status the API does not document)
     * or in no status may end in any. A breach is certain when even the most helpful completion breaks the rule.
     */
    static boolean oracleCertainBreach(List<OracleRule> rules, ApiSnapshot snapshot) {
        BigInteger bound = oracleBound(snapshot);
        BigInteger total = BigInteger.valueOf(snapshot.total());
        if (total.signum() == 0 || !snapshot.consistent()) {
            return false;
        }
        if (bound == null || total.compareTo(bound) > 0) {
            // without a bound, the final ratio may be anything: only a rule that no ratio holds is certain
            return rules.stream()
                    .anyMatch(rule -> !rule.holds(BigInteger.ZERO, BigInteger.ONE)
                            && !rule.holds(BigInteger.ONE, BigInteger.ONE));
        }
        List<String> finals = Boolean.FALSE.equals(snapshot.retryEnabled())
                ? List.of("picked", "failed", "not_picked")
                : List.of("picked", "failed");
        BigInteger fixedInAll = BigInteger.ZERO;
        for (String status : finals) {
            fixedInAll = fixedInAll.add(BigInteger.valueOf(snapshot.byStatus().getOrDefault(status, 0L)));
        }
        BigInteger free = total.subtract(fixedInAll).add(bound.subtract(total));
        for (OracleRule rule : rules) {
            BigInteger fixed = BigInteger.ZERO;
            for (String status : rule.statuses()) {
                if (finals.contains(status)) {
                    fixed = fixed.add(BigInteger.valueOf(snapshot.byStatus().getOrDefault(status, 0L)));
                }
            }
            // the lowest final ratio: nothing more in the rule's statuses, every call made; the highest: every call
            // that may still change or come ends in them
            if (!rule.holds(fixed, bound) && !rule.holds(fixed.add(free), bound)) {
                return true;
            }
        }
        return false;
    }

    /** The most calls the campaign can make, or null when the snapshot does not say. */
    private static BigInteger oracleBound(ApiSnapshot snapshot) {
        BigInteger queued = BigInteger.ZERO;
        for (ApiUpload upload : snapshot.uploads()) {
            if (upload.queues().isEmpty()) {
                return null;
            }
            for (ApiQueue queue : upload.queues()) {
                if (queue.totalQueued() == null) {
                    return null;
                }
                queued = queued.add(BigInteger.valueOf(queue.totalQueued()));
            }
        }
        BigInteger attempts;
        if (Boolean.FALSE.equals(snapshot.retryEnabled())) {
            attempts = BigInteger.ONE;
        } else if (snapshot.retryThreshold() == null || snapshot.retryThreshold() < 0) {
            return null;
        } else {
            attempts = BigInteger.valueOf(1L + snapshot.retryThreshold());
        }
        BigInteger bound = queued.multiply(attempts);
        return bound.signum() == 0 ? null : bound;
    }

    // ------------------------------------------------------------------------------------------------------------
    // The generators

    /** Which edges a generator reaches; the others stay tame. */
    record Edges(
            boolean emptyQueues, boolean hugeCounts, boolean hugeQueued, boolean slowAnswers, boolean alwaysFailFast) {}

    @Provide
    Arbitrary<Run> anyRuns() {
        return runs(new Edges(true, true, true, true, false));
    }

    @Provide
    Arbitrary<Run> uploadEdgeRuns() {
        return runs(new Edges(true, false, false, false, false));
    }

    @Provide
    Arbitrary<Run> countEdgeRuns() {
        return runs(new Edges(false, true, false, false, false));
    }

    @Provide
    Arbitrary<Run> queuedEdgeRuns() {
        return runs(new Edges(false, false, true, false, true));
    }

    @Provide
    Arbitrary<Run> slowAnswerRuns() {
        return runs(new Edges(false, false, false, true, false));
    }

    private static Arbitrary<Run> runs(Edges edges) {
        Arbitrary<Duration> latency = edges.slowAnswers()
                ? Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just(Duration.ZERO)),
                        Tuple.of(4, Arbitraries.integers().between(0, 40_000).map(Duration::ofMillis)),
                        Tuple.of(1, Arbitraries.integers().between(40, 300).map(Duration::ofSeconds)))
                : Arbitraries.just(Duration.ZERO);
        Arbitrary<Object> body = Arbitraries.frequencyOf(
                Tuple.of(8, snapshots(edges).map(snapshot -> (Object) snapshot)),
                Tuple.of(
                        3,
                        Arbitraries.of(
                                ApiException.transientFault("HTTP 503 Service Unavailable", Duration.ofSeconds(30)),
                                ApiException.transientFault("HTTP 502 Bad Gateway"))),
                Tuple.of(1, Arbitraries.just(ApiException.refused(401, "HTTP 401"))));
        Arbitrary<Answer> answer = Combinators.combine(body, latency).as(Answer::new);
        return Combinators.combine(configs(edges), answer.list().ofMinSize(1).ofMaxSize(25), Arbitraries.longs())
                .as(Run::new);
    }

    /** The timing, the rules and the policies of a run. */
    record Base(
            int poll,
            int timeoutFactor,
            List<String> thresholds,
            String maxFailureRatio,
            int minCalls,
            String onTimeout,
            String onInactive,
            int maxErrors) {}

    /** The other settings, drawn together. */
    record Knobs(
            boolean failBuild,
            String uploadId,
            String pollStrategy,
            boolean failFast,
            Integer stallFactor,
            String onInconclusive,
            int requestTimeoutSeconds) {}

    private static Arbitrary<TestConfig> configs(Edges edges) {
        Arbitrary<String> limit = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 100).map(p -> p + "%"),
                Arbitraries.integers()
                        .between(0, 10_000)
                        .map(p -> BigDecimal.valueOf(p, 4).toPlainString()));
        Arbitrary<String> subject =
                Arbitraries.of(STATUSES).set().ofMinSize(1).ofMaxSize(3).map(set -> String.join("+", set));
        Arbitrary<String> rule = Combinators.combine(subject, Arbitraries.of("<", "<=", ">", ">="), limit)
                .as((s, op, l) -> s + " " + op + " " + l);
        Arbitrary<Knobs> knobs = Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.of("19").injectNull(0.7),
                        Arbitraries.of("fixed", "adaptive"),
                        edges.alwaysFailFast() ? Arbitraries.just(true) : Arbitraries.of(true, false),
                        Arbitraries.integers().between(1, 4).injectNull(0.75),
                        Arbitraries.of("fail", "warn"),
                        Arbitraries.integers().between(1, 60))
                .as(Knobs::new);
        // slow answers: short timeouts, so that answers often outlast the time left
        Arbitrary<Integer> timeoutFactor = edges.slowAnswers()
                ? Arbitraries.integers().between(1, 6)
                : Arbitraries.integers().between(1, 40);
        Arbitrary<Base> base = Combinators.combine(
                        Arbitraries.integers().between(1, 60),
                        timeoutFactor,
                        rule.list().ofMaxSize(3),
                        limit.injectNull(0.3),
                        Arbitraries.integers().between(1, 30),
                        Arbitraries.of("fail", "evaluate"),
                        Arbitraries.of("fail", "wait"),
                        Arbitraries.integers().between(1, 6))
                .as(Base::new);
        return Combinators.combine(base, knobs).as((b, k) -> {
            TestConfig c = new TestConfig();
            c.pollInterval = b.poll() + "s";
            c.timeout = (b.poll() * b.timeoutFactor()) + "s";
            c.requestTimeout = k.requestTimeoutSeconds() + "s";
            c.thresholds = b.thresholds();
            c.maxFailureRatio = b.maxFailureRatio();
            c.failureStatuses = "failed,not_picked";
            c.minCalls = String.valueOf(b.minCalls());
            c.onTimeout = b.onTimeout();
            c.onInactive = b.onInactive();
            c.maxConsecutiveErrors = String.valueOf(b.maxErrors());
            c.failBuild = String.valueOf(k.failBuild());
            c.uploadId = k.uploadId();
            c.pollStrategy = k.pollStrategy();
            c.failFast = String.valueOf(k.failFast());
            c.stallTimeout = k.stallFactor() == null ? null : (b.poll() * 3 * k.stallFactor()) + "s";
            c.onInconclusive = k.onInconclusive();
            return c;
        });
    }

    /**
     * A key of by_status that could be a status: STATUSES[index] written in one of fourteen adversarial styles (case,
     * separators, a zero-width space, a carriage return, a byte order mark, a soft hyphen, fullwidth or Cyrillic
     * letters, a tab, a trailing dot, a letter dropped), instead of the key or beside it.
     */
    record Respelling(int index, int style, boolean beside) {

        String spell(String status) {
            return switch (style) {
                case 0 -> status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1);
                case 1 -> status.toUpperCase(Locale.ROOT);
                case 2 ->
                    status.replace('_', '-').substring(0, status.length() - 1)
                            + status.substring(status.length() - 1).toUpperCase(Locale.ROOT);
                case 3 ->
                    Arrays.stream(status.split("_"))
                            .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
                            .collect(Collectors.joining(" "));
                case 4 -> status.substring(0, 2) + "_" + status.substring(2);
                case 5 -> status.substring(0, 2) + "\u200b" + status.substring(2);
                case 6 -> status + "\r";
                case 7 -> "\ufeff" + status;
                case 8 -> status.substring(0, 3) + "\u00ad" + status.substring(3);
                case 9 ->
                    status.chars()
                            .mapToObj(c -> String.valueOf(c == '_' ? '_' : (char) (c + 0xfee0)))
                            .collect(Collectors.joining());
                case 10 ->
                    status.indexOf('e') >= 0 ? status.replaceFirst("e", "\u0435") : status.replaceFirst("o", "\u043e");
                case 11 -> status + "\t";
                case 12 -> status + ".";
                default -> status.substring(0, status.length() - 1);
            };
        }

        Map<String, Long> apply(Map<String, Long> counts) {
            String status = STATUSES.get(index);
            Map<String, Long> spelt = new LinkedHashMap<>();
            counts.forEach((key, count) -> spelt.put(!beside && key.equals(status) ? spell(status) : key, count));
            spelt.putIfAbsent(spell(status), beside ? 1L : 0L);
            return spelt;
        }
    }

    private static Arbitrary<ApiSnapshot> snapshots(Edges edges) {
        Arbitrary<Long> small = Arbitraries.longs().between(0, 200);
        Arbitrary<Long> count = edges.hugeCounts()
                ? Arbitraries.frequencyOf(
                        Tuple.of(5, small),
                        Tuple.of(2, Arbitraries.longs().between(0, 5).map(d -> Long.MAX_VALUE - d)),
                        Tuple.of(1, Arbitraries.longs().between(-5, 5).map(d -> TWO_TO_62 + d)),
                        Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE)))
                : small;
        Arbitrary<Map<String, Long>> byStatus = count.list()
                .ofSize(STATUSES.size())
                .map(values -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (int i = 0; i < STATUSES.size(); i++) {
                        if (values.get(i) > 0 || i % 2 == 0) {
                            counts.put(STATUSES.get(i), values.get(i));
                        }
                    }
                    return counts;
                });
        Arbitrary<Long> queued = edges.hugeQueued()
                ? Arbitraries.frequencyOf(
                                Tuple.of(4, Arbitraries.longs().between(0, 50)),
                                Tuple.of(2, Arbitraries.longs().between(0, 5).map(d -> Long.MAX_VALUE - d)),
                                Tuple.of(2, Arbitraries.longs().between(-5, 5).map(d -> TWO_TO_62 + d)))
                        .injectNull(0.1)
                : Arbitraries.longs().between(0, 50).injectNull(0.1);
        Arbitrary<ApiQueue> queue =
                Combinators.combine(queued, Arbitraries.of(true, true, false)).as(ApiQueue::new);
        Arbitrary<List<ApiQueue>> queues = edges.emptyQueues()
                ? Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(List.<ApiQueue>of())),
                        Tuple.of(2, queue.list().ofMinSize(1).ofMaxSize(3)))
                : queue.list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<ApiUpload>> uploads = Combinators.combine(Arbitraries.of(19L, 20L, 21L), queues)
                .as(ApiUpload::new)
                .list()
                .ofMaxSize(3)
                .uniqueElements(ApiUpload::campaignUploadId);
        // calls.total: the sum of by_status, or a little more; with huge counts also less, or unrelated
        Arbitrary<Integer> skew = edges.hugeCounts()
                ? Arbitraries.integers().between(-5, 5)
                : Arbitraries.integers().between(0, 5);
        Arbitrary<Long> otherTotal = edges.hugeCounts()
                ? Arbitraries.oneOf(small, Arbitraries.longs().between(0, 5).map(d -> Long.MAX_VALUE - d))
                        .injectNull(0.7)
                : Arbitraries.just(-1L);
        Arbitrary<Respelling> respelling = Combinators.combine(
                        Arbitraries.integers().between(0, STATUSES.size() - 1),
                        Arbitraries.integers().between(0, 13),
                        Arbitraries.of(true, false))
                .as(Respelling::new)
                .injectNull(0.8);
        Arbitrary<Map<String, Long>> spelt = Combinators.combine(byStatus, respelling)
                .as((counts, respell) -> respell == null ? counts : respell.apply(counts));
        return Combinators.combine(
                        Arbitraries.of("active", "active", "active", "inactive"),
                        Arbitraries.of(true, false).injectNull(0.2),
                        Arbitraries.integers().between(0, 3).injectNull(0.2),
                        spelt,
                        uploads,
                        skew.injectNull(0.7),
                        otherTotal)
                .as((status, retryEnabled, retryThreshold, counts, ups, extra, other) -> {
                    BigInteger sum =
                            counts.values().stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
                    long total;
                    if (other != null && other >= 0) {
                        total = other;
                    } else {
                        BigInteger wanted = extra == null ? sum : sum.add(BigInteger.valueOf(extra));
                        total = wanted.max(BigInteger.ZERO)
                                .min(BigInteger.valueOf(Long.MAX_VALUE))
                                .longValue();
                    }
                    return new ApiSnapshot(status, retryEnabled, retryThreshold, total, counts, ups);
                });
    }

    private static String rules(TestConfig config) {
        return oracleRules(config).toString();
    }

    /** A copy of every parameter value. */
    private static RawGateConfig copyOf(RawGateConfig raw) {
        RawGateConfig copy = new RawGateConfig();
        try {
            for (Field field : RawGateConfig.class.getFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.set(copy, field.get(raw));
                }
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return copy;
    }
}
