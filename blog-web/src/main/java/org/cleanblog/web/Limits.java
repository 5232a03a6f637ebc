package org.cleanblog.web;

import org.cleanblog.web.http.ConcurrencyLimit;
import org.cleanblog.web.http.Throttle;

/**
 * The blog's defences against being worked to death: at most {@code hashing} password hashes at once, and a
 * per-address {@code forms} throttle on POST /login, /register and /contact.
 *
 * @param hashing bounds concurrent login and registration requests (each hashes a password)
 * @param forms throttles login, registration and contact form submissions per client address
 */
public record Limits(ConcurrencyLimit hashing, Throttle forms) {
    /** Burst of 10 submissions per address, then one every 6 seconds (10 a minute). */
    public static final int FORM_BURST = 10;

    public static final long FORM_REFILL_MILLIS = 6_000;
    /** Addresses remembered at once; the least recently seen are forgotten first. */
    public static final int MAX_CLIENTS = 10_000;

    /** One hash per core at a time, and the form throttle above on the monotonic clock of {@code System.nanoTime}. */
    public static Limits standard() {
        return new Limits(
                new ConcurrencyLimit(Runtime.getRuntime().availableProcessors()),
                new Throttle(FORM_BURST, FORM_REFILL_MILLIS, MAX_CLIENTS, () -> System.nanoTime() / 1_000_000));
    }
}
