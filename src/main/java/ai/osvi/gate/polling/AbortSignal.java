package ai.osvi.gate.polling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Raised from another thread (a shutdown hook on Ctrl-C or SIGTERM) to stop a wait at once. */
public final class AbortSignal {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
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
}
