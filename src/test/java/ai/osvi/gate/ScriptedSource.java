package ai.osvi.gate;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.client.TransientApiException;
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

    /** As the HTTP client does: a request slower than the time left is cut off when that time is up. */
    @Override
    public CampaignStatus fetch(long campaignId, Duration timeLeft) throws ApiException {
        if (requestTime.compareTo(timeLeft) > 0) {
            polls++;
            time.advance(timeLeft);
            throw new TransientApiException("no complete response within " + timeLeft.toSeconds()
                    + "s (the time left before the gate's deadline)");
        }
        return fetch(campaignId);
    }

    @Override
    public CampaignStatus fetch(long campaignId) throws ApiException {
        Object answer = script.get(Math.min(polls, script.size() - 1));
        polls++;
        time.advance(requestTime);
        if (answer instanceof ApiException error) {
            throw error;
        }
        return (CampaignStatus) answer;
    }
}
