package org.cleanblog.persistence.copy;

import java.sql.SQLException;

/** Rows of a source database, mapped to the tables of our schema. Reads stream: memory does not grow with rows. */
interface RowSource {
    /** What the source is, for the report: "our schema on SQLite", "the Flask tutorial's blog.db on SQLite"... */
    String description();

    /** How many rows {@link #read} will deliver for {@code table} (for progress; 0 when the source has none). */
    long count(TableSpec table) throws SQLException;

    /**
     * The highest id the source has handed out for {@code table}: at least its highest id, more when its newest rows
     * were deleted; 0 when it never held one (see {@link IdMarks}).
     */
    long highWaterMark(TableSpec table) throws SQLException;

    /**
     * Delivers the rows meant for {@code table} in ascending id order, each with {@link TableSpec#columns()} values
     * in their canonical types, null, or an {@link Invalid}.
     */
    void read(TableSpec table, RowHandler handler) throws SQLException;
}
