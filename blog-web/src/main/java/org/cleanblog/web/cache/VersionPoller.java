package org.cleanblog.web.cache;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the database's content version every {@link #INTERVAL} on a thread of its own and tells the {@link
 * ContentCache}: a new version drops what the cache kept, a failed read makes it unused until a read succeeds (ADR
 * 0034). One short {@code SELECT} per read, outside any session state, so that it works through PgBouncer's transaction
 * pooling. Started and stopped with the server (a Jetty bean). Logs once when reads start failing and once when they
 * succeed again.
 */
public final class VersionPoller extends AbstractLifeCycle {
    /** How often the version is read: a change made elsewhere shows here within about this long. */
    public static final Duration INTERVAL = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(VersionPoller.class);

    private final LongSupplier version;
    private final ContentCache cache;
    private final Duration interval;
    private ScheduledExecutorService executor;
    /** The version last read, or null when unknown (before the first read, after a failure); poller thread only. */
    private Long last;

    private boolean failing;

    /**
     * @param version reads the content version (one statement); throws when it cannot
     * @param interval the pause between two reads, shorter than {@link ContentCache#FRESH_FOR} or the cache stays
     *     unused
     */
    public VersionPoller(LongSupplier version, ContentCache cache, Duration interval) {
        if (interval.isNegative() || interval.isZero() || interval.compareTo(ContentCache.FRESH_FOR) >= 0) {
            throw new IllegalArgumentException("the poll interval must be positive and shorter than "
                    + ContentCache.FRESH_FOR + ", was " + interval);
        }
        this.version = version;
        this.cache = cache;
        this.interval = interval;
    }

    @Override
    protected void doStart() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "content-version");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** One read; never throws, or the executor would stop running it. */
    void poll() {
        long started = System.nanoTime();
        try {
            long now = version.getAsLong();
            boolean changed = last == null || now != last;
            last = now;
            cache.confirmed(changed, started);
            if (failing) {
                failing = false;
                LOG.info("content version readable again: pages are kept in memory again");
            }
        } catch (RuntimeException e) {
            last = null;
            cache.unconfirmed();
            if (!failing) {
                failing = true;
                LOG.warn(
                        "cannot read the content version, so pages are read from the database until it answers"
                                + " again: {}",
                        e.toString());
            }
        }
    }
}
