package org.cleanblog.web;

import org.cleanblog.core.throttle.ThrottleStore;
import org.cleanblog.web.http.ConcurrencyLimit;
import org.cleanblog.web.http.Throttle;

/**
 * The blog's defences against being worked to death (ADR 0011, ADR 0024, ADR 0030): at most {@code hashing} password hashes at
 * once, a per-address {@code forms} throttle on POST /login, /register and /contact, a per-account {@code logins}
 * throttle on POST /login, and a {@code comments} throttle per account and per address on POST /post/{id}.
 *
 * @param hashing bounds concurrent login and registration requests (each hashes a password)
 * @param forms throttles login, registration and contact form submissions per client address
 * @param logins throttles login attempts per account (the normalised e-mail), whatever address they come from
 * @param comments throttles comments, keyed both by the commenter's account and by the client address
 */
public record Limits(ConcurrencyLimit hashing, Throttle forms, Throttle logins, Throttle comments) {
    /** Burst of 10 submissions per address, then one every 6 seconds (10 a minute). */
    public static final int FORM_BURST = 10;

    public static final long FORM_REFILL_MILLIS = 6_000;
    /**
     * Burst of 10 login attempts per account from anywhere, then one a minute: a botnet gets 60 guesses an hour at one
     * account, and its owner waits at most a minute once the guessing stops.
     */
    public static final int LOGIN_BURST = 10;

    public static final long LOGIN_REFILL_MILLIS = 60_000;
    /** Burst of 5 comments, then one every 30 seconds, per account and per address: more than a person writes. */
    public static final int COMMENT_BURST = 5;

    public static final long COMMENT_REFILL_MILLIS = 30_000;
    /**
     * One hash per core at a time, and the throttles above with their buckets in {@code store}, on the wall clock that
     * instances sharing the store share (ADR 0030).
     */
    public static Limits shared(ThrottleStore store) {
        return new Limits(
                new ConcurrencyLimit(Runtime.getRuntime().availableProcessors()),
                new Throttle("forms", FORM_BURST, FORM_REFILL_MILLIS, store, System::currentTimeMillis),
                new Throttle("logins", LOGIN_BURST, LOGIN_REFILL_MILLIS, store, System::currentTimeMillis),
                new Throttle("comments", COMMENT_BURST, COMMENT_REFILL_MILLIS, store, System::currentTimeMillis));
    }
}
