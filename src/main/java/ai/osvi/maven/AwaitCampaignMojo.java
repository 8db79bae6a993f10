package ai.osvi.maven;

import java.time.Clock;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Waits until every calling queue of an OSVI campaign has completed, then passes or fails the build on the share of
 * calls in each status. A breached rule fails the build; so do fewer calls than {@code minCalls} (inconclusive), a
 * timeout, a rejected token, an unknown campaign and an unreachable API, each with its own message.
 * <p>
 * The API token is never a parameter (Maven prints parameters at {@code -X}): it is the password of the
 * settings.xml server named by {@code serverId}, or the environment variable {@code OSVI_API_TOKEN}.
 */
@Mojo(name = "await-campaign", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class AwaitCampaignMojo extends AbstractGateMojo {

    /**
     * Created by Maven, which injects the decrypter.
     *
     * @param settingsDecrypter decrypts the settings.xml server password that holds the API token
     */
    @Inject
    public AwaitCampaignMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    Clock checkClock() {
        return null;
    }
}
