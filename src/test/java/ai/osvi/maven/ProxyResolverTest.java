package ai.osvi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.client.ProxySettings;
import java.net.URI;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** Which settings.xml {@code <proxy>} carries the API's requests: Maven's resolver's rule. */
class ProxyResolverTest {

    private static final URI HTTPS_API = URI.create("https://api.osvi.ai/");
    private static final URI HTTP_API = URI.create("http://osvi.internal.example:8080/");

    private static Proxy proxy(String id, String protocol, String host, int port) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setProtocol(protocol);
        proxy.setHost(host);
        proxy.setPort(port);
        return proxy;
    }

    private static Settings settings(Proxy... proxies) {
        Settings settings = new Settings();
        for (Proxy proxy : proxies) {
            settings.addProxy(proxy);
        }
        return settings;
    }

    private static ProxySettings resolve(URI target, Proxy... proxies) throws Exception {
        return ProxyResolver.resolve(settings(proxies), null, target);
    }

    @Test
    void an_https_target_should_use_the_https_entry_spoken_to_in_plain_http() throws Exception {
        Proxy corp = proxy("corp", "https", "squid.corp.example", 3128);
        corp.setUsername("builder");
        corp.setPassword("s3cret");
        corp.setNonProxyHosts("*.corp.example");

        ProxySettings chosen = resolve(HTTPS_API, proxy("plain", "http", "other.corp.example", 8080), corp);

        assertThat(chosen)
                .isEqualTo(new ProxySettings(
                        "squid.corp.example",
                        3128,
                        "builder",
                        "s3cret",
                        "*.corp.example",
                        "settings.xml proxy 'corp'"));
        assertThat(chosen.describe()).isEqualTo("http://squid.corp.example:3128 (settings.xml proxy 'corp')");
    }

    @Test
    void an_https_target_should_fall_back_to_the_http_entry() throws Exception {
        ProxySettings chosen = resolve(HTTPS_API, proxy("corp", "http", "squid.corp.example", 3128));

        assertThat(chosen.describe()).isEqualTo("http://squid.corp.example:3128 (settings.xml proxy 'corp')");
    }

    @Test
    void an_http_target_should_not_use_an_https_entry() throws Exception {
        assertThat(resolve(HTTP_API, proxy("corp", "https", "squid.corp.example", 3128)))
                .isNull();
    }

    @Test
    void an_http_target_should_use_the_http_entry_even_after_an_https_one() throws Exception {
        ProxySettings chosen = resolve(
                HTTP_API,
                proxy("tls-targets", "https", "a.corp.example", 3128),
                proxy("plain-targets", "http", "b.corp.example", 3129));

        assertThat(chosen.describe()).isEqualTo("http://b.corp.example:3129 (settings.xml proxy 'plain-targets')");
    }

    @Test
    void the_first_entry_for_a_protocol_should_win() throws Exception {
        ProxySettings chosen = resolve(
                HTTPS_API,
                proxy("first", "https", "a.corp.example", 3128),
                proxy("second", "https", "b.corp.example", 3129));

        assertThat(chosen.describe()).isEqualTo("http://a.corp.example:3128 (settings.xml proxy 'first')");
    }

    @Test
    void entries_whose_non_proxy_hosts_match_the_target_should_be_skipped_before_choosing() throws Exception {
        Proxy excludes = proxy("excludes-osvi", "https", "a.corp.example", 3128);
        excludes.setNonProxyHosts("localhost|*.OSVI.ai");

        assertThat(resolve(HTTPS_API, excludes, proxy("next", "https", "b.corp.example", 3129))
                        .describe())
                .isEqualTo("http://b.corp.example:3129 (settings.xml proxy 'next')");
        assertThat(resolve(HTTPS_API, excludes, proxy("fallback", "http", "c.corp.example", 3130))
                        .describe())
                .isEqualTo("http://c.corp.example:3130 (settings.xml proxy 'fallback')");
        assertThat(resolve(HTTPS_API, excludes)).isNull();
    }

    @Test
    void inactive_entries_should_be_ignored() throws Exception {
        Proxy inactive = proxy("off", "https", "a.corp.example", 3128);
        inactive.setActive(false);

        assertThat(resolve(HTTPS_API, inactive, proxy("on", "https", "b.corp.example", 3129))
                        .describe())
                .isEqualTo("http://b.corp.example:3129 (settings.xml proxy 'on')");
        assertThat(resolve(HTTPS_API, inactive)).isNull();
    }

    @Test
    void entries_for_protocols_other_than_http_and_https_should_never_be_chosen() throws Exception {
        assertThat(resolve(
                        HTTPS_API,
                        proxy("socks", "socks5", "a.corp.example", 1080),
                        proxy("ftp", "ftp", "b.corp.example", 2121)))
                .isNull();
        assertThat(resolve(
                                HTTPS_API,
                                proxy("socks", "socks5", "a.corp.example", 1080),
                                proxy("corp", "http", "c.corp.example", 3128))
                        .describe())
                .isEqualTo("http://c.corp.example:3128 (settings.xml proxy 'corp')");
    }

    @Test
    void the_protocol_should_be_read_case_insensitively_and_default_to_http() throws Exception {
        assertThat(resolve(HTTPS_API, proxy("upper", "HTTPS", "a.corp.example", 3128))
                        .describe())
                .isEqualTo("http://a.corp.example:3128 (settings.xml proxy 'upper')");
        assertThat(resolve(HTTP_API, proxy("unset", null, "b.corp.example", 3129))
                        .describe())
                .isEqualTo("http://b.corp.example:3129 (settings.xml proxy 'unset')");
    }

    @Test
    void without_settings_or_proxies_there_should_be_none() throws Exception {
        assertThat(ProxyResolver.resolve(null, null, HTTPS_API)).isNull();
        assertThat(resolve(HTTPS_API)).isNull();
    }
}
