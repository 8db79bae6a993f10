package ai.osvi.gate.polling;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.model.CampaignStatus;
import java.time.Duration;
import java.util.List;

/**
 * How a wait ended.
 *
 * @param lastSnapshot the last snapshot received, or {@code null} when none was
 * @param error        the error that ended the wait ({@link Outcome#REJECTED}, {@link Outcome#GAVE_UP}), else
 *                     {@code null}
 * @param fault        the unexpected exception that ended the wait ({@link Outcome#INTERNAL_ERROR}), else
 *                     {@code null}
 * @param timeline     a point per snapshot received, the last one {@code lastSnapshot}'s
 * @param warnings     what the wait warned about that the reports keep (a deadline the campaign will miss)
 */
public record WaitResult(
        Outcome outcome,
        CampaignStatus lastSnapshot,
        ApiException error,
        int polls,
        int errors,
        Duration elapsed,
        RuntimeException fault,
        Timeline timeline,
        List<String> warnings) {

    public WaitResult {
        timeline = timeline == null ? Timeline.EMPTY : timeline;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public WaitResult(
            Outcome outcome,
            CampaignStatus lastSnapshot,
            ApiException error,
            int polls,
            int errors,
            Duration elapsed,
            RuntimeException fault,
            Timeline timeline) {
        this(outcome, lastSnapshot, error, polls, errors, elapsed, fault, timeline, List.of());
    }

    public WaitResult(
            Outcome outcome, CampaignStatus lastSnapshot, ApiException error, int polls, int errors, Duration elapsed) {
        this(outcome, lastSnapshot, error, polls, errors, elapsed, null);
    }

    public WaitResult(
            Outcome outcome,
            CampaignStatus lastSnapshot,
            ApiException error,
            int polls,
            int errors,
            Duration elapsed,
            RuntimeException fault) {
        this(outcome, lastSnapshot, error, polls, errors, elapsed, fault, Timeline.EMPTY);
    }

    public enum Outcome {
        /** Every awaited queue completed. */
        COMPLETED,
        /** The campaign went {@code inactive} with awaited queues incomplete (under {@code onInactive=fail}). */
        INACTIVE,
        /** The deadline passed first. */
        TIMED_OUT,
        /** The API refused for good: 401, 404, another 4xx, or a redirect. */
        REJECTED,
        /** Too many transient errors in a row. */
        GAVE_UP,
        /** The build was interrupted. */
        ABORTED,
        /** A rule became certain to be breached before completion (under {@code failFast}). */
        CERTAIN_BREACH,
        /** Nothing changed for {@code stallTimeout}. */
        STALLED,
        /** An unexpected exception inside the gate: a bug, never a verdict. */
        INTERNAL_ERROR,
        /** A one-shot check got a snapshot of a campaign not complete, with no breach certain yet. */
        RUNNING,
        /** The baseline campaign the rules compare with could not be read, or cannot serve: nothing was awaited. */
        BASELINE_UNUSABLE
    }
}
