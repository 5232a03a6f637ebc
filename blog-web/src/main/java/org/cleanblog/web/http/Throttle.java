package org.cleanblog.web.http;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.cleanblog.core.StorageException;
import org.cleanblog.core.throttle.ThrottleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throttling of the forms that cost the server (login and registration hash a password, contact and comments write a
 * row): a token bucket per key (a client address or network, an account) that holds {@code burst} tokens and gains one
 * every {@code refillMillis}. A request that finds a bucket empty gets 429 with {@code Retry-After}. The buckets live in
 * a {@link ThrottleStore}: for the blog, the database that every instance shares (ADR 0030), so this class keeps no
 * state per key and N instances allow the rate of one.
 *
 * <p>When the store fails (the database is unreachable) the request goes ahead and a WARN is logged: the throttle fails
 * open, because a throttle that answered 503 would take the whole site down with it, while the work it protects needs
 * the same database and fails on its own (ADR 0030).
 *
 * <p>Thread-safe when the store is.
 */
public final class Throttle {
    private static final Logger LOG = LoggerFactory.getLogger(Throttle.class);

    private final String name;
    private final int burst;
    private final long refillMillis;
    private final ThrottleStore store;
    private final LongSupplier clockMillis;

    /**
     * @param name prefixes every key in {@code store}, e.g. {@code "forms"}, so throttles sharing a store keep apart
     * @param store where the buckets live
     * @param clockMillis milliseconds since the epoch; {@code System::currentTimeMillis} when instances share the store,
     *     since they share wall time and nothing else. A time before a bucket's last use counts as no time passing.
     *     Tests pass a clock they move by hand.
     */
    public Throttle(String name, int burst, long refillMillis, ThrottleStore store, LongSupplier clockMillis) {
        if (burst < 1 || refillMillis < 1) {
            throw new IllegalArgumentException("burst and refillMillis must be positive");
        }
        this.name = Objects.requireNonNull(name, "name");
        this.burst = burst;
        this.refillMillis = refillMillis;
        this.store = Objects.requireNonNull(store, "store");
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /**
     * A throttle on buckets in this process only ({@link MemoryThrottleStore}, at most {@code maxClients} of them), for
     * tests and single-process use.
     */
    public Throttle(int burst, long refillMillis, int maxClients, LongSupplier clockMillis) {
        this("memory", burst, refillMillis, new MemoryThrottleStore(maxClients), clockMillis);
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
     * one key costs the others nothing (the tokens already taken are given back).
     *
     * @return 0 when the request may go ahead, else the seconds until that bucket has a token again (at least 1)
     */
    public long acquireAll(List<String> keys) {
        long now = clockMillis.getAsLong();
        try {
            for (int i = 0; i < keys.size(); i++) {
                long waitMillis = store.take(name + ":" + keys.get(i), burst, refillMillis, now);
                if (waitMillis > 0) {
                    // Rare (a refusal of a request with several keys), so the one-statement path stays the usual one.
                    for (String paid : keys.subList(0, i)) {
                        store.giveBack(name + ":" + paid, burst);
                    }
                    return Math.max(1, (waitMillis + 999) / 1000);
                }
            }
            return 0;
        } catch (StorageException e) {
            LOG.warn("throttle {} let a request through unchecked: {}", name, e.getMessage());
            return 0;
        }
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
}
