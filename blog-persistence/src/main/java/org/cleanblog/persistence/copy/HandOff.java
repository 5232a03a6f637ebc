package org.cleanblog.persistence.copy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Rows passed from the thread that reads them to one thread of its own that consumes them, so that the two overlap
 * (ADR 0037): while one thread reads the source, runs the allow-list and the checks, the other checksums and writes
 * the rows before it; while one reads the target back, the other checksums. One core alone could not keep up with
 * PostgreSQL once the indexes were out of the way.
 *
 * <p>Memory stays bounded whatever the rows' sizes: rows travel in batches that end at {@value #BATCH_ROWS} rows or
 * once they hold {@value #BATCH_CHARS} characters of text (so a batch is at most one row over), and at most
 * {@value #QUEUED} batches wait. With the batch being filled and the one being consumed, that is a few megabytes of
 * text at most, plus one row, which the sources already bound.
 *
 * <p>The consumer's first failure is thrown to the reading thread by the next {@link #accept} or {@link #finish()};
 * {@link #close()} stops the consumer, so a failure on either side leaves no thread behind. Used by one reading
 * thread; one per table.
 */
final class HandOff implements RowHandler, AutoCloseable {
    static final int BATCH_ROWS = 1_000;
    static final int BATCH_CHARS = 1 << 18;
    static final int QUEUED = 4;

    /** The end of the rows; compared by identity. */
    private static final List<Object[]> END = new ArrayList<>(0);

    private final BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread consumer;
    private volatile Throwable failure;
    private List<Object[]> batch = new ArrayList<>();
    private long batchChars;

    /** Starts a thread named {@code name} that gives every row, in order, to {@code handler}. */
    HandOff(String name, RowHandler handler) {
        this.consumer = new Thread(() -> consume(handler), name);
        consumer.setDaemon(true);
        consumer.start();
    }

    @Override
    public void accept(Object[] row) throws SQLException {
        rethrowFailure();
        batch.add(row);
        for (Object value : row) {
            if (value instanceof String text) {
                batchChars += text.length();
            }
        }
        if (batch.size() >= BATCH_ROWS || batchChars >= BATCH_CHARS) {
            put(batch);
            batch = new ArrayList<>();
            batchChars = 0;
        }
    }

    /** Waits until the consumer has taken every row; throws its failure, if any. */
    void finish() throws SQLException {
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>();
        }
        put(END);
        try {
            consumer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CopyException(CopyException.Reason.FAILED, "the copy was interrupted");
        }
        rethrowFailure();
    }

    /** Stops the consumer if {@link #finish()} did not end it, abandoning the rows it had not taken. */
    @Override
    public void close() {
        if (!consumer.isAlive()) {
            return;
        }
        consumer.interrupt();
        boolean interrupted = false;
        while (consumer.isAlive()) {
            try {
                consumer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void consume(RowHandler handler) {
        try {
            while (true) {
                List<Object[]> rows = queue.take();
                if (rows == END) {
                    return;
                }
                for (Object[] row : rows) {
                    handler.accept(row);
                }
            }
        } catch (InterruptedException e) {
            // close(): the reading side failed or gave up; the rows are abandoned.
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
            // Keep taking (and dropping) batches, so the reading thread never waits on a full queue for nobody.
            drainUntilEnd();
        }
    }

    private void drainUntilEnd() {
        try {
            while (queue.take() != END) {
                // dropped
            }
        } catch (InterruptedException e) {
            // close()
        }
    }

    private void put(List<Object[]> rows) {
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CopyException(CopyException.Reason.FAILED, "the copy was interrupted");
        }
    }

    private void rethrowFailure() throws SQLException {
        Throwable failed = failure;
        if (failed instanceof SQLException e) {
            throw e;
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }
}
