package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rows cross from the reading thread to the consuming one in order, in bounded memory, and failures come back. */
class HandOffTest {
    @Test
    void shouldGiveEveryRowInOrderBeforeFinishReturns() throws Exception {
        List<Object> seen = new ArrayList<>();
        try (HandOff handOff = new HandOff("hand-off test", row -> seen.add(row[0]))) {
            for (long i = 0; i < 2_500; i++) {
                handOff.accept(new Object[] {i, "text " + i});
            }
            handOff.finish();
        }
        assertThat(seen).hasSize(2_500).isSortedAccordingTo((a, b) -> Long.compare((Long) a, (Long) b));
    }

    @Test
    void shouldThrowTheConsumersFailureToTheReadingThread() throws Exception {
        SQLException refused = new SQLException("the target refused row 3");
        try (HandOff handOff = new HandOff("hand-off test", row -> {
            if ((Long) row[0] == 3) {
                throw refused;
            }
        })) {
            for (long i = 0; i < 10; i++) {
                handOff.accept(new Object[] {i});
            }
            assertThat(catchThrowable(handOff::finish)).isSameAs(refused);
        }
    }

    @Test
    void shouldMakeTheReaderWaitOnceTheQueuedBatchesHoldTheirCharacters() throws Exception {
        CountDownLatch consuming = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        String big = "x".repeat(HandOff.BATCH_CHARS); // one row fills a batch
        try (HandOff handOff = new HandOff("hand-off test", row -> {
            consuming.countDown();
            awaitQuietly(release);
        })) {
            Thread reader = new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        handOff.accept(new Object[] {(long) i, big});
                        accepted.incrementAndGet();
                    }
                    handOff.finish();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            reader.start();
            consuming.await();
            // The reader may park for a moment on the queue's lock before it is full: wait until it has handed over
            // what the bound allows and then parks (or, were there no bound, runs to the end).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reader.isAlive()
                    && !(accepted.get() > HandOff.QUEUED && reader.getState() == Thread.State.WAITING)) {
                assertThat(System.nanoTime() - deadline)
                        .as("reader still running after 30 s")
                        .isNegative();
                Thread.onSpinWait();
            }
            // One batch with the consumer, QUEUED in the queue; the next one waits.
            assertThat(accepted.get()).isEqualTo(HandOff.QUEUED + 1);
            release.countDown();
            reader.join();
            assertThat(accepted.get()).isEqualTo(20);
        }
    }

    @Test
    void shouldStopTheConsumerWhenClosedBeforeFinishing() throws Exception {
        HandOff handOff = new HandOff("hand-off test abandoned", row -> {});
        handOff.accept(new Object[] {1L});

        handOff.close();

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("hand-off test abandoned"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
