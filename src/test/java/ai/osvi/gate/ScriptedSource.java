package ai.osvi.gate;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.model.CampaignStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers polls from a script, one entry per poll; the last entry repeats. Each answer may take virtual time, as a
 * slow request would.
 */
public final class ScriptedSource implements StatusSource {

    private final FakeTime time;
    private final List<Object> script = new ArrayList<>();
    private Duration requestTime = Duration.ZERO;
    private int polls;
    private final List<Duration> requestsAt = new ArrayList<>();
    private final List<Duration> answersAt = new ArrayList<>();

    public ScriptedSource(FakeTime time) {
        this.time = time;
    }

    public ScriptedSource then(Snapshots snapshot) {
        script.add(snapshot.build());
        return this;
    }

    public ScriptedSource then(CampaignStatus snapshot) {
        script.add(snapshot);
        return this;
    }

    public ScriptedSource then(ApiException error) {
        script.add(error);
        return this;
    }

    public ScriptedSource thenTimes(int times, ApiException error) {
        for (int i = 0; i < times; i++) {
            script.add(error);
        }
        return this;
    }

    public ScriptedSource eachRequestTaking(Duration duration) {
        this.requestTime = duration;
        return this;
    }

    public int polls() {
        return polls;
    }

    /**
     * The pauses between polls: from each answer (or error) to the next request, however the gate slept them (it
     * sleeps long pauses in chunks, to print a line every minute).
     */
    public List<Duration> pauses() {
        List<Duration> pauses = new ArrayList<>();
        for (int i = 1; i < requestsAt.size(); i++) {
            pauses.add(requestsAt.get(i).minus(answersAt.get(i - 1)));
        }
        return pauses;
    }

    /** As the HTTP client does: a request slower than the time left is cut off when that time is up. */
    @Override
    public CampaignStatus fetch(long campaignId, Duration timeLeft) throws ApiException {
        if (requestTime.compareTo(timeLeft) > 0) {
            polls++;
            requestsAt.add(time.elapsed());
            time.advance(timeLeft);
            answersAt.add(time.elapsed());
            throw ApiException.transientFault("no complete response within " + timeLeft.toSeconds()
                    + "s (the time left before the gate's deadline)");
        }
        return fetch(campaignId);
    }

    @Override
    public CampaignStatus fetch(long campaignId) throws ApiException {
        Object answer = script.get(Math.min(polls, script.size() - 1));
        polls++;
        requestsAt.add(time.elapsed());
        time.advance(requestTime);
        answersAt.add(time.elapsed());
        if (answer instanceof ApiException error) {
            throw error;
        }
        return (CampaignStatus) answer;
    }
}
