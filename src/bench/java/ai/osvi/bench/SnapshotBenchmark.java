package ai.osvi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time (and, with {@code -prof gc}, allocation) per status snapshot: parse one body, decide completion, judge two
 * rules. {@link #plugin} is what the gate does on every poll; the others are unvalidated baselines on plain Jackson,
 * run in the same JVM for comparison. Run by {@code .ci/bench-jmh}.
 *
 * <p>Besides JMH's wall-clock time per operation, {@link CpuTime} reports the benchmark thread's CPU time per
 * operation: on a machine shared with other work the thread waits for a core part of the time, which inflates the
 * wall-clock figure but not the CPU one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
// A fixed, pre-touched heap: on a shared VM, growing the heap (first touch of new pages) otherwise dominates and
// scatters the 10,000-upload figures.
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class SnapshotBenchmark {

    /** Uploads in the body, each with {@link StatusBodies#QUEUES_PER_UPLOAD} queues. */
    @Param({"1", "100", "10000"})
    public int uploads;

    private byte[] body;
    private Readers readers;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        body = StatusBodies.body(uploads);
        readers = new Readers();
        // Every approach must reach the same judgement, or the comparison means nothing.
        Judgement expected = readers.plugin(body);
        if (!expected.complete() || !expected.failedRuleHolds() || !expected.pickedRuleHolds()) {
            throw new IllegalStateException("the generated body should be complete and pass: " + expected);
        }
        for (Judgement other : new Judgement[] {Readers.tree(body), Readers.streaming(body), Readers.databind(body)}) {
            if (!expected.equals(other)) {
                throw new IllegalStateException("judgements differ: " + expected + " vs " + other);
            }
        }
        System.out.println();
        System.out.println("# body: " + uploads + " uploads, " + body.length + " bytes");
    }

    @Benchmark
    public Judgement plugin(CpuTime cpu) throws Exception {
        cpu.ops++;
        return readers.plugin(body);
    }

    @Benchmark
    public Judgement tree(CpuTime cpu) throws Exception {
        cpu.ops++;
        return Readers.tree(body);
    }

    @Benchmark
    public Judgement streaming(CpuTime cpu) throws Exception {
        cpu.ops++;
        return Readers.streaming(body);
    }

    @Benchmark
    public Judgement databind(CpuTime cpu) throws Exception {
        cpu.ops++;
        return Readers.databind(body);
    }

    /** The benchmark thread's CPU time per operation in one iteration, reported as {@code cpuTimePerOp} (µs). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        long ops;
        private long threadId;
        private long start;

        @Setup(Level.Iteration)
        public void start() {
            ops = 0;
            threadId = Thread.currentThread().getId();
            start = THREADS.getThreadCpuTime(threadId);
        }

        public double cpuTimePerOp() {
            return ops == 0 ? Double.NaN : (THREADS.getThreadCpuTime(threadId) - start) / 1000.0 / ops;
        }
    }
}
