package ai.osvi.gate.client;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTTP proxy to reach the API through, as a settings.xml {@code <proxy>} describes it. The password is never
 * shown by {@link #toString()}.
 *
 * @param nonProxyHosts host patterns reached directly, Maven's syntax: {@code *.example.com|localhost}
 */
public record ProxySettings(String protocol, String host, int port, String username, String password,
        String nonProxyHosts, String source) {

    /** Whether {@code host} matches one of {@link #nonProxyHosts()}, case-insensitively, {@code *} as a wildcard. */
    public boolean bypasses(String targetHost) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return false;
        }
        String target = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : patterns()) {
            if (target.matches(pattern)) {
                return true;
            }
        }
        return false;
    }

    private List<String> patterns() {
        return List.of(nonProxyHosts.split("[|,]")).stream()
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .map(p -> String.join(".*", List.of(p.toLowerCase(Locale.ROOT).split("\\*", -1)).stream()
                        .map(Pattern::quote).toList()))
                .toList();
    }

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    /** "http://proxy.example:3128 (settings.xml proxy 'corp')". */
    public String describe() {
        return protocol + "://" + host + ":" + port + " (" + source + ")";
    }

    @Override
    public String toString() {
        return "ProxySettings[" + describe() + (hasCredentials() ? ", user " + username : "") + "]";
    }
}
