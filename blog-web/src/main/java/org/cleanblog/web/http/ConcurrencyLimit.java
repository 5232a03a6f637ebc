package org.cleanblog.web.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many requests run a CPU-heavy handler at once (password hashing: 600,000 PBKDF2 iterations take a core
 * for a noticeable time). A request that finds every permit taken waits briefly, then gets 503 with {@code
 * Retry-After}, so a burst of logins cannot starve every other page of CPU. Thread-safe.
 */
public final class ConcurrencyLimit {
    private static final long WAIT_MILLIS = 1_000;
    private final Semaphore permits;

    /** @param permits how many may run at once, e.g. the number of cores */
    public ConcurrencyLimit(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        this.permits = new Semaphore(permits);
    }

    /** {@code handler}, run only while a permit is held. */
    public Handler limit(Handler handler) {
        return ex -> {
            boolean acquired;
            try {
                acquired = permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acquired = false;
            }
            if (!acquired) {
                ex.setHeader("Retry-After", "5");
                throw new HttpError(503, "The blog is busy checking other passwords. Try again in a few seconds.");
            }
            try {
                handler.handle(ex);
            } finally {
                permits.release();
            }
        };
    }
}
