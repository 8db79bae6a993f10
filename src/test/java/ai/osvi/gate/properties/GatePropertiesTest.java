package ai.osvi.gate.properties;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.BuildOutcome;
import ai.osvi.gate.FakeTime;
import ai.osvi.gate.Gate;
import ai.osvi.gate.GateLog;
import ai.osvi.gate.SilentLog;
import ai.osvi.gate.GateResult;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.Verdict;
import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.AuthenticationException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.client.TransientApiException;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.WaitResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random campaigns, rule sets and fault schedules, run through the gate in virtual time and checked against a small
 * independent oracle: no false pass, no run past the deadline, completion never missed, no stale verdict.
 */
class GatePropertiesTest {

    private static final List<String> STATUSES = List.of("picked", "not_picked", "failed", "voicemail");
    private static final GateLog SILENT = new SilentLog();

    /** One generated run: the parameters, and what the API answers at each poll (the last answer repeats). */
    record Run(TestConfig config, List<Object> answers, List<Integer> requestSeconds, long seed) {
        @Override
        public String toString() {
            return "timeout=" + config.timeout + " poll=" + config.pollInterval + " rules=" + config.thresholds
                    + " max=" + config.maxFailureRatio + " minCalls=" + config.minCalls + " onTimeout="
                    + config.onTimeout + " onInactive=" + config.onInactive + " maxErrors="
                    + config.maxConsecutiveErrors + " answers=" + answers.size() + " seed=" + seed;
        }
    }

    @Property(tries = 10_000)
    void the_gate_never_passes_falsely_and_never_overruns_its_deadline(@ForAll("runs") Run run) {
        FakeTime time = new FakeTime();
        GateConfig config = run.config().parse();
        List<CampaignStatus> served = new ArrayList<>();
        int[] polls = {0};
        StatusSource source = campaignId -> {
            int index = Math.min(polls[0], run.answers().size() - 1);
            time.advance(Duration.ofSeconds(run.requestSeconds().get(Math.min(polls[0], run.requestSeconds().size() - 1))));
            polls[0]++;
            Object answer = run.answers().get(index);
            if (answer instanceof ApiException error) {
                throw error;
            }
            if (time.elapsed().compareTo(config.timeout()) <= 0) {
                served.add((CampaignStatus) answer); // an answer after the deadline is not used
            }
            return (CampaignStatus) answer;
        };
        Random jitter = new Random(run.seed());

        GateResult result = new Gate(config, source, time, SILENT, new AbortSignal(), jitter::nextDouble).run();

        int longestRequest = run.requestSeconds().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertThat(time.elapsed()).as("deadline").isLessThanOrEqualTo(config.timeout().plusSeconds(longestRequest));

        CampaignStatus last = served.isEmpty() ? null : served.get(served.size() - 1);
        assertThat(result.waitResult().lastSnapshot()).as("judged the last snapshot served").isSameAs(last);

        boolean buildGoesOn = result.outcome() == BuildOutcome.PASS || result.outcome() == BuildOutcome.WARN;
        if (result.verdict() == Verdict.PASS) {
            assertThat(last).isNotNull();
            assertThat(last.calls().total()).as("minCalls").isGreaterThanOrEqualTo(config.minCalls());
            assertThat(oracleRulesHold(run.config(), last.calls())).as("every rule holds").isTrue();
            boolean complete = oracleComplete(last, config);
            boolean evaluatedOnTimeout = run.config().onTimeout.equals("evaluate")
                    && time.elapsed().compareTo(config.timeout()) >= 0;
            assertThat(complete || evaluatedOnTimeout).as("complete, or judged at timeout on request").isTrue();
            if (result.outcome() == BuildOutcome.PASS) {
                assertThat(complete).isTrue();
                assertThat(config.rules()).isNotEmpty();
            }
        } else if (result.verdict() == Verdict.FAIL) {
            assertThat(oracleRulesHold(run.config(), last.calls())).as("a FAIL needs a breached rule").isFalse();
            if (!oracleComplete(last, config) && result.waitResult().outcome() != WaitResult.Outcome.TIMED_OUT) {
                assertThat(run.config().failFast).as("an early FAIL only under failFast").isTrue();
            }
            assertThat(buildGoesOn).isEqualTo(!run.config().failBuild);
        } else {
            assertThat(result.outcome()).isNotEqualTo(BuildOutcome.PASS);
        }

        // Completion is never missed: the gate stops at the first complete snapshot it is served.
        int firstComplete = -1;
        for (int i = 0; i < served.size(); i++) {
            if (oracleComplete(served.get(i), config)) {
                firstComplete = i;
                break;
            }
        }
        if (firstComplete >= 0) {
            assertThat(served).hasSize(firstComplete + 1);
            assertThat(result.verdict()).isIn(Verdict.PASS, Verdict.FAIL, Verdict.INCONCLUSIVE, Verdict.ERROR);
        }
    }

