package ai.osvi.gate.polling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Raised from another thread (a shutdown hook on Ctrl-C or SIGTERM) to stop a wait at once. */
public final class AbortSignal {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch reported = new CountDownLatch(1);
    private volatile boolean aborted;

    public boolean isAborted() {
        return aborted;
    }

    public void abort() {
        if (!aborted) {
            aborted = true;
            listeners.forEach(Runnable::run);
        }
    }

    /** Runs {@code listener} on abort (at once if already aborted); the returned handle unregisters it. */
    public Runnable onAbort(Runnable listener) {
        listeners.add(listener);
        if (aborted) {
            listener.run();
        }
        return () -> listeners.remove(listener);
    }

    /** Called by the gate once its verdict has been reported. */
    public void markReported() {
        reported.countDown();
    }

    /** Waits up to {@code grace} for the gate to report its verdict; true if it did. */
    public boolean awaitReported(Duration grace) throws InterruptedException {
        return reported.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
