package io.flowgate.adapter.out.persistence;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Whether the database was out of reach a moment ago, so that request threads do not each wait for
 * a connection to find that out again. Each such wait holds an HTTP worker for the pool's whole
 * timeout; while the database is down, enough of them hold every worker, and the node stops
 * answering anything, liveness probes included. After a connection failure (a wait for one that
 * ran out, or one that broke, which is what a loaded node meets first when its database goes), units
 * of work that need the database fail at once for a second; then one of them tries again while the
 * others go on failing at once, and its outcome decides for all.
 */
final class Reachability {

    private static final long RETRY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier nanoTime;
    private final AtomicBoolean trying = new AtomicBoolean();
    private volatile boolean reachable = true;
    private volatile long failedAt;
    private volatile RuntimeException lastFailure;

    Reachability() {
        this(System::nanoTime);
    }

    Reachability(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * @return whether the caller may ask the database; when it is the one retry after a failure, it
     *         must report how that went ({@link #reached} or {@link #failed})
     */
    boolean mayTry() {
        return reachable || nanoTime.getAsLong() - failedAt >= RETRY_AFTER_NANOS && trying.compareAndSet(false, true);
    }

    /** The failure that made the database out of reach, as the cause of what callers are told now. */
    RuntimeException lastFailure() {
        return lastFailure;
    }

    void reached() {
        reachable = true;
        trying.set(false);
    }

    void failed(RuntimeException failure) {
        lastFailure = failure;
        failedAt = nanoTime.getAsLong();
        reachable = false;
        trying.set(false);
    }
}
