package org.cleanblog.web.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-client throttling of the forms that cost the server (login and registration hash a password, contact writes a
 * row): a token bucket per client (an address or network) that holds {@code burst} tokens and gains one every {@code refillMillis}. A
 * request that finds the bucket empty gets 429 with {@code Retry-After}. At most {@code maxClients} buckets are kept;
 * the least recently used is forgotten first, so memory stays bounded whatever the number of addresses.
 *
 * <p>Thread-safe: one lock around the map; the work under it is a few arithmetic operations.
 */
public final class Throttle {
    private final int burst;
    private final long refillMillis;
    private final LongSupplier clockMillis;
    private final Map<String, Bucket> buckets;

    /**
     * @param clockMillis elapsed time in milliseconds from any fixed origin, such as {@code System.nanoTime() /
     *     1_000_000}; a wall clock would jump with NTP steps and manual changes. Tests pass a clock they move by hand.
     *     Should it ever run backwards, the buckets treat the step as no time passing.
     */
    public Throttle(int burst, long refillMillis, int maxClients, LongSupplier clockMillis) {
        if (burst < 1 || refillMillis < 1 || maxClients < 1) {
            throw new IllegalArgumentException("burst, refillMillis and maxClients must be positive");
        }
        this.burst = burst;
        this.refillMillis = refillMillis;
        this.clockMillis = clockMillis;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /**
     * Takes a token for {@code client}.
     *
     * @return 0 when the request may go ahead, else the seconds until the next token (at least 1)
     */
    public synchronized long acquire(String client) {
        long now = clockMillis.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        if (now < bucket.since) {
            // The clock stepped back: restart the refill from now, or the client would wait out the step as well.
            bucket.since = now;
        }
        long gained = (now - bucket.since) / refillMillis;
        if (gained > 0) {
            bucket.tokens = (int) Math.min(burst, bucket.tokens + gained);
            bucket.since = bucket.tokens == burst ? now : bucket.since + gained * refillMillis;
        }
        if (bucket.tokens > 0) {
            bucket.tokens--;
            return 0;
        }
        long waitMillis = bucket.since + refillMillis - now;
        return Math.max(1, (waitMillis + 999) / 1000);
    }

    /**
     * {@code handler}, refused with 429 for a client whose bucket is empty; the bucket is the client's IPv4 address or
     * IPv6 /64 network ({@link RequestOrigin#clientNetwork}).
     */
    public Handler limit(Handler handler) {
        return ex -> {
            long retryAfter = acquire(RequestOrigin.clientNetwork(ex.clientAddress()));
            if (retryAfter > 0) {
                ex.setHeader("Retry-After", Long.toString(retryAfter));
                throw new HttpError(
                        429,
                        "Too many attempts from your address in a short time. Wait " + retryAfter
                                + " seconds and try again.");
            }
            handler.handle(ex);
        };
    }

    private static final class Bucket {
        int tokens;
        long since;

        Bucket(int tokens, long since) {
            this.tokens = tokens;
            this.since = since;
        }
    }
}
