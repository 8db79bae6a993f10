package ai.osvi.gate.simulator;

import ai.osvi.gate.GateRun;
import ai.osvi.gate.client.ApiToken;
import ai.osvi.gate.client.OsviHttpClient;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.RawGateConfig;
import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.result.GateResult;
import ai.osvi.gate.rules.RelativeLimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** The gate run against the embedded simulator: no account, no token, nothing real contacted. */
public final class Simulation {

    private Simulation() {}

    /** Whether the user configured a rule of their own. */
    public static boolean hasRules(RawGateConfig raw) {
        return raw.maxFailureRatio != null && !raw.maxFailureRatio.isBlank()
                || raw.thresholds != null && raw.thresholds.stream().anyMatch(t -> t != null && !t.isBlank());
    }

    /**
     * Runs the gate against a simulator serving {@code scenarioNameOrPath}, a relative path being resolved against
     * {@code baseDirectory}. The configured {@code baseUrl} is replaced by the simulator's, and {@code campaignId}
     * defaults to the scenario's campaign. With {@code checkClock}, one check of the campaign ({@code check-campaign})
     * instead of a wait, as far into the scenario as the checks before it in the same report folder have gone (see
     * {@link SimulatedClock}).
     *
     * @param time the gate's and the simulator's clock, and the wall clock a wait starts at
     */
    public static GateResult run(
            String scenarioNameOrPath,
            Path baseDirectory,
            RawGateConfig raw,
            AbortSignal abort,
            ReportContext context,
            Clock checkClock,
            TimeSource time)
            throws InvalidConfigurationException {
        GateLog log = context.sink().log();
        Scenario scenario = Scenario.load(scenarioNameOrPath, baseDirectory);
        boolean suggested = !hasRules(raw) && !scenario.rules().isEmpty();
        RawGateConfig.Supplied supplied = new RawGateConfig.Supplied(
                // validates everything before a server starts; the loopback URL only stands in for the simulator's
                "http://127.0.0.1/",
                Long.toString(scenario.campaignId()),
                suggested ? scenario.rules() : null,
                scenario.baselineCampaignId() != null && comparesWithBaseline(raw, suggested ? scenario.rules() : null)
                        ? Long.toString(scenario.baselineCampaignId())
                        : null);
        List<GateConfig> configured = GateConfig.parseAll(raw, supplied);
        if (raw.baseUrl != null && !raw.baseUrl.equals(RawGateConfig.DEFAULT_BASE_URL)) {
            log.warn("baseUrl is ignored in simulation mode.");
        }
        SimulatedClock clock = checkClock == null
                ? SimulatedClock.forWait(time.wallClock())
                : SimulatedClock.forCheck(context.directory(), baseDirectory, scenario.source(), checkClock.instant());
        Scenario created = scenario.createdAt(clock.started());
        boolean seenComplete = checkClock == null && seenCompleteEarlier(configured, context, created.name());
        Scenario started = (checkClock != null || seenComplete) && created.byRequest() ? created.atItsEnd() : created;
        Duration elapsedBefore = seenComplete && !created.byRequest() ? created.end() : clock.elapsed();
        String token = SimulatorServer.generateToken();
        try (SimulatorServer server = SimulatorServer.start(started, token, time, elapsedBefore)) {
            log.info(banner(started, server, suggested));
            if (!clock.note().isEmpty()) {
                log.info(clock.note());
            }
            List<GateConfig> campaigns = configured.stream()
                    .map(config -> config.withBaseUrl(server.baseUrl()))
                    .toList();
            return serve(started, token, campaigns, abort, context.withSimulation(started.name()), checkClock, time);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded OSVI simulator on 127.0.0.1", e);
        }
    }

    /** The gate, against the simulator serving {@code scenario} at the campaigns' baseUrl. */
    private static GateResult serve(
            Scenario scenario,
            String token,
            List<GateConfig> campaigns,
            AbortSignal abort,
            ReportContext context,
            Clock checkClock,
            TimeSource time) {
        try (OsviHttpClient client = new OsviHttpClient(
                campaigns.get(0).baseUrl(),
                new ApiToken(token, "the embedded simulator"),
                campaigns.get(0).requestTimeout(),
                null,
                Clock.systemUTC(),
                (campaignId, answer) -> notFound(scenario, campaignId, answer))) {
            return checkClock == null
                    ? GateRun.run(campaigns, client, time, abort, Math::random, context)
                    : GateRun.check(campaigns, client, time, abort, Math::random, context, checkClock);
        }
    }

    /** Whether a rule names the baseline: the scenario's baseline is then the default baselineCampaignId. */
    private static boolean comparesWithBaseline(RawGateConfig raw, List<String> suggested) {
        List<String> thresholds = suggested != null ? suggested : raw.thresholds;
        return thresholds != null
                && thresholds.stream()
                        .anyMatch(threshold -> threshold != null
                                && threshold.toLowerCase(Locale.ROOT).contains(RelativeLimit.WORD));
    }

    /**
     * Whether an earlier gate of this build saw every one of these campaigns complete in this scenario: they are then
     * served as they ended, so that a gate with other rules judges them on one fresh snapshot, as it would against
     * the API, rather than on a campaign its own simulator starts again.
     */
    private static boolean seenCompleteEarlier(List<GateConfig> campaigns, ReportContext context, String scenario) {
        return campaigns.stream()
                .allMatch(config -> context.build()
                        .earlier(config.campaignId(), "await simulation " + scenario)
                        .map(earlier -> earlier.result().waitResult().lastSnapshot())
                        .filter(last -> last.isComplete(OptionalLong.empty()))
                        .isPresent());
    }

    private static String banner(Scenario scenario, SimulatorServer server, boolean suggested) {
        return "SIMULATION: scenario '" + scenario.name() + "'"
                + (scenario.description().isEmpty() ? "" : " (" + scenario.description() + ")")
                + " served by the embedded OSVI simulator at " + server.baseUrl()
                + ". Nothing real is contacted; no account or token is needed."
                + (suggested
                        ? " No rule is configured, so the scenario's suggested rules apply: "
                                + String.join(", ", scenario.rules()) + "."
                        : "");
    }

    /** A 404 of the simulator: the scenario serves one campaign, and there is no account to check. */
    static String notFound(Scenario scenario, long campaignId, String answer) {
        if (campaignId == scenario.campaignId()) {
            return "campaign " + campaignId + " not found (" + answer + "): scenario '" + scenario.name()
                    + "' answers 404 at this point of its timeline.";
        }
        return "campaign " + campaignId + " not found in the simulation (" + answer + "): scenario '"
                + scenario.name() + "' serves campaign " + scenario.campaignId()
                + (scenario.baselineCampaignId() == null
                        ? " only"
                        : " and its baseline campaign " + scenario.baselineCampaignId())
                + ". Set campaignId to "
                + scenario.campaignId() + ", or leave it unset to await the scenario's campaign"
                + (scenario.baselineCampaignId() == null
                        ? ""
                        : ", and baselineCampaignId to " + scenario.baselineCampaignId())
                + ".";
    }
}
