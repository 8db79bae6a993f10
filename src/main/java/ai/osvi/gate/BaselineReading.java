package ai.osvi.gate;

import ai.osvi.gate.client.ApiException;
import ai.osvi.gate.client.StatusSource;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.CampaignWaiter;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.rules.Rule;
import ai.osvi.gate.verdict.BaselineCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The baseline campaign, read once for every campaign of a run before any wait: each campaign's rules relative to it
 * get their exact limits, or each campaign its ERROR, naming the baseline and what is missing.
 */
final class BaselineReading {

    private BaselineReading() {}

    /**
     * @return one entry per campaign: its configuration with the limits set, or (when the baseline cannot serve) its
     *         ERROR result as {@code unusable}
     */
    static List<Resolved> resolve(
            List<GateConfig> campaigns,
            StatusSource source,
            TimeSource time,
            GateLog log,
            AbortSignal abort,
            DoubleSupplier random) {
        GateConfig first = campaigns.get(0);
        long baseline = first.baseline().campaignId();
        log.info("Reading the baseline, campaign " + baseline + " (baselineCampaignId), once: rules "
                + String.join(
                        ", ",
                        first.rules().stream()
                                .filter(Rule::isRelative)
                                .map(Rule::describe)
                                .toList()));
        WaitResult read =
                new CampaignWaiter(first.forBaseline(), source, time, new InfoAsDebug(log), abort, random).checkOnce();
        CampaignStatus snapshot = read.lastSnapshot();
        Optional<String> problem =
                snapshot == null ? Optional.of(notRead(read, first)) : BaselineCheck.problem(snapshot, first);
        List<Resolved> resolved = new ArrayList<>();
        for (GateConfig campaign : campaigns) {
            resolved.add(
                    problem.isPresent()
                            ? new Resolved(campaign, BaselineCheck.unusable(campaign, problem.get(), read))
                            : new Resolved(campaign.withBaseline(snapshot), null));
        }
        if (problem.isEmpty()) {
            log.info("Baseline campaign " + baseline + ": " + BaselineCheck.describe(snapshot, first) + "; limits: "
                    + String.join(
                            ", ",
                            resolved.get(0).config().rules().stream()
                                    .filter(Rule::isRelative)
                                    .map(rule -> rule.subject() + " "
                                            + rule.operator().symbol() + " " + rule.limitText())
                                    .toList()));
        }
        return resolved;
    }

    /**
     * A campaign's configuration once the baseline was read.
     *
     * @param unusable the campaign's ERROR when the baseline cannot serve, else {@code null}
     */
    record Resolved(GateConfig config, CampaignResult unusable) {}

    private static String notRead(WaitResult read, GateConfig config) {
        ApiException error = read.error();
        String reason = switch (read.outcome()) {
            case ABORTED -> "the gate was aborted while reading it";
            case INTERNAL_ERROR ->
                "the gate failed unexpectedly while reading it ("
                        + (read.fault() == null
                                ? "unknown"
                                : read.fault().getClass().getName()) + ")";
            default ->
                error == null
                        ? "no answer within requestTimeout " + Values.format(config.requestTimeout())
                        : switch (error.kind()) {
                            case NOT_FOUND -> "it was not found (HTTP 404): check baselineCampaignId";
                            case TOKEN_REJECTED -> "the API token was rejected (HTTP 401)";
                            default -> "it could not be read: " + error.getMessage();
                        };
        };
        return reason;
    }

    /** The waiter's progress lines about the baseline are detail: its one line is the baseline's values. */
    private record InfoAsDebug(GateLog log) implements GateLog {
        @Override
        public void info(String message) {
            log.debug(message);
        }

        @Override
        public void warn(String message) {
            log.warn(message);
        }

        @Override
        public void error(String message) {
            log.error(message);
        }

        @Override
        public void debug(String message) {
            log.debug(message);
        }
    }
}
