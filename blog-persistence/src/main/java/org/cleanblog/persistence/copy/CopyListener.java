package org.cleanblog.persistence.copy;

/**
 * Hears how a copy advances: for progress display and for listing rejected rows. Every method has an empty default.
 * Called on the copying thread, in order; an exception thrown from a method stops the copy, which then leaves the
 * target as it was.
 */
public interface CopyListener {
    /** The copy of {@code table} begins; the source holds {@code sourceRows} rows for it. */
    default void tableStarted(String table, long sourceRows) {}

    /** {@code rowsRead} of {@code sourceRows} rows of {@code table} were read; called every few thousand rows. */
    default void rowsRead(String table, long rowsRead, long sourceRows) {}

    /**
     * Every row of {@code table} was sent; the target now finishes it (on PostgreSQL the COPY statement ends and its
     * queued foreign key checks run), which can take a while for a big table.
     */
    default void tableFinishing(String table) {}

    /** The copy of {@code table} is complete: {@code rowsWritten} of {@code rowsRead} rows were written. */
    default void tableFinished(String table, long rowsRead, long rowsWritten) {}

    /** All tables are written; the target is being read back and compared. */
    default void verifying() {}

    /** A source row the target would refuse; called for every such row, in the order found. */
    default void rejected(Reject reject) {}
}
