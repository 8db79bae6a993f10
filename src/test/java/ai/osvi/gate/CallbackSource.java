package ai.osvi.gate;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.model.CampaignStatus;
import java.time.Duration;

/**
 * A status source that answers each poll by calling back into the test (which may abort, throw or be interrupted
 * there), and counts the calls to {@link #abort()}: what the gate does to a request in flight. It has both
 * {@code fetch(long)} and {@code fetch(long, Duration)}, without {@code @Override}, so that it compiles against the
 * StatusSource of today and the one that receives the time left before the deadline.
 */
public final class CallbackSource implements StatusSource {

    /** The answer to poll number {@code poll} (counted from 1). */
    @FunctionalInterface
    public interface Answer {
        CampaignStatus answer(int poll) throws ApiException, InterruptedException;
    }

    private final Answer answer;
    private int polls;
    private int aborts;

    public CallbackSource(Answer answer) {
        this.answer = answer;
    }

    public CampaignStatus fetch(long campaignId) throws ApiException, InterruptedException {
        return answer.answer(++polls);
    }

    public CampaignStatus fetch(long campaignId, Duration timeLeft) throws ApiException, InterruptedException {
        return fetch(campaignId);
    }

    @Override
    public void abort() {
        aborts++;
    }

    public int polls() {
        return polls;
    }

    /** How many times the gate asked for the request in flight to be cancelled. */
    public int aborts() {
        return aborts;
    }
}
