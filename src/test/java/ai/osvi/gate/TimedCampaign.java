package ai.osvi.gate;

import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.model.Upload;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A campaign driven by virtual time: 1,000 calls in four queues of 250, made along {@code shape} (the share of the
 * calls made by a share of the campaign's length) and all made at its end, where every queue has completed. The gate
 * may start {@code offset} into it. Each request takes 100 ms and sees the campaign as it is when it ends.
 */
public final class TimedCampaign implements StatusSource {

    public static final long QUEUED = 1_000;
    public static final Duration REQUEST_TIME = Duration.ofMillis(100);

    public static final DoubleUnaryOperator LINEAR = x -> x;
    /** 90 % of the calls in the first third of the time, the last 10 % evenly over the rest. */
    public static final DoubleUnaryOperator LONG_TAIL = x -> x <= 1.0 / 3 ? 2.7 * x : 0.9 + 0.15 * (x - 1.0 / 3);
    /** A pace that falls all along (1 - e^-5x, scaled): half the calls by 14 % of the time, 90 % by 46 %. */
    public static final DoubleUnaryOperator DECAYING_TAIL = x -> (1 - Math.exp(-5 * x)) / (1 - Math.exp(-5));
    /** 3 % of the calls, evenly; then every queue completes: the other contacts could not be reached. */
    public static final DoubleUnaryOperator EARLY_END = x -> 0.03 * x;
    /** Half the calls in the first 30 % of the time, then none until the end, where every queue completes. */
    public static final DoubleUnaryOperator STALL = x -> x <= 0.3 ? x * 0.5 / 0.3 : 0.5;
    /** A pace that triples halfway: a quarter of the calls in the first half, the rest in the second. */
    public static final DoubleUnaryOperator TRIPLING = x -> x <= 0.5 ? x * 0.5 : 0.25 + (x - 0.5) * 1.5;
    /** 60 % of the calls by 40 % of the time, none until 70 % (a retry delay), then the rest. */
    public static final DoubleUnaryOperator RETRY_PAUSE =
            x -> x <= 0.4 ? 0.6 * x / 0.4 : x <= 0.7 ? 0.6 : 0.6 + 0.4 * (x - 0.7) / 0.3;

    private final FakeTime time;
    private final DoubleUnaryOperator shape;
    private final double length;
    private final long zero;
    private final double offset;
    private int polls;

    public TimedCampaign(FakeTime time, DoubleUnaryOperator shape, Duration length, Duration offset) {
        this.time = time;
        this.shape = shape;
        this.length = length.toNanos() / 1e9;
        this.zero = time.nanoTime();
        this.offset = offset.toNanos() / 1e9;
    }

    /** Seconds since the campaign started. */
    public double now() {
        return offset + (time.nanoTime() - zero) / 1e9;
    }

    /** Seconds from now to the campaign's end (negative once it has ended). */
    public double left() {
        return length - now();
    }

    public int polls() {
        return polls;
    }

    @Override
    public CampaignStatus fetch(long campaignId) {
        polls++;
        time.advance(REQUEST_TIME);
        double t = now();
        // at its end every queue completes, with the calls the shape made by then: all of them, or fewer (contacts
        // that could not be reached)
        long calls = (long) Math.floor(QUEUED * shape.applyAsDouble(Math.min(1, t / length)) + 1e-9);
        int completed = t >= length ? 4 : (int) Math.min(4, calls / (QUEUED / 4));
        long failed = calls / 20;
        Map<String, Long> byStatus = new LinkedHashMap<>();
        byStatus.put("picked", calls - failed);
        byStatus.put("failed", failed);
        return new CampaignStatus(
                new Campaign(7L, "June Renewals", "active", false, null, null),
                new CallCounts(calls, byStatus),
                List.of(new Upload(19, 4, completed, QUEUED)));
    }
}