    /** Independent of the gate's own arithmetic: integer cross-multiplication on the raw texts. */
    private static boolean oracleRulesHold(TestConfig config, CallCounts calls) {
        List<String> rules = new ArrayList<>(config.thresholds);
        if (config.maxFailureRatio != null) {
            rules.add(config.failureStatuses.replace(",", "+") + " <= " + config.maxFailureRatio);
        }
        for (String rule : rules) {
            String[] parts = rule.split(" ");
            long count = 0;
            for (String status : parts[0].split("\\+")) {
                count += calls.byStatus().getOrDefault(status, 0L);
            }
            String limitText = parts[2];
            BigDecimal limit = limitText.endsWith("%")
                    ? new BigDecimal(limitText.substring(0, limitText.length() - 1)).movePointLeft(2)
                    : new BigDecimal(limitText);
            // count / total OP unscaled / 10^scale  <=>  count * 10^scale OP unscaled * total
            BigInteger left = BigInteger.valueOf(count).multiply(BigInteger.TEN.pow(Math.max(0, limit.scale())));
            BigInteger right = limit.unscaledValue().multiply(BigInteger.valueOf(calls.total()))
                    .multiply(BigInteger.TEN.pow(Math.max(0, -limit.scale())));
            int c = left.compareTo(right);
            boolean holds = switch (parts[1]) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean oracleComplete(CampaignStatus snapshot, GateConfig config) {
        int queues = 0;
        for (Upload upload : snapshot.uploads()) {
            if (config.uploadId().isPresent() && upload.campaignUploadId() != config.uploadId().getAsLong()) {
                continue;
            }
            queues += upload.queues();
            // an upload with no queue yet has calls that have not even started
            if (upload.queues() == 0 || upload.completedQueues() < upload.queues()) {
                return false;
            }
        }
        return queues > 0;
    }

    @Provide
    Arbitrary<Run> runs() {
        Arbitrary<String> limit = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 100).map(p -> p + "%"),
                Arbitraries.integers().between(0, 10_000).map(p -> BigDecimal.valueOf(p, 4).toPlainString()));
        Arbitrary<String> subject = Arbitraries.of(STATUSES).set().ofMinSize(1).ofMaxSize(3)
                .map(set -> String.join("+", set));
        Arbitrary<String> rule = Combinators.combine(subject, Arbitraries.of("<", "<=", ">", ">="), limit)
                .as((s, op, l) -> s + " " + op + " " + l);
        Arbitrary<TestConfig> config = Combinators.combine(
                Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(1, 40),
                rule.list().ofMaxSize(3),
                limit.injectNull(0.3),
                Arbitraries.integers().between(1, 30),
                Arbitraries.of("fail", "evaluate"),
                Arbitraries.of("fail", "wait"),
                Arbitraries.integers().between(1, 6))
                .as((poll, timeoutFactor, rules, max, minCalls, onTimeout, onInactive, maxErrors) -> {
                    TestConfig c = new TestConfig();
                    c.pollInterval = poll + "s";
                    c.timeout = (poll * timeoutFactor) + "s";
                    c.thresholds = rules;
                    c.maxFailureRatio = max;
                    c.failureStatuses = "failed,not_picked";
                    c.minCalls = String.valueOf(minCalls);
                    c.onTimeout = onTimeout;
                    c.onInactive = onInactive;
                    c.maxConsecutiveErrors = String.valueOf(maxErrors);
                    c.failBuild = minCalls % 2 == 0;
                    c.uploadId = minCalls % 5 == 0 ? "19" : null;
                    c.pollStrategy = poll % 2 == 0 ? "adaptive" : "fixed";
                    c.failFast = timeoutFactor % 3 == 0;
                    c.stallTimeout = timeoutFactor % 4 == 0 ? (poll * 3) + "s" : null;
                    return c;
                });
        Arbitrary<Object> answer = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, snapshot()),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(
                        new TransientApiException("HTTP 503 Service Unavailable", Duration.ofSeconds(30)),
                        new TransientApiException("HTTP 502 Bad Gateway"),
                        new TransientApiException("no response within 30s (requestTimeout)"))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new AuthenticationException("HTTP 401"))));
        return Combinators.combine(config, answer.list().ofMinSize(1).ofMaxSize(25),
                Arbitraries.integers().between(0, 40).list().ofMinSize(1).ofMaxSize(25),
                Arbitraries.longs()).as(Run::new);
    }

    private Arbitrary<Object> snapshot() {
        Arbitrary<Map<String, Long>> counts = Arbitraries.longs().between(0, 200).list().ofSize(STATUSES.size())
                .map(values -> {
                    Map<String, Long> byStatus = new LinkedHashMap<>();
                    for (int i = 0; i < STATUSES.size(); i++) {
                        if (values.get(i) > 0 || i % 2 == 0) {
                            byStatus.put(STATUSES.get(i), values.get(i));
                        }
                    }
                    return byStatus;
                });
        Arbitrary<List<Upload>> uploads = Combinators.combine(Arbitraries.of(19L, 20L),
                Arbitraries.of(true, true, false).list().ofMaxSize(3))
                .as((id, completed) -> new Upload(id, completed.size(),
                        (int) completed.stream().filter(done -> done).count(), 10L * completed.size()))
                .list().ofMaxSize(3);
        return Combinators.combine(counts, uploads, Arbitraries.of("active", "active", "active", "inactive"),
                Arbitraries.integers().between(-5, 5).injectNull(0.8))
                .as((byStatus, ups, status, skew) -> {
                    long sum = byStatus.values().stream().mapToLong(Long::longValue).sum();
                    long total = skew == null ? sum : Math.max(0, sum + skew);
                    return (Object) new CampaignStatus(new Campaign(7L, "p", status, null, null, null, null),
                            new CallCounts(total, byStatus), ups);
                });
    }
}
