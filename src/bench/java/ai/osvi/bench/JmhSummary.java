package ai.osvi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns JMH's JSON result ({@code -rf json}) of {@link SnapshotBenchmark} into the Markdown table of
 * {@code target/bench/results.md}: per approach and body size, the median and range of the measurement iterations
 * for time and for {@code gc.alloc.rate.norm}, and the plugin's 10,000-upload figure against its target.
 * Usage: {@code JmhSummary jmh.json}.
 */
public final class JmhSummary {

    static final double TARGET_MS = 50.0;
    static final int TARGET_UPLOADS = 10_000;

    private JmhSummary() {
    }

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(new File(args[0]));
        StringBuilder out = new StringBuilder();
        out.append("| Approach | Uploads (queues) | Body | Time per snapshot, median [min, max] | "
                + "CPU time per snapshot, median | n | Allocated per snapshot, median |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        Double pluginAtTarget = null;
        Double pluginCpuAtTarget = null;
        List<JsonNode> sorted = new ArrayList<>();
        results.forEach(sorted::add);
        // The plugin first, then the baselines; smaller bodies first
        sorted.sort(Comparator.comparingInt((JsonNode result) -> ORDER.indexOf(method(result)))
                .thenComparingInt(result -> result.path("params").path("uploads").asInt()));
        for (JsonNode result : sorted) {
            String method = method(result);
            int uploads = result.path("params").path("uploads").asInt();
            JsonNode time = result.path("primaryMetric");
            List<Double> times = raw(time);
            double toMs = toMillis(time.path("scoreUnit").asText());
            double median = median(times) * toMs;
            JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
            String allocated = alloc.isMissingNode() ? "(run with -prof gc)" : bytes(median(raw(alloc)));
            JsonNode cpuMetric = result.path("secondaryMetrics").path("cpuTimePerOp");
            double cpu = cpuMetric.isMissingNode() ? Double.NaN : median(raw(cpuMetric)) / 1000; // µs to ms
            out.append(String.format(Locale.ROOT, "| %s | %,d (%,d) | %s | %s [%s, %s] | %s | %d | %s |%n",
                    describe(method), uploads, uploads * StatusBodies.QUEUES_PER_UPLOAD,
                    bytes(StatusBodies.body(uploads).length), ms(median),
                    ms(times.stream().mapToDouble(Double::doubleValue).min().orElse(0) * toMs),
                    ms(times.stream().mapToDouble(Double::doubleValue).max().orElse(0) * toMs),
                    Double.isNaN(cpu) ? "-" : ms(cpu), times.size(), allocated));
            if (method.equals("plugin") && uploads == TARGET_UPLOADS) {
                pluginAtTarget = median;
                pluginCpuAtTarget = cpu;
            }
        }
        out.append('\n');
        if (pluginAtTarget != null) {
            out.append(String.format(Locale.ROOT, "TARGET parse+evaluate, %,d uploads: %s wall-clock per snapshot "
                    + "(target <= %.0f ms): %s; CPU time %s per snapshot: %s%n", TARGET_UPLOADS, ms(pluginAtTarget),
                    TARGET_MS, pluginAtTarget <= TARGET_MS ? "MET" : "MISSED", ms(pluginCpuAtTarget),
                    pluginCpuAtTarget <= TARGET_MS ? "MET" : "MISSED"));
        }
        System.out.print(out);
    }

    private static final List<String> ORDER = List.of("plugin", "tree", "streaming", "databind");

    private static String method(JsonNode result) {
        return result.path("benchmark").asText().replaceAll(".*\\.", "");
    }

    private static String describe(String method) {
        return switch (method) {
            case "plugin" -> "(a) plugin: StatusParser + isComplete + 2 rules";
            case "tree" -> "(b) readTree + JsonNode walk, unvalidated";
            case "streaming" -> "(c) JsonParser streaming, unvalidated";
            case "databind" -> "(d) databind into records, unvalidated";
            default -> method;
        };
    }

    /** Every measurement iteration of every fork. */
    private static List<Double> raw(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode value : fork) {
                values.add(value.asDouble());
            }
        }
        return values;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double toMillis(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-6;
            case "us/op" -> 1e-3;
            case "ms/op" -> 1;
            case "s/op" -> 1e3;
            default -> throw new IllegalArgumentException("unexpected unit " + unit + " (use -bm avgt)");
        };
    }

    private static String ms(double millis) {
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        if (millis >= 1) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        return String.format(Locale.ROOT, "%.1f us", millis * 1000);
    }

    private static String bytes(double bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
        }
        return String.format(Locale.ROOT, "%.0f B", bytes);
    }
}
