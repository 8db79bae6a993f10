package ai.osvi.gate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.osvi.gate.Gate;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.polling.TimeSource;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.simulator.Scenario;
import ai.osvi.gate.simulator.SimulatorServer;
import ai.osvi.it.ForwardProxy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Host-name lookups end with the request's deadline, although a system lookup cannot be cancelled: shown with a
 * resolver that never answers for {@code *.hang.test}, and ignores interrupts as a system lookup does.
 */
class NameLookupDeadlineTest {

    private static final String TOKEN = "dnsTOKEN12345678";
    /** Longer than any of these tests should take: the code before the fix hangs until then. */
    private static final Duration HANG = Duration.ofSeconds(8);

    private final Resolver resolver = new Resolver();

    @AfterEach
    void release() {
        resolver.release();
    }

    private OsviHttpClient client(URI baseUrl, Duration requestTimeout, ProxySettings proxy) {
        return new OsviHttpClient(
                baseUrl, new ApiToken(TOKEN, "test"), requestTimeout, proxy, Clock.systemUTC(), null, resolver);
    }

    @Test
    void a_lookup_that_never_answers_should_end_with_the_time_left() {
        try (OsviHttpClient client = client(URI.create("https://api.hang.test/"), Duration.ofSeconds(30), null)) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(
                    HANG,
                    () -> assertThatThrownBy(() -> client.fetch(7, Duration.ofSeconds(1)))
                            .isInstanceOf(ApiException.class)
                            .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                            .hasMessage("the name lookup (DNS) of api.hang.test did not answer within 1s (the time left"
                                    + " before the gate's deadline): check this machine's DNS settings"));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(900), Duration.ofMillis(1_900));
        }
    }

    @Test
    void a_lookup_that_never_answers_should_end_with_the_request_timeout_and_be_joined_by_the_next_poll() {
        try (OsviHttpClient client = client(URI.create("https://api.hang.test/"), Duration.ofMillis(700), null)) {
            for (int poll = 0; poll < 3; poll++) {
                long start = System.nanoTime();
                assertTimeoutPreemptively(
                        HANG,
                        () -> assertThatThrownBy(() -> client.fetch(7))
                                .isInstanceOf(ApiException.class)
                                .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                                .hasMessage("the name lookup (DNS) of api.hang.test did not answer within 700ms"
                                        + " (requestTimeout): check this machine's DNS settings"));
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .isBetween(Duration.ofMillis(600), Duration.ofMillis(1_600));
            }
            // the polls waited for the same lookup: one stuck thread, however many polls
            assertThat(resolver.asked("api.hang.test")).isEqualTo(1);
        }
    }

    @Test
    void the_lookup_of_a_proxy_that_never_answers_should_end_with_the_time_left_and_name_the_proxy() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                OsviHttpClient client = client(
                        simulator.baseUrl(),
                        Duration.ofSeconds(30),
                        new ProxySettings("proxy.hang.test", 3128, null, null, null, "settings.xml proxy 'corp'"))) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(
                    HANG,
                    () -> assertThatThrownBy(() -> client.fetch(7, Duration.ofSeconds(1)))
                            .isInstanceOf(ApiException.class)
                            .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                            .hasMessage(
                                    "the name lookup (DNS) of the proxy proxy.hang.test did not answer within 1s (the"
                                            + " time left before the gate's deadline): check this machine's DNS settings"));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(900), Duration.ofMillis(1_900));
            assertThat(simulator.requests()).isEmpty();
        }
    }

    @Test
    void abort_should_end_a_pending_lookup_at_once() {
        try (OsviHttpClient client = client(URI.create("https://api.hang.test/"), Duration.ofSeconds(30), null)) {
            Thread aborter = new Thread(() -> {
                resolver.awaitBlocked();
                client.abort();
            });
            aborter.start();
            long[] abortedAfter = new long[1];
            assertTimeoutPreemptively(HANG, () -> {
                assertThatThrownBy(() -> client.fetch(7)).isInstanceOf(InterruptedException.class);
                abortedAfter[0] = System.nanoTime();
            });
            assertThat(Duration.ofNanos(abortedAfter[0] - resolver.blockedAt())).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void a_lookup_that_answers_should_still_be_used_and_one_that_fails_should_say_so() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                OsviHttpClient client = client(
                        URI.create("http://api.osvi.test:" + simulator.baseUrl().getPort() + "/"),
                        Duration.ofSeconds(5),
                        null)) {
            assertThat(client.fetch(7, Duration.ofSeconds(5)).campaign().id()).isEqualTo(7);
            assertThat(client.fetch(7).campaign().id()).isEqualTo(7);
            assertThat(simulator.requests()).hasSize(2);
        }
        try (OsviHttpClient client = client(URI.create("https://nowhere.osvi.test/"), Duration.ofSeconds(5), null)) {
            assertThatThrownBy(() -> client.fetch(7))
                    .isInstanceOf(ApiException.class)
                    .hasFieldOrPropertyWithValue("kind", ApiException.Kind.TRANSIENT)
                    .hasMessage("unknown host nowhere.osvi.test (check baseUrl and DNS)");
        }
    }

    @Test
    void a_proxy_named_by_a_host_name_should_still_be_looked_up_and_used() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN);
                ForwardProxy proxy = ForwardProxy.start(null, null);
                OsviHttpClient client = client(
                        simulator.baseUrl(),
                        Duration.ofSeconds(5),
                        new ProxySettings("proxy.osvi.test", proxy.port(), null, null, null, "settings.xml"))) {
            assertThat(client.fetch(7, Duration.ofSeconds(5)).campaign().id()).isEqualTo(7);
            assertThat(proxy.seen()).hasSize(1);
            assertThat(resolver.asked("proxy.osvi.test")).isEqualTo(1);
        }
    }

    @Test
    void close_should_leave_no_lookup_thread_but_one_stuck_in_a_lookup_until_it_returns() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load("passing"), TOKEN)) {
            OsviHttpClient answering = client(
                    URI.create("http://api.osvi.test:" + simulator.baseUrl().getPort() + "/"),
                    Duration.ofSeconds(5),
                    null);
            assertThat(answering.fetch(7).campaign().id()).isEqualTo(7);
            OsviHttpClient hanging = client(URI.create("https://api.hang.test/"), Duration.ofMillis(500), null);
            assertTimeoutPreemptively(
                    HANG,
                    () -> assertThatThrownBy(() -> hanging.fetch(7))
                            .hasMessageContaining("did not answer within 500ms"));

            answering.close();
            hanging.close();

            Thread stuck = resolver.blockedThread();
            List<Thread> others = resolver.threads().stream()
                    .filter(thread -> thread != stuck)
                    .toList();
            assertThat(others).isNotEmpty();
            for (Thread thread : others) {
                thread.join(2_000);
            }
            assertThat(others).noneMatch(Thread::isAlive);
            assertThat(resolver.threads())
                    .allMatch(Thread::isDaemon)
                    .allSatisfy(thread -> assertThat(thread.getName()).startsWith("osvi-dns-lookup-"));
            assertThat(stuck.isAlive())
                    .as("still inside the lookup, which ignores interrupts")
                    .isTrue();

            resolver.release();
            stuck.join(2_000);
            assertThat(stuck.isAlive()).as("ends once the lookup returns").isFalse();
        }
    }

    @Test
    void a_gate_whose_lookups_never_answer_should_end_in_timeout_at_its_timeout() {
        TestConfig raw = new TestConfig();
        raw.baseUrl = "https://api.hang.test";
        raw.timeout = "3s";
        raw.pollInterval = "1s";
        raw.requestTimeout = "1s";
        raw.maxConsecutiveErrors = "20";
        GateConfig config = raw.parse();
        RecordingLog log = new RecordingLog();
        long start = System.nanoTime();
        CampaignResult result = assertTimeoutPreemptively(HANG, () -> {
            try (OsviHttpClient client = client(config.baseUrl(), config.requestTimeout(), null)) {
                return new Gate(config, client, TimeSource.SYSTEM, log, new AbortSignal(), () -> 0).run();
            }
        });
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(result.outcome()).isEqualTo(BuildOutcome.ERROR);
        assertThat(elapsed).isBetween(Duration.ofMillis(2_900), Duration.ofSeconds(3 + 1));
        assertThat(result.failureMessage())
                .contains("No snapshot was received", "the name lookup (DNS) of api.hang.test did not answer within");
        assertThat(log.lines)
                .filteredOn(line -> line.startsWith("WARN"))
                .isNotEmpty()
                .allSatisfy(line ->
                        assertThat(line).contains("the name lookup (DNS) of api.hang.test did not answer" + " within"));
    }

    /**
     * {@code *.hang.test}: never answers until released, ignoring interrupts as a system lookup does;
     * {@code *.osvi.test} but {@code nowhere.osvi.test}: loopback; anything else: unknown.
     */
    private static final class Resolver implements DnsResolver {

        private final CountDownLatch released = new CountDownLatch(1);
        private final CountDownLatch blocked = new CountDownLatch(1);
        private final List<String> asked = new CopyOnWriteArrayList<>();
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        private final AtomicInteger blockedCount = new AtomicInteger();
        private volatile Thread blockedThread;
        private volatile long blockedAt;

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            asked.add(host);
            threads.add(Thread.currentThread());
            if (host.endsWith(".hang.test")) {
                if (blockedCount.getAndIncrement() == 0) {
                    blockedThread = Thread.currentThread();
                    blockedAt = System.nanoTime();
                }
                blocked.countDown();
                boolean interrupted = false;
                while (released.getCount() > 0) {
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw new UnknownHostException(host);
            }
            if (host.endsWith(".osvi.test") && !host.startsWith("nowhere.")) {
                return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
            }
            if (host.equals("127.0.0.1")) {
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }
            throw new UnknownHostException(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }

        int asked(String host) {
            return (int) asked.stream().filter(host::equals).count();
        }

        Set<Thread> threads() {
            return threads;
        }

        void awaitBlocked() {
            try {
                blocked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Thread blockedThread() {
            return blockedThread;
        }

        long blockedAt() {
            return blockedAt;
        }

        void release() {
            released.countDown();
        }
    }
}
