package org.cleanblog.web.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rules of ADR 0034 on the cache alone, with a clock the test moves. */
class ContentCacheTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ContentCache cache = new ContentCache(10_000, now::get);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    private String get(String key) {
        return cache.get(key, v -> 100, () -> load("value of " + key));
    }

    @Test
    void shouldKeepNothingBeforeTheContentVersionWasFirstRead() {
        get("a");
        get("a");

        assertThat(loads).hasValue(2);
        assertThat(cache.isFresh()).isFalse();
    }

    @Test
    void shouldKeepWhatItLoadedUntilSomethingIsWritten() {
        cache.confirmed(true, now.get());
        assertThat(get("a")).isEqualTo("value of a");
        get("a");
        assertThat(loads).as("one load, then kept").hasValue(1);

        cache.invalidate();
        get("a");
        assertThat(loads).as("loaded again after a write").hasValue(2);
    }

    @Test
    void shouldDropEverythingWhenTheVersionChangesAndKeepItWhenItDoesNot() {
        cache.confirmed(true, now.get());
        get("a");
        cache.confirmed(false, now.get());
        get("a");
        assertThat(loads).hasValue(1);

        cache.confirmed(true, now.get());
        get("a");
        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldNotKeepAValueLoadedWhileAWriteCommitted() {
        cache.confirmed(true, now.get());
        // The write's invalidation lands while the value is read from the database: the value may predate it.
        String value = cache.get("a", v -> 100, () -> {
            cache.invalidate();
            return load("read during the write");
        });
        assertThat(value).isEqualTo("read during the write");

        assertThat(get("a")).isEqualTo("value of a");
        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldStopBeingUsedWhenTheVersionWasNotReadForTooLong() {
        cache.confirmed(true, now.get());
        get("a");
        now.addAndGet(ContentCache.FRESH_FOR.toNanos() - 1);
        get("a");
        assertThat(loads).as("still fresh").hasValue(1);

        now.addAndGet(1);
        get("a");
        get("a");
        assertThat(loads).as("no longer used").hasValue(3);
        assertThat(cache.isFresh()).isFalse();

        cache.confirmed(false, now.get());
        get("a");
        assertThat(loads)
                .as("the version read after the gap is the one read before it: what was kept is still current")
                .hasValue(3);
        cache.confirmed(true, now.get());
        get("a");
        assertThat(loads).as("a different one: loaded again").hasValue(4);
    }

    @Test
    void shouldDropEverythingAndStopWhenTheVersionCannotBeRead() {
        cache.confirmed(true, now.get());
        get("a");

        cache.unconfirmed();
        get("a");
        get("a");

        assertThat(loads).hasValue(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldKeepNothingWhenTheLoadFails() {
        cache.confirmed(true, now.get());
        assertThatThrownBy(() -> cache.get("a", v -> 100, () -> {
                    throw new IllegalStateException("the database is gone");
                }))
                .hasMessage("the database is gone");

        get("a");
        get("a");
        assertThat(loads).hasValue(1);
    }

    @Test
    void shouldStayWithinItsWeight() {
        cache.confirmed(true, now.get());
        for (int i = 0; i < 1_000; i++) {
            get("key " + i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(100);
        assertThat(cache.weightedBytes()).isLessThanOrEqualTo(cache.maximumBytes());
    }

    @Test
    void shouldBoundTheStandardSizeByTheHeap() {
        assertThat(ContentCache.standardBytes())
                .isPositive()
                .isLessThanOrEqualTo(ContentCache.MOST_BYTES)
                .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / 8);
    }
}
