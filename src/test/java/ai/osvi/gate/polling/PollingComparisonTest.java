package ai.osvi.gate.polling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.Gate;
import ai.osvi.gate.SilentLog;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Detection latency (campaign end to verdict) and requests made, fixed 5 s polling against adaptive polling, over
 * campaigns of different shapes, in virtual time: deterministic figures, written to target/bench/polling.md.
 */
class PollingComparisonTest {

    private static final long QUEUED = 600;
    private static final Duration REQUEST_TIME = Duration.ofMillis(100);

    /** A campaign shape: calls made by second t, reaching QUEUED at the end. */
    record Shape(String name, DoubleUnaryOperator calls, double end) {}

    static final List<Shape> SHAPES = List.of(
            new Shape("steady", t -> QUEUED * Math.min(1, t / 600), 600),
            new Shape(
                    "bursty",
                    t -> {
                        double made = 0;
                        for (int burst = 0; burst < 5; burst++) {
                            double start = burst * 120;
                            made += 120 * Math.max(0, Math.min(1, (t - start) / 10));
                        }
                        return made;
                    },
                    490),
            new Shape("long tail", t -> t <= 300 ? 540 * t / 300 : Math.min(QUEUED, 540 + 60 * (t - 300) / 600), 900),
            new Shape(
                    "stalled, then resumed",
                    t -> t <= 300 ? t : t <= 900 ? 300 : Math.min(QUEUED, 300 + (t - 900)),
                    1200));

    record Run(double latencySeconds, int requests) {}

    static Run simulate(Shape shape, String strategy, String pollInterval, double startOffset) {
        FakeTime time = new FakeTime();
        long zero = time.nanoTime();
        StatusSource source = campaignId -> {
            time.advance(REQUEST_TIME);
            double t = startOffset + (time.nanoTime() - zero) / 1e9;
            long calls = (long) Math.floor(shape.calls().applyAsDouble(t) + 1e-9);
            boolean done = t >= shape.end();
            if (done) {
                calls = QUEUED;
            }
            int queuesDone = 0;
            for (int q = 0; q < 3; q++) {
                boolean queueDone = done || calls >= (q + 1) * (QUEUED / 3) && q < 2;
                queuesDone += queueDone ? 1 : 0;
            }
            long failed = calls / 50;
            return new CampaignStatus(
                    new Campaign(7L, shape.name(), "active", false, null, null),
                    new CallCounts(calls, Map.of("picked", calls - failed, "failed", failed)),
                    List.of(new Upload(19, 3, queuesDone, 3 * (QUEUED / 3))));
        };
        TestConfig config = new TestConfig();
        config.pollStrategy = strategy;
        config.pollInterval = pollInterval;
        config.maxPollInterval = "2m";
        config.timeout = "2h";
        config.maxFailureRatio = "5%";
        int[] requests = {0};
        StatusSource counting = id -> {
            requests[0]++;
            return source.fetch(id);
        };
        CampaignResult result = new Gate(config.parse(), counting, time, SILENT, new AbortSignal(), () -> 0).run();
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        double detectedAt = startOffset + (time.nanoTime() - zero) / 1e9;
        return new Run(detectedAt - shape.end(), requests[0]);
    }

    @Test
    void adaptive_polling_should_detect_the_end_within_3s_with_half_the_requests_of_fixed_5s() throws IOException {
        StringBuilder table =
                new StringBuilder("| Scenario | Strategy | Median latency | Max latency | Requests (median) |\n"
                        + "|---|---|---:|---:|---:|\n");
        List<Double> adaptiveLatencies = new ArrayList<>();
        List<Double> fixedLatencies = new ArrayList<>();
        long adaptiveRequests = 0;
        long fixedRequests = 0;
        for (Shape shape : SHAPES) {
            for (String[] strategy : List.of(new String[] {"fixed", "5s"}, new String[] {"adaptive", "1s"})) {
                List<Double> latencies = new ArrayList<>();
                List<Double> requests = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Run run = simulate(shape, strategy[0], strategy[1], i * 0.25);
                    latencies.add(run.latencySeconds());
                    requests.add((double) run.requests());
                }
                if (strategy[0].equals("fixed")) {
                    fixedLatencies.addAll(latencies);
                    fixedRequests +=
                            requests.stream().mapToLong(Double::longValue).sum();
                } else {
                    adaptiveLatencies.addAll(latencies);
                    adaptiveRequests +=
                            requests.stream().mapToLong(Double::longValue).sum();
                }
                table.append(String.format(
                        Locale.ROOT,
                        "| %s | %s %s | %.1f s | %.1f s | %.0f |%n",
                        shape.name(),
                        strategy[0],
                        strategy[1],
                        median(latencies),
                        latencies.stream()
                                .mapToDouble(Double::doubleValue)
                                .max()
                                .orElse(0),
                        median(requests)));
            }
        }
        table.append(String.format(
                Locale.ROOT, "| **all** | fixed 5s | %.1f s | | %d in all |%n", median(fixedLatencies), fixedRequests));
        table.append(String.format(
                Locale.ROOT,
                "| **all** | adaptive 1s..2m | %.1f s | | %d in all (%.0f%%) |%n",
                median(adaptiveLatencies),
                adaptiveRequests,
                100.0 * adaptiveRequests / fixedRequests));
        Path out = Path.of("target", "bench", "polling.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
        System.out.println(table);

        assertThat(median(adaptiveLatencies))
                .as("median detection latency, adaptive")
                .isLessThanOrEqualTo(3.0);
        assertThat(adaptiveRequests).as("requests, adaptive vs fixed 5s").isLessThanOrEqualTo(fixedRequests / 2);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static final GateLog SILENT = new SilentLog();
}
