package org.cleanblog.persistence.copy;

import java.sql.SQLException;

/** Writes the rows of one table to the target, buffering as it sees fit. Not thread-safe. */
interface RowSink extends AutoCloseable {
    /** Queues {@code row}, whose values are in their canonical types (no {@link Invalid}). */
    void accept(Object[] row) throws SQLException;

    /** Writes what is still buffered; the table is complete afterwards. */
    void finish() throws SQLException;

    /** Releases what the sink holds; abandons unwritten rows when {@link #finish()} was not called. */
    @Override
    void close() throws SQLException;
}
