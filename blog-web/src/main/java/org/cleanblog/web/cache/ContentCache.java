package org.cleanblog.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * What pages read from the database, and the pages themselves as anonymous visitors get them, kept in memory for as
 * long as the content they show has not changed (ADR 0034). Every entry carries the generation it was loaded in; the
 * generation moves on when this process writes users, posts or comments ({@link #invalidate}, called by the
 * persistence layer's listener right after the commit) and when {@link VersionPoller} reads a new content version
 * from the database (another instance or process wrote). An entry of an older generation is never returned.
 *
 * <p>The cache is used only while it is <em>fresh</em>: while the last successful read of the content version is at
 * most {@link #FRESH_FOR} old. When the version cannot be read (the database is down, the poller is stuck), every
 * entry is dropped and every request reads the database, as without a cache, until a read succeeds again: a page is
 * never served from memory for longer than that bound after the database stopped saying what changed.
 *
 * <p>Bounded: the entries weigh at most {@link #maximumBytes()} (an estimate of their size in the heap), and Caffeine
 * evicts the least valuable ones beyond that. Thread-safe.
 */
public final class ContentCache {
    /** How long the cache may be used after the last successful read of the content version. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(1);
    /** The most the entries may weigh: an eighth of the heap, at most 8 MiB (the server runs with -Xmx64m). */
    static final long MOST_BYTES = 8L * 1024 * 1024;

    private final Cache<Object, Entry> entries;
    private final long maximumBytes;
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier nanoTime;
    /** Until when ({@code nanoTime}) the cache may be used: in the past until the content version was first read. */
    private volatile long freshUntil;

    /** A cache of at most {@code maximumBytes}, with the system's clock. */
    public ContentCache(long maximumBytes) {
        this(maximumBytes, System::nanoTime);
    }

    ContentCache(long maximumBytes, LongSupplier nanoTime) {
        if (maximumBytes < 1) {
            throw new IllegalArgumentException("maximumBytes must be positive, was " + maximumBytes);
        }
        this.maximumBytes = maximumBytes;
        this.nanoTime = nanoTime;
        this.freshUntil = nanoTime.getAsLong() - 1;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .weigher((Object key, Entry entry) -> entry.bytes())
                // Eviction runs on the threads that use the cache: no thread pool of its own.
                .executor(Runnable::run)
                .build();
    }

    /** The standard bound for this JVM: an eighth of the maximum heap, at most {@value #MOST_BYTES} bytes. */
    public static long standardBytes() {
        return Math.max(1, Math.min(MOST_BYTES, Runtime.getRuntime().maxMemory() / 8));
    }

    public long maximumBytes() {
        return maximumBytes;
    }

    /**
     * The value kept for {@code key} in the current generation, else what {@code load} returns, which is kept when the
     * cache is fresh. What {@code load} throws passes unchanged and nothing is kept. Loads of one key by several
     * threads at once may each run: none waits for another's database call.
     *
     * @param key an immutable value with equals and hashCode (a record), distinct from every other page's keys
     * @param bytes an estimate of the value's size in the heap, in bytes
     * @param load reads the value from the database; it must return an immutable, non-null value
     */
    public <T> T get(Object key, ToIntFunction<? super T> bytes, Supplier<T> load) {
        Objects.requireNonNull(key, "key");
        long current = generation.get();
        boolean fresh = isFresh();
        if (fresh) {
            Entry kept = entries.getIfPresent(key);
            if (kept != null && kept.generation() == current) {
                @SuppressWarnings("unchecked")
                T value = (T) kept.value();
                return value;
            }
        }
        T value = Objects.requireNonNull(load.get(), "load returned null");
        // Loaded after the generation was read: if it moved on meanwhile, the value may predate the change; keep it
        // anyway under the old generation, where no reader will take it.
        if (fresh && generation.get() == current) {
            entries.put(key, new Entry(current, value, Math.max(1, bytes.applyAsInt(value))));
        }
        return value;
    }

    /** Forgets everything kept: this process wrote, or the database's content version changed. */
    public void invalidate() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /**
     * The content version was read successfully when {@code nanoTime()} was {@code readStartedAt} (taken before the
     * read began): the cache may be used until {@link #FRESH_FOR} after that. {@code changed} says whether the version
     * differs from the one read before, which invalidates everything first.
     */
    void confirmed(boolean changed, long readStartedAt) {
        if (changed) {
            invalidate();
        }
        freshUntil = readStartedAt + FRESH_FOR.toNanos();
    }

    /** The content version could not be read: everything is dropped and the cache is not used until it can. */
    void unconfirmed() {
        freshUntil = nanoTime.getAsLong() - 1;
        invalidate();
    }

    /** Whether the cache is used now: the content version was read successfully less than {@link #FRESH_FOR} ago. */
    public boolean isFresh() {
        return nanoTime.getAsLong() - freshUntil < 0;
    }

    /** An estimate of what the entries weigh now, in bytes. */
    long weightedBytes() {
        return entries.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** How many entries are kept now (some may be of an older generation, waiting to be replaced or evicted). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private record Entry(long generation, Object value, int bytes) {}
}
