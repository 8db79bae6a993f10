package ai.osvi.gate.client;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTTP proxy to reach the API through, as a settings.xml {@code <proxy>} describes it. It is always spoken to in
 * plain HTTP, with a {@code CONNECT} tunnel for https targets, as Maven does: the {@code <protocol>} of a
 * settings.xml proxy names the targets it serves, not how to talk to it. The password is never shown by
 * {@link #toString()}.
 *
 * @param nonProxyHosts host patterns reached directly, Maven's syntax: {@code *.example.com|localhost}
 */
public record ProxySettings(
        String host, int port, String username, String password, String nonProxyHosts, String source) {

    /** Whether {@code host} matches one of {@link #nonProxyHosts()}, case-insensitively, {@code *} as a wildcard. */
    public boolean bypasses(String targetHost) {
        return matchesAny(nonProxyHosts, targetHost);
    }

    /**
     * Whether {@code host} matches one of the patterns of a settings.xml {@code <nonProxyHosts>} (separated by
     * {@code |} or {@code ,}), case-insensitively, {@code *} as a wildcard.
     */
    public static boolean matchesAny(String nonProxyHosts, String host) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank() || host == null) {
            return false;
        }
        String target = host.toLowerCase(Locale.ROOT);
        for (String pattern : patterns(nonProxyHosts)) {
            if (target.matches(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> patterns(String nonProxyHosts) {
        return List.of(nonProxyHosts.split("[|,]")).stream()
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .map(p -> String.join(
                        ".*",
                        List.of(p.toLowerCase(Locale.ROOT).split("\\*", -1)).stream()
                                .map(Pattern::quote)
                                .toList()))
                .toList();
    }

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    /** "http://proxy.example:3128 (settings.xml proxy 'corp')": how the gate talks to it, and where it came from. */
    public String describe() {
        return "http://" + host + ":" + port + " (" + source + ")";
    }

    @Override
    public String toString() {
        return "ProxySettings[" + describe() + (hasCredentials() ? ", user " + username : "") + "]";
    }
}
