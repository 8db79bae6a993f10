package ai.osvi.maven;

import ai.osvi.gate.client.ProxySettings;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The settings.xml {@code <proxy>} for the API, chosen as Maven's resolver chooses one for a repository
 * ({@code DefaultProxySelector}), its password decrypted like Maven's own; {@code null} when none applies, so that
 * the JVM's standard proxy properties apply.
 *
 * <p>A proxy's {@code <protocol>} is the protocol of the targets it serves, not how to talk to it: an {@code https}
 * entry is the proxy for https targets, and like any other it is spoken to in plain HTTP (a {@code CONNECT} tunnel
 * for an https target).
 */
final class ProxyResolver {

    private ProxyResolver() {}

    /**
     * @param target the API's base URL, whose scheme and host choose the proxy
     */
    static ProxySettings resolve(Settings settings, SettingsDecrypter decrypter, URI target)
            throws MojoExecutionException {
        Proxy proxy = settings == null ? null : select(settings.getProxies(), target);
        if (proxy == null) {
            return null;
        }
        String source = "settings.xml proxy '" + proxy.getId() + "'";
        String password = proxy.getPassword();
        if (password != null && !password.isEmpty() && decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
            String problems = DecryptionProblems.of(result);
            if (problems != null) {
                throw new MojoExecutionException("Could not decrypt the <password> of the " + source + ": " + problems);
            }
            password = result.getProxy().getPassword();
        }
        return new ProxySettings(
                proxy.getHost(), proxy.getPort(), proxy.getUsername(), password, proxy.getNonProxyHosts(), source);
    }

    /**
     * Among the active entries whose {@code nonProxyHosts} do not exclude the target's host, the first one for the
     * target's scheme; for an https target without one, the first {@code http} entry. Entries for other protocols
     * ({@code socks}, {@code ftp}...) serve other targets and are never chosen.
     */
    static Proxy select(List<Proxy> proxies, URI target) {
        Map<String, Proxy> firstPerProtocol = new HashMap<>();
        for (Proxy proxy : proxies) {
            if (proxy.isActive() && !ProxySettings.matchesAny(proxy.getNonProxyHosts(), target.getHost())) {
                firstPerProtocol.putIfAbsent(protocolOf(proxy), proxy);
            }
        }
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        Proxy chosen = firstPerProtocol.get(scheme);
        if (chosen == null && scheme.equals("https")) {
            chosen = firstPerProtocol.get("http");
        }
        return chosen;
    }

    /** Maven's default {@code <protocol>} is {@code http}. */
    private static String protocolOf(Proxy proxy) {
        String protocol = proxy.getProtocol();
        return protocol == null || protocol.isBlank() ? "http" : protocol.trim().toLowerCase(Locale.ROOT);
    }
}
