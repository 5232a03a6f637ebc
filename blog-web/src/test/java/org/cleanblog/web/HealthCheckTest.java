package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    @Test
    void shouldReportTheAnswerOfAQuickCheck() {
        assertThat(new HealthCheck(() -> true, Duration.ofSeconds(30)).isHealthy())
                .isTrue();
        assertThat(new HealthCheck(() -> false, Duration.ofSeconds(30)).isHealthy())
                .isFalse();
    }

    @Test
    void shouldReportUnhealthyWhenTheCheckThrows() {
        HealthCheck check = new HealthCheck(
                () -> {
                    throw new IllegalStateException("pool closed");
                },
                Duration.ofSeconds(30));

        assertThat(check.isHealthy()).isFalse();
    }

    @Test
    void shouldReportUnhealthyWhileACheckHangsAndRunAtMostOneCheckAtATime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        HealthCheck check = new HealthCheck(
                () -> {
                    started.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return true;
                },
                Duration.ofMillis(20));

        boolean first = check.isHealthy();
        boolean second = check.isHealthy();
        release.countDown();

        assertThat(first).isFalse();
        assertThat(second).isFalse();
        assertThat(started).hasValue(1);
    }
}
