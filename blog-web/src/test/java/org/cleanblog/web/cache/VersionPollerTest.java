package org.cleanblog.web.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cleanblog.core.StorageException;
import org.junit.jupiter.api.Test;

/** One read of the content version at a time, called by hand: what each outcome does to the cache. */
class VersionPollerTest {
    private final AtomicLong version = new AtomicLong(7);
    private final AtomicInteger loads = new AtomicInteger();
    private volatile boolean databaseDown;
    private final ContentCache cache = new ContentCache(10_000);
    private final VersionPoller poller = new VersionPoller(
            () -> {
                if (databaseDown) {
                    throw new StorageException("could not read the content version: connection refused", null);
                }
                return version.get();
            },
            cache,
            VersionPoller.INTERVAL);

    private void read() {
        cache.get("page", v -> 100, () -> loads.incrementAndGet());
    }

    @Test
    void shouldKeepPagesWhileTheVersionStaysAndDropThemWhenItChanges() {
        poller.poll();
        read();
        poller.poll();
        read();
        assertThat(loads).hasValue(1);

        version.incrementAndGet();
        poller.poll();
        read();
        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldStopUsingTheCacheWhileTheVersionCannotBeReadAndResumeAfterwards() {
        poller.poll();
        read();

        databaseDown = true;
        poller.poll();
        assertThat(cache.isFresh()).isFalse();
        read();
        read();
        assertThat(loads).hasValue(3);

        databaseDown = false;
        poller.poll();
        assertThat(cache.isFresh()).isTrue();
        read();
        read();
        assertThat(loads).hasValue(4);
    }

    @Test
    void shouldRefuseAnIntervalThatWouldNeverKeepTheCacheFresh() {
        assertThatThrownBy(() -> new VersionPoller(version::get, cache, ContentCache.FRESH_FOR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VersionPoller(version::get, cache, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
