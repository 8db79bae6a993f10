package ai.osvi.gate.config;

/** The choices of the {@code onInconclusive}, {@code onTimeout} and {@code onInactive} parameters. */
public final class Policy {

    private Policy() {}

    /** What an INCONCLUSIVE result (fewer calls than {@code minCalls}) does to the build. */
    public enum OnInconclusive {
        FAIL,
        WARN
    }

    /** What happens when the deadline passes before the campaign completes. */
    public enum OnTimeout {
        FAIL,
        EVALUATE
    }

    /** What a one-shot check of a campaign still running does to the build: it passes, so a scheduler checks again. */
    public enum OnRunning {
        PASS,
        FAIL
    }

    /** What happens when the campaign is {@code inactive} while awaited queues are incomplete. */
    public enum OnInactive {
        FAIL,
        WAIT
    }

    /** How the pause between polls is chosen. */
    public enum PollStrategy {
        FIXED,
        ADAPTIVE
    }

    /** What happens when {@code maxConsecutiveErrors} polls in a row have failed. */
    public enum OnError {
        FAIL,
        WARN
    }
}
