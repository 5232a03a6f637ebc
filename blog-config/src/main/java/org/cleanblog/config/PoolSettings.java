package org.cleanblog.config;

import java.time.Duration;

/**
 * The connection budget of one process: how many connections its pool may hold ({@code DATABASE_POOL_SIZE}) and how
 * long a request waits for one while they are all in use ({@code DATABASE_POOL_TIMEOUT}) before it gets a 503 page.
 * Immutable and thread-safe.
 *
 * @param size the most connections of a serving process, {@value #MIN_SIZE}-{@value #MAX_SIZE}; one-off commands
 *     ({@code migrate}, {@code admin}) use at most {@link #ONE_OFF_SIZE}
 * @param timeout how long a request waits for a connection of a busy pool, 1-{@value #MAX_TIMEOUT_SECONDS} seconds
 */
public record PoolSettings(int size, Duration timeout) {
    /**
     * Two web processes and a release phase fit a 20-connection plan: 2 × 8 + {@link #ONE_OFF_SIZE} = 18, leaving
     * two for a console (ADR 0029).
     */
    public static final int DEFAULT_SIZE = 8;

    public static final int MIN_SIZE = 1;
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    /** Platforms' routers give up on a request after 30 s (Heroku); a longer wait serves nobody. */
    public static final int MAX_TIMEOUT_SECONDS = 30;
    /** Connections of a one-off command: Flyway holds two while it migrates. */
    public static final int ONE_OFF_SIZE = 2;

    public PoolSettings {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("pool size " + size + " is out of range " + MIN_SIZE + "-" + MAX_SIZE);
        }
        if (timeout == null
                || timeout.compareTo(Duration.ofSeconds(1)) < 0
                || timeout.compareTo(Duration.ofSeconds(MAX_TIMEOUT_SECONDS)) > 0) {
            throw new IllegalArgumentException(
                    "pool timeout " + timeout + " is out of range 1-" + MAX_TIMEOUT_SECONDS + " s");
        }
    }

    /** The pool of a one-off command: never more than {@link #ONE_OFF_SIZE} connections. */
    public PoolSettings forOneOffCommand() {
        return new PoolSettings(Math.min(size, ONE_OFF_SIZE), timeout);
    }
}
