package ai.osvi.gate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.osvi.gate.simulator.Scenario;
import ai.osvi.gate.simulator.SimulatorServer;
import ai.osvi.it.ForwardProxy;
import ai.osvi.it.HttpsApi;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client through a real forward proxy on loopback. */
class ProxyTest {

    private static final String TOKEN = "proxyTOKEN123456";

    private static OsviHttpClient client(SimulatorServer simulator, ProxySettings proxy) {
        return new OsviHttpClient(
                simulator.baseUrl(), new ApiToken(TOKEN, "test"), Duration.ofSeconds(5), proxy, Clock.systemUTC());
    }

    @Test
    void requests_should_go_through_an_authenticating_proxy() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                ForwardProxy proxy = ForwardProxy.start("builder", "s3cret-proxy");
                OsviHttpClient client = client(
                        simulator,
                        new ProxySettings(
                                "127.0.0.1",
                                proxy.port(),
                                "builder",
                                "s3cret-proxy",
                                null,
                                "settings.xml proxy 'corp'"))) {
            assertThat(client.fetch(7).campaign().id()).isEqualTo(7);

            assertThat(proxy.seen())
                    .extracting(ForwardProxy.Seen::target)
                    .allMatch(target -> target.equals(simulator.baseUrl() + "v1/campaigns/7/status"));
            assertThat(proxy.seen())
                    .last()
                    .satisfies(seen -> assertThat(seen.authorized()).isTrue());
            assertThat(simulator.requests()).hasSize(1);
        }
    }

    @Test
    void wrong_proxy_credentials_should_be_a_clear_error() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                ForwardProxy proxy = ForwardProxy.start("builder", "s3cret-proxy");
                OsviHttpClient client = client(
                        simulator,
                        new ProxySettings(
                                "127.0.0.1", proxy.port(), "builder", "wrong", null, "settings.xml proxy 'corp'"))) {
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.PROXY_AUTHENTICATION)
                    .hasMessage("HTTP 407 Proxy Authentication Required: the proxy http://127.0.0.1:" + proxy.port()
                            + " (settings.xml proxy 'corp') refused its credentials; check the username and password"
                            + " of that proxy.")
                    .message()
                    .doesNotContain("wrong")
                    .doesNotContain("s3cret");
            assertThat(simulator.requests()).isEmpty();
        }
    }

    @Test
    void an_https_target_should_be_reached_through_a_connect_tunnel_spoken_to_the_proxy_in_plain_http(@TempDir Path dir)
            throws Exception {
        try (HttpsApi api = HttpsApi.start(dir, Scenario.load("passing"), TOKEN);
                ForwardProxy proxy = ForwardProxy.start("builder", "s3cret-proxy")) {
            // the JVM's trust store decides, as -Djavax.net.ssl.trustStore in MAVEN_OPTS does for a real build
            withTrustStore(api.trustStore(), () -> {
                try (OsviHttpClient client = new OsviHttpClient(
                        api.baseUrl(),
                        new ApiToken(TOKEN, "test"),
                        Duration.ofSeconds(5),
                        new ProxySettings(
                                "127.0.0.1",
                                proxy.port(),
                                "builder",
                                "s3cret-proxy",
                                null,
                                "settings.xml proxy 'corp'"),
                        Clock.systemUTC())) {
                    assertThat(client.fetch(7).campaign().id()).isEqualTo(7);
                }
            });

            assertThat(proxy.seen())
                    .extracting(ForwardProxy.Seen::method, ForwardProxy.Seen::target)
                    .containsOnly(tuple("CONNECT", "127.0.0.1:" + api.baseUrl().getPort()));
            assertThat(proxy.seen())
                    .last()
                    .satisfies(seen -> assertThat(seen.authorized()).isTrue());
            assertThat(api.requests()).singleElement().satisfies(request -> {
                assertThat(request.authorized()).isTrue();
                assertThat(proxy.upstreamPorts()).contains(request.clientPort());
            });
        }
    }

    @Test
    void wrong_proxy_credentials_should_be_the_same_clear_error_for_an_https_target(@TempDir Path dir)
            throws Exception {
        try (HttpsApi api = HttpsApi.start(dir, Scenario.load("passing"), TOKEN);
                ForwardProxy proxy = ForwardProxy.start("builder", "s3cret-proxy");
                OsviHttpClient client = new OsviHttpClient(
                        api.baseUrl(),
                        new ApiToken(TOKEN, "test"),
                        Duration.ofSeconds(5),
                        new ProxySettings(
                                "127.0.0.1", proxy.port(), "builder", "wrong", null, "settings.xml proxy 'corp'"),
                        Clock.systemUTC())) {
            // HttpClient 5 classic returns the 407 answer to the CONNECT as the response, not as an exception
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.PROXY_AUTHENTICATION)
                    .hasMessage("HTTP 407 Proxy Authentication Required: the proxy http://127.0.0.1:" + proxy.port()
                            + " (settings.xml proxy 'corp') refused its credentials; check the username and password"
                            + " of that proxy.")
                    .message()
                    .doesNotContain("wrong")
                    .doesNotContain("s3cret");
            assertThat(proxy.seen()).extracting(ForwardProxy.Seen::method).containsOnly("CONNECT");
            assertThat(proxy.upstreamPorts()).isEmpty();
            assertThat(api.requests()).isEmpty();
        }
    }

    @Test
    void a_proxy_asking_for_credentials_none_were_given_for_should_say_where_to_give_them() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                ForwardProxy proxy = ForwardProxy.start("builder", "s3cret-proxy");
                OsviHttpClient client = client(
                        simulator,
                        new ProxySettings("127.0.0.1", proxy.port(), null, null, null, "settings.xml proxy 'corp'"))) {
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.PROXY_AUTHENTICATION)
                    .hasMessage("HTTP 407 Proxy Authentication Required: the proxy http://127.0.0.1:" + proxy.port()
                            + " (settings.xml proxy 'corp') asks for credentials; give that proxy a <username> and"
                            + " <password> in settings.xml.");
            assertThat(simulator.requests()).isEmpty();
        }
    }

    @Test
    void a_jvm_proxy_asking_for_credentials_should_say_the_gate_sends_only_those_of_settings_xml() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                ForwardProxy proxy = ForwardProxy.start("builder", "s3cret-proxy")) {
            // The JVM never proxies a literal loopback address: name the API by a .test name the proxy maps to it.
            URI viaName =
                    URI.create("http://api.osvi.test:" + simulator.baseUrl().getPort() + "/");
            Map<String, String> jvmProxy = Map.of(
                    "http.proxyHost",
                    "127.0.0.1",
                    "http.proxyPort",
                    Integer.toString(proxy.port()),
                    "http.nonProxyHosts",
                    "none.invalid");
            withSystemProperties(jvmProxy, () -> {
                try (OsviHttpClient client =
                        new OsviHttpClient(viaName, new ApiToken(TOKEN, "test"), Duration.ofSeconds(5))) {
                    assertThatThrownBy(() -> client.fetch(7))
                            .isInstanceOf(ApiException.class)
                            .hasFieldOrPropertyWithValue("kind", ApiException.Kind.PROXY_AUTHENTICATION)
                            .hasMessage("HTTP 407 Proxy Authentication Required: the proxy set by the JVM's proxy"
                                    + " properties asks for credentials, and the gate only sends those of a"
                                    + " settings.xml <proxy>; declare that proxy in settings.xml with its <username>"
                                    + " and <password>.");
                }
            });
            assertThat(simulator.requests()).isEmpty();
        }
    }

    @Test
    void non_proxy_hosts_should_be_reached_directly() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                ForwardProxy proxy = ForwardProxy.start(null, null);
                OsviHttpClient client = client(
                        simulator,
                        new ProxySettings(
                                "127.0.0.1",
                                proxy.port(),
                                null,
                                null,
                                "*.internal|127.0.0.*",
                                "settings.xml proxy 'corp'"))) {
            assertThat(client.fetch(7).campaign().id()).isEqualTo(7);
            assertThat(proxy.seen()).isEmpty();
            assertThat(simulator.requests()).hasSize(1);
        }
    }

    @Test
    void without_settings_the_jvm_proxy_properties_apply() throws Exception {
        String[] keys = {"http.proxyHost", "http.proxyPort", "http.nonProxyHosts"};
        String[] saved = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            saved[i] = System.getProperty(keys[i]);
        }
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                ForwardProxy proxy = ForwardProxy.start(null, null)) {
            System.setProperty("http.proxyHost", "127.0.0.1");
            System.setProperty("http.proxyPort", Integer.toString(proxy.port()));
            System.setProperty("http.nonProxyHosts", "none.invalid");
            // The JVM never proxies a literal loopback address: name the API by a .test name the proxy maps to it.
            URI viaName =
                    URI.create("http://api.osvi.test:" + simulator.baseUrl().getPort() + "/");
            try (OsviHttpClient client =
                    new OsviHttpClient(viaName, new ApiToken(TOKEN, "test"), Duration.ofSeconds(5))) {
                assertThat(client.fetch(7).campaign().id()).isEqualTo(7);
            }
            assertThat(proxy.seen())
                    .extracting(ForwardProxy.Seen::target)
                    .containsExactly(viaName + "v1/campaigns/7/status");
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], saved[i]);
                }
            }
        }
    }

    @Test
    void non_proxy_host_patterns_follow_mavens_syntax() {
        ProxySettings proxy =
                new ProxySettings("proxy", 3128, null, null, "localhost|*.corp.example| 10.0.* ,api.OSVI.ai", "test");
        assertThat(proxy.bypasses("localhost")).isTrue();
        assertThat(proxy.bypasses("build.corp.example")).isTrue();
        assertThat(proxy.bypasses("corp.example")).isFalse();
        assertThat(proxy.bypasses("10.0.3.4")).isTrue();
        assertThat(proxy.bypasses("api.osvi.ai")).isTrue();
        assertThat(proxy.bypasses("api.osvi.ai.evil")).isFalse();
        assertThat(proxy.toString()).doesNotContain("null").contains("3128");
        assertThat(new ProxySettings("p", 1, "u", "pw", null, "t").toString()).doesNotContain("pw");
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void withTrustStore(Path trustStore, ThrowingRunnable action) throws Exception {
        withSystemProperties(
                Map.of(
                        "javax.net.ssl.trustStore",
                        trustStore.toString(),
                        "javax.net.ssl.trustStorePassword",
                        HttpsApi.TRUST_STORE_PASSWORD),
                action);
    }

    private static void withSystemProperties(Map<String, String> properties, ThrowingRunnable action) throws Exception {
        Map<String, String> saved = new HashMap<>();
        properties.keySet().forEach(key -> saved.put(key, System.getProperty(key)));
        properties.forEach(System::setProperty);
        try {
            action.run();
        } finally {
            saved.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}
