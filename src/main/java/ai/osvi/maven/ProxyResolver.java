package ai.osvi.maven;

import ai.osvi.gate.client.ProxySettings;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The active {@code <proxy>} of settings.xml, its password decrypted like Maven's own; {@code null} when there is
 * none, so that the JVM's standard proxy properties apply.
 */
final class ProxyResolver {

    private ProxyResolver() {
    }

    static ProxySettings resolve(Settings settings, SettingsDecrypter decrypter) throws MojoExecutionException {
        Proxy proxy = settings == null ? null : settings.getActiveProxy();
        if (proxy == null) {
            return null;
        }
        String source = "settings.xml proxy '" + proxy.getId() + "'";
        String protocol = proxy.getProtocol() == null ? "http" : proxy.getProtocol().toLowerCase(Locale.ROOT);
        if (!protocol.equals("http") && !protocol.equals("https")) {
            throw new MojoExecutionException("The " + source + " uses protocol '" + proxy.getProtocol()
                    + "'; the OSVI gate supports http and https proxies.");
        }
        String password = proxy.getPassword();
        if (password != null && !password.isEmpty() && decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
            String problems = DecryptionProblems.of(result);
            if (problems != null) {
                throw new MojoExecutionException("Could not decrypt the <password> of the " + source + ": "
                        + problems);
            }
            password = result.getProxy().getPassword();
        }
        return new ProxySettings(protocol, proxy.getHost(), proxy.getPort(), proxy.getUsername(), password,
                proxy.getNonProxyHosts(), source);
    }
}
