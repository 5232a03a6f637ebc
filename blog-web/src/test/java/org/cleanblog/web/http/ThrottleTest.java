package org.cleanblog.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void shouldAllowABurstThenRefuseWithTheSecondsUntilTheNextToken() {
        Throttle throttle = new Throttle(3, 6_000, 100, now::get);

        assertThat(throttle.acquire("a")).isZero();
        assertThat(throttle.acquire("a")).isZero();
        assertThat(throttle.acquire("a")).isZero();
        assertThat(throttle.acquire("a")).isEqualTo(6);
        now.addAndGet(1_500);
        assertThat(throttle.acquire("a")).isEqualTo(5);
    }

    @Test
    void shouldGainOneTokenPerRefillIntervalUpToTheBurst() {
        Throttle throttle = new Throttle(2, 6_000, 100, now::get);
        throttle.acquire("a");
        throttle.acquire("a");

        now.addAndGet(6_000);
        assertThat(throttle.acquire("a")).isZero();
        assertThat(throttle.acquire("a")).isPositive();

        now.addAndGet(600_000);
        assertThat(throttle.acquire("a")).isZero();
        assertThat(throttle.acquire("a")).isZero();
        assertThat(throttle.acquire("a")).as("never more than the burst").isPositive();
    }

    @Test
    void shouldCountNoTimeAndLockNobodyOutWhenTheClockGoesBackwards() {
        Throttle throttle = new Throttle(2, 6_000, 100, now::get);
        throttle.acquire("a");
        now.addAndGet(3_000);

        now.addAndGet(-3_600_000);
        assertThat(throttle.acquire("a")).as("the token left").isZero();
        assertThat(throttle.acquire("a"))
                .as("at most one refill interval, not the hour")
                .isEqualTo(6);

        now.addAndGet(6_000);
        assertThat(throttle.acquire("a")).as("refilled from the new time").isZero();
        assertThat(throttle.acquire("a")).isEqualTo(6);
    }

    @Test
    void shouldKeepEveryClientInItsOwnBucket() {
        Throttle throttle = new Throttle(1, 6_000, 100, now::get);

        assertThat(throttle.acquire("a")).isZero();
        assertThat(throttle.acquire("a")).isPositive();
        assertThat(throttle.acquire("b")).isZero();
    }

    @Test
    void shouldForgetTheLeastRecentlySeenClientWhenFull() {
        Throttle throttle = new Throttle(1, 6_000, 2, now::get);
        throttle.acquire("a");
        throttle.acquire("b");
        throttle.acquire("c");

        assertThat(throttle.acquire("a")).as("forgotten, so a fresh bucket").isZero();
        assertThat(throttle.acquire("c")).as("still remembered").isPositive();
    }

    @Test
    void shouldTakeFromEveryKeyOrFromNone() {
        Throttle throttle = new Throttle(1, 6_000, 100, now::get);
        assertThat(throttle.acquireAll(java.util.List.of("account:1", "address")))
                .isZero();

        assertThat(throttle.acquireAll(java.util.List.of("account:2", "address")))
                .isEqualTo(6);
        assertThat(throttle.acquire("account:2"))
                .as("the refused request cost account:2 nothing")
                .isZero();
    }

    @Test
    void shouldLetTheRequestThroughWhenTheStoreFails() {
        Throttle throttle = new Throttle("forms", 1, 6_000, new FailingStore(), now::get);

        assertThat(throttle.acquire("a")).isZero();
        assertThat(throttle.acquire("a")).as("fails open, every time").isZero();
    }

    @Test
    void shouldPrefixEveryKeyWithTheThrottlesName() {
        MemoryThrottleStore store = new MemoryThrottleStore(100);
        Throttle forms = new Throttle("forms", 1, 6_000, store, now::get);
        Throttle logins = new Throttle("logins", 1, 6_000, store, now::get);

        assertThat(forms.acquire("a")).isZero();
        assertThat(logins.acquire("a")).as("another throttle's bucket").isZero();
        assertThat(store.take("forms:a", 1, 6_000, now.get()))
                .as("the key as stored")
                .isPositive();
    }

    @Test
    void shouldTakeFromBothKeysEvenWhenTheSecondEvictsTheFirstFromASmallMap() {
        Throttle throttle = new Throttle(2, 6_000, 1, now::get);

        assertThat(throttle.acquireAll(java.util.List.of("a", "b"))).isZero();
        assertThat(throttle.acquire("b")).isZero();
        assertThat(throttle.acquire("b")).isPositive();
    }

    private static final class FailingStore implements org.cleanblog.core.throttle.ThrottleStore {
        @Override
        public long take(String bucket, int capacity, long refillMillis, long nowMillis) {
            throw new org.cleanblog.core.StorageException("could not take a throttle token: down", null);
        }

        @Override
        public void giveBack(String bucket, int capacity) {
            throw new org.cleanblog.core.StorageException("could not give back a throttle token: down", null);
        }
    }
}
