package ai.osvi.maven;

import ai.osvi.gate.client.ApiToken;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Finds the API token: the password of the settings.xml {@code <server>} with id {@code serverId}, decrypted with
 * Maven's {@link SettingsDecrypter}; else the environment variable {@value #ENV_VARIABLE}. Remembers which, so that a
 * rejected token can be traced to its source without ever being shown.
 */
final class TokenResolver {

    static final String ENV_VARIABLE = "OSVI_API_TOKEN";
    /**
     * The shortest token taken. OSVI's are longer; a shorter value is a placeholder or a mistake, and could not be
     * hidden in the output without hiding the gate's own words with it (a token "x" would turn every x into ****).
     */
    static final int MIN_LENGTH = 8;

    private final SettingsDecrypter decrypter;
    private final UnaryOperator<String> environment;

    TokenResolver(SettingsDecrypter decrypter, UnaryOperator<String> environment) {
        this.decrypter = decrypter;
        this.environment = environment;
    }

    ApiToken resolve(Settings settings, String serverId) throws MojoExecutionException {
        Server server = settings == null || serverId == null ? null : settings.getServer(serverId);
        String source = "settings.xml server '" + serverId + "'";
        if (server != null
                && server.getPassword() != null
                && !server.getPassword().isBlank()) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            String problems = DecryptionProblems.of(result);
            if (problems != null) {
                throw new MojoExecutionException("Could not decrypt the <password> of " + source + ": " + problems
                        + ". Check settings-security.xml (the master password), or re-encrypt the token with"
                        + " mvn --encrypt-password.");
            }
            String token = result.getServer().getPassword();
            if (token != null && !token.isBlank()) {
                return checked(token.trim(), source);
            }
        }
        String fromEnvironment = environment.apply(ENV_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return checked(fromEnvironment.trim(), "environment variable " + ENV_VARIABLE);
        }
        throw new MojoExecutionException("No OSVI API token found. Either add a <server> with <id>" + serverId
                + "</id> and the token as its <password> to settings.xml (encrypt it with mvn --encrypt-password;"
                + " serverId / -Dosvi.serverId chooses the id), or set the environment variable " + ENV_VARIABLE
                + "."
                + (server != null ? " (settings.xml has a server '" + serverId + "' but it has no password.)" : ""));
    }

    private static ApiToken checked(String token, String source) throws MojoExecutionException {
        if (token.length() < MIN_LENGTH) {
            throw new MojoExecutionException("The OSVI API token from " + source + " is " + token.length()
                    + (token.length() == 1 ? " character" : " characters") + " long, too short to be an API token"
                    + " (at least " + MIN_LENGTH + "): it looks like a placeholder. Set the token OSVI gave you.");
        }
        return new ApiToken(token, source);
    }
}
