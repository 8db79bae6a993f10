package ai.osvi.gate.polling;

import ai.osvi.gate.model.CampaignStatus;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** The one-line description of a snapshot used in progress lines and messages. */
public final class Progress {

    private Progress() {}

    /**
     * "queues 3/5 completed, 96 calls (picked 80, not_picked 10, failed 6), upload 20 without a queue yet, campaign
     * inactive".
     */
    public static String describe(CampaignStatus snapshot, OptionalLong uploadId) {
        return describe(snapshot, uploadId, false);
    }

    /**
     * As {@link #describe}, with the calls made of those queued (the sum of the queues' {@code total_queued}) when the
     * queues say: "queues 1/4 completed, 400/1000 calls, 40% (picked 380, failed 20)". Numbers are written in
     * digits alone, as in every other line and report (and in the JSON), never with a thousands separator.
     */
    static String line(CampaignStatus snapshot, OptionalLong uploadId) {
        return describe(snapshot, uploadId, true);
    }

    private static String describe(CampaignStatus snapshot, OptionalLong uploadId, boolean ofQueued) {
        StringBuilder line = new StringBuilder("queues ")
                .append(snapshot.completedQueues(uploadId))
                .append('/')
                .append(snapshot.awaitedQueues(uploadId))
                .append(" completed, ");
        long calls = snapshot.calls().total();
        Optional<BigInteger> queued =
                ofQueued ? snapshot.totalQueued().filter(total -> total.signum() > 0) : Optional.empty();
        if (queued.isPresent()) {
            // rounded down: 100% only once every queued call is made
            line.append(calls)
                    .append('/')
                    .append(queued.get())
                    .append(" calls, ")
                    .append(BigInteger.valueOf(calls)
                            .multiply(BigInteger.valueOf(100))
                            .divide(queued.get()))
                    .append('%');
        } else {
            line.append(calls).append(" calls");
        }
        String separator = " (";
        for (Map.Entry<String, Long> count : snapshot.calls().byStatus().entrySet()) {
            line.append(separator).append(count.getKey()).append(' ').append(count.getValue());
            separator = ", ";
        }
        if (!snapshot.calls().byStatus().isEmpty()) {
            line.append(')');
        }
        List<Long> withoutQueue = snapshot.uploadsWithoutQueue(uploadId);
        if (!withoutQueue.isEmpty()) {
            line.append(withoutQueue.size() == 1 ? ", upload " : ", uploads ")
                    .append(withoutQueue.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(" without a queue yet");
        }
        if (snapshot.campaign().isInactive()) {
            line.append(", campaign inactive");
        }
        return line.toString();
    }

    /**
     * An estimate of the time left as people say it: "about 4 s left" (to the second, below 10 s), "about 40 s left"
     * (to 5 s, below a minute), "about 2 min 30 s
     * left" (to 30 s, below 10 minutes), "about 25 min left" (to the minute, below an hour), "about 1 h 20 min left"
     * (to 10 minutes).
     */
    static String timeLeft(Duration left) {
        long seconds = Math.max(0, (left.toMillis() + 500) / 1000);
        String about;
        if (seconds < 10) {
            about = Math.max(1, seconds) + " s";
        } else if (seconds < 55) {
            about = (seconds + 2) / 5 * 5 + " s";
        } else if (seconds < 585) {
            long halves = (seconds + 15) / 30;
            about = halves / 2 + " min" + (halves % 2 == 0 ? "" : " 30 s");
        } else if (seconds < 3570) {
            about = (seconds + 30) / 60 + " min";
        } else {
            long tens = (seconds + 300) / 600;
            about = tens / 6 + " h" + (tens % 6 == 0 ? "" : " " + tens % 6 * 10 + " min");
        }
        return "about " + about + " left";
    }
}
