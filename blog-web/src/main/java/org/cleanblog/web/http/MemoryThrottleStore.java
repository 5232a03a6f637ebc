package org.cleanblog.web.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cleanblog.core.throttle.ThrottleStore;

/**
 * Token buckets in this process only, for tests and single-process tools: at most {@code maxBuckets} are kept and the
 * least recently used is forgotten first (a forgotten bucket starts full again). The blog itself keeps its buckets in
 * the database, shared by every instance (ADR 0030).
 *
 * <p>Thread-safe: one lock around the map; the work under it is a few arithmetic operations.
 */
public final class MemoryThrottleStore implements ThrottleStore {
    private final Map<String, Bucket> buckets;

    /** @param maxBuckets buckets kept at once, at least 1 */
    public MemoryThrottleStore(int maxBuckets) {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be positive, was " + maxBuckets);
        }
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxBuckets;
            }
        };
    }

    @Override
    public synchronized long take(String bucket, int capacity, long refillMillis, long nowMillis) {
        Bucket found = buckets.computeIfAbsent(bucket, b -> new Bucket(capacity, nowMillis));
        found.refill(nowMillis, capacity, refillMillis);
        if (found.tokens == 0) {
            return Math.max(1, found.since + refillMillis - nowMillis);
        }
        found.tokens--;
        return 0;
    }

    @Override
    public synchronized void giveBack(String bucket, int capacity) {
        Bucket found = buckets.get(bucket);
        if (found != null) {
            found.tokens = Math.min(capacity, found.tokens + 1);
        }
    }

    private static final class Bucket {
        int tokens;
        long since;

        Bucket(int tokens, long since) {
            this.tokens = tokens;
            this.since = since;
        }

        void refill(long now, int burst, long refillMillis) {
            if (now < since) {
                // The clock stepped back: restart the refill from now, or the client would wait out the step as well.
                since = now;
            }
            long gained = (now - since) / refillMillis;
            if (gained > 0) {
                tokens = (int) Math.min(burst, tokens + gained);
                since = tokens == burst ? now : since + gained * refillMillis;
            }
        }
    }
}
