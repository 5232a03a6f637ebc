package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
    void shouldReportUnhealthyWhileACheckHangsAndLetALaterRequestWaitForThatSameCheck() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        HealthCheck check = new HealthCheck(
                () -> {
                    started.incrementAndGet();
                    running.countDown();
                    waitFor(release);
                    return true;
                },
                Duration.ofMillis(20),
                executor);

        boolean first = check.isHealthy();
        assertThat(running.await(1, TimeUnit.MINUTES))
                .as("the first check runs")
                .isTrue();
        boolean second = check.isHealthy();
        release.countDown();
        executor.shutdown();
        // A second check, had one been submitted, would have run by the time the executor is idle.
        assertThat(executor.awaitTermination(1, TimeUnit.MINUTES))
                .as("every check submitted has run")
                .isTrue();

        assertThat(first).as("hanging, so unhealthy").isFalse();
        assertThat(second).as("still hanging").isFalse();
        assertThat(started)
                .as("the second request waited for the check in flight")
                .hasValue(1);
    }

    @Test
    void shouldStartAFreshCheckOnceTheLastOneHasAnswered() {
        AtomicInteger started = new AtomicInteger();
        HealthCheck check = new HealthCheck(() -> started.incrementAndGet() == 1, Duration.ofSeconds(30));

        assertThat(check.isHealthy()).isTrue();
        assertThat(check.isHealthy()).as("the second check's own answer").isFalse();
        assertThat(started).hasValue(2);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
