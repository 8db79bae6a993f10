package ai.osvi.maven;

import ai.osvi.gate.config.RawGateConfig;
import java.time.Clock;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Judges an OSVI campaign once, as it is now, and ends, for campaigns longer than a CI job may wait: a scheduler
 * (Jenkins' waitUntil, a GitLab schedule, a GitHub Actions schedule) runs it again until it says more than RUNNING.
 * A complete campaign gets the verdict {@code await-campaign} would give; one whose breach is already certain, FAIL;
 * one older than {@code maxCampaignAge}, TIMEOUT; any other, RUNNING, with its progress. RUNNING passes the build
 * unless {@code onRunning=fail}. Same parameters, rules, token and reports as {@code await-campaign}; transient
 * errors are retried within {@code requestTimeout}.
 */
@Mojo(name = "check-campaign", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckCampaignMojo extends AbstractGateMojo {

    /**
     * How old a campaign may be, from its created_at, before a check that finds it not complete says TIMEOUT: a
     * duration such as 6h or 2d. Unset by default: a running campaign is then RUNNING however old it is.
     */
    @Parameter(property = "osvi.maxCampaignAge")
    private String maxCampaignAge;

    /**
     * What a campaign still running does to the build: pass (the default, so that a scheduler checks again) or
     * fail (for a CI that retries failed jobs). Later steps read RUNNING either way.
     */
    @Parameter(property = "osvi.onRunning", defaultValue = RawGateConfig.DEFAULT_ON_RUNNING)
    private String onRunning;

    /**
     * Created by Maven, which injects the decrypter.
     *
     * @param settingsDecrypter decrypts the settings.xml server password that holds the API token
     */
    @Inject
    public CheckCampaignMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    Clock checkClock() {
        return Clock.systemUTC();
    }

    @Override
    void configure(RawGateConfig raw) {
        raw.maxCampaignAge = maxCampaignAge;
        raw.onRunning = onRunning;
    }
}
