package org.cleanblog.web.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Throttling of the forms that cost the server (login and registration hash a password, contact and comments write a
 * row): a token bucket per key (a client address or network, an account) that holds {@code burst} tokens and gains one
 * every {@code refillMillis}. A request that finds a bucket empty gets 429 with {@code Retry-After}. At most
 * {@code maxClients} buckets are kept; the least recently used is forgotten first, so memory stays bounded whatever the
 * number of keys (a forgotten bucket starts full again: ADR 0024 weighs that for accounts).
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
    public long acquire(String client) {
        return acquireAll(List.of(client));
    }

    /**
     * Takes a token from each of {@code keys}' buckets, or from none of them when one is empty: a request refused for
     * one key costs the others nothing.
     *
     * @return 0 when the request may go ahead, else the seconds until every bucket has a token again (at least 1)
     */
    public synchronized long acquireAll(List<String> keys) {
        long now = clockMillis.getAsLong();
        long waitMillis = 0;
        // Held here: with a small bound, adding the second key's bucket may evict the first one's from the map.
        List<Bucket> found = new ArrayList<>(keys.size());
        for (String key : keys) {
            Bucket bucket = buckets.computeIfAbsent(key, c -> new Bucket(burst, now));
            found.add(bucket);
            bucket.refill(now, burst, refillMillis);
            if (bucket.tokens == 0) {
                waitMillis = Math.max(waitMillis, bucket.since + refillMillis - now);
            }
        }
        if (waitMillis > 0) {
            return Math.max(1, (waitMillis + 999) / 1000);
        }
        for (Bucket bucket : found) {
            bucket.tokens--;
        }
        return 0;
    }

    /**
     * Takes a token for {@code key} and one for the request's client address ({@link RequestOrigin#clientNetwork}),
     * or neither and refuses the request.
     *
     * @param key e.g. {@code "account:7"}; never a bare address, whose bucket it would share
     * @param refusal what the visitor is told, e.g. "Too many comments in a short time."; the wait is added
     * @throws HttpError 429, with {@code Retry-After} set on {@code ex}, when a bucket is empty
     */
    public void takeWithAddress(Exchange ex, String key, String refusal) {
        take(ex, List.of(key, RequestOrigin.clientNetwork(ex.clientAddress())), refusal);
    }

    private void take(Exchange ex, List<String> keys, String refusal) {
        long retryAfter = acquireAll(keys);
        if (retryAfter > 0) {
            ex.setHeader("Retry-After", Long.toString(retryAfter));
            throw new HttpError(429, refusal + " Wait " + retryAfter + " seconds and try again.");
        }
    }

    /**
     * {@code handler}, refused with 429 for a client whose bucket is empty; the bucket is the client's IPv4 address or
     * IPv6 /64 network ({@link RequestOrigin#clientNetwork}).
     */
    public Handler limit(Handler handler) {
        return ex -> {
            take(
                    ex,
                    List.of(RequestOrigin.clientNetwork(ex.clientAddress())),
                    "Too many attempts from your address in a short time.");
            handler.handle(ex);
        };
    }

    /**
     * {@code handler}, refused with 429 when the bucket of the key that {@code key} finds in the request is empty; a
     * request for which it finds none (null) passes unthrottled.
     *
     * @param refusal what the visitor is told; the wait is added
     */
    public Handler limitBy(Function<Exchange, String> key, String refusal, Handler handler) {
        return ex -> {
            String k = key.apply(ex);
            if (k != null) {
                take(ex, List.of(k), refusal);
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
