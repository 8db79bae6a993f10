package ai.osvi.gate.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Host-name lookups (of the API's host, or of the proxy's) that end with the deadline of the request that needs them.
 *
 * <p>A system lookup cannot be cancelled: it ignores interrupts, and Java 17 has no pluggable resolver. So each
 * lookup runs on a thread of this resolver while the request's thread waits for it at most until the request's
 * deadline, then gives up with a {@link LookupTimeoutException}. A lookup still running is joined by the next request
 * for the same host instead of starting another: a resolver that never answers holds one thread per host, however
 * many polls it makes fail. {@link #close()} ends every thread, except one still inside a system lookup, which ends
 * when that lookup returns.
 */
final class BoundedDnsResolver implements DnsResolver, AutoCloseable {

    private final DnsResolver delegate;
    private final Duration fallback;
    private final ExecutorService lookups;
    private final Map<String, CompletableFuture<InetAddress[]>> pending = new ConcurrentHashMap<>();
    /*
     * HttpClient calls a DnsResolver on the thread that executes the request, without the request's context: the
     * deadline of the request in progress on each thread is handed over here.
     */
    private final ThreadLocal<Long> deadline = new ThreadLocal<>();
    private volatile boolean aborted;

    /**
     * @param fallback how long a lookup may take outside {@link #within}, which HttpClient does not do
     */
    BoundedDnsResolver(DnsResolver delegate, Duration fallback) {
        this.delegate = delegate;
        this.fallback = fallback;
        AtomicInteger threads = new AtomicInteger();
        this.lookups = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "osvi-dns-lookup-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Bounds the lookups made on this thread, until {@link #clear()}, to {@code limit} from now. */
    void within(Duration limit) {
        deadline.set(System.nanoTime() + nanos(limit));
    }

    /** Capped at about 73 years, so that a deadline minus the time now never overflows. */
    private static long nanos(Duration duration) {
        return duration.getSeconds() >= Long.MAX_VALUE / 4 / 1_000_000_000L ? Long.MAX_VALUE / 4 : duration.toNanos();
    }

    void clear() {
        deadline.remove();
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        Long until = deadline.get();
        long wait = until == null ? nanos(fallback) : until - System.nanoTime();
        if (aborted) {
            throw new LookupAbortedException(host);
        }
        CompletableFuture<InetAddress[]> lookup = lookup(host);
        // abort() sets the flag, then cancels what is pending: one of the two sees the other
        if (aborted) {
            throw new LookupAbortedException(host);
        }
        try {
            return lookup.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new LookupTimeoutException(host);
        } catch (CancellationException e) {
            throw new LookupAbortedException(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupAbortedException(host);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownHostException unknown) {
                throw unknown;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            UnknownHostException unknown = new UnknownHostException(host);
            unknown.initCause(cause);
            throw unknown;
        }
    }

    /** The lookup of {@code host} in progress, or a new one. */
    private CompletableFuture<InetAddress[]> lookup(String host) throws UnknownHostException {
        CompletableFuture<InetAddress[]> fresh = new CompletableFuture<>();
        CompletableFuture<InetAddress[]> running = pending.putIfAbsent(host, fresh);
        if (running != null) {
            return running;
        }
        try {
            lookups.execute(() -> {
                try {
                    fresh.complete(delegate.resolve(host));
                } catch (Throwable e) {
                    fresh.completeExceptionally(e);
                } finally {
                    pending.remove(host, fresh);
                }
            });
        } catch (RejectedExecutionException e) {
            pending.remove(host, fresh);
            throw new LookupAbortedException(host);
        }
        return fresh;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        // Never asked of a connection manager's resolver: only HttpClient's Kerberos schemes ask, of their own.
        return delegate.resolveCanonicalHostname(host);
    }

    /** Ends every lookup being waited for, at once, and refuses later ones. */
    void abort() {
        aborted = true;
        pending.values().forEach(lookup -> lookup.cancel(false));
    }

    @Override
    public void close() {
        abort();
        lookups.shutdownNow();
    }

    /** A host-name lookup that did not answer before the request's deadline. */
    static final class LookupTimeoutException extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        private final String host;

        LookupTimeoutException(String host) {
            super(host);
            this.host = host;
        }

        String host() {
            return host;
        }
    }

    /** A lookup given up because the client was aborted, interrupted or closed. */
    static final class LookupAbortedException extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        LookupAbortedException(String host) {
            super(host);
        }
    }
}
