package org.cleanblog.persistence.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests that moves only by itself in fixed steps: every {@link #instant()} returns the current time and
 * then advances it by {@code step}, so successive writes get distinct, predictable times. Thread-safe.
 */
public final class TestClock extends Clock {
    /** Deliberately with nanoseconds, so that truncation to microseconds is exercised on every write. */
    public static final Instant DEFAULT_START = Instant.parse("2024-01-02T03:04:05.123456789Z");

    private final AtomicReference<Instant> now;
    private final Duration step;

    public TestClock(Instant start, Duration step) {
        this.now = new AtomicReference<>(start);
        this.step = step;
    }

    /** Starts at {@link #DEFAULT_START} and moves one second per reading. */
    public TestClock() {
        this(DEFAULT_START, Duration.ofSeconds(1));
    }

    /** The next reading will be {@code instant}. */
    public void set(Instant instant) {
        now.set(instant);
    }

    /** What the next reading will be, without taking it. */
    public Instant peek() {
        return now.get();
    }

    @Override
    public Instant instant() {
        return now.getAndUpdate(current -> current.plus(step));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC; the blog stores instants, not zones");
    }
}
