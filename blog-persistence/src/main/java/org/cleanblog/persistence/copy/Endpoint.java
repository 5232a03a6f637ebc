package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a copy reads or writes: a caller's DataSource ({@link DataSourceEndpoint}), or a JDBC URL for which the copy
 * opens plain connections of its own ({@link UrlEndpoint}).
 */
sealed interface Endpoint permits DataSourceEndpoint, UrlEndpoint {
    /**
     * A connection for reading only.
     *
     * @throws CopyException ({@link CopyException.Reason#SOURCE_NOT_FOUND}) for a SQLite file that does not exist:
     *     reading must not create it
     */
    Connection openForReading() throws SQLException;

    /** A connection for writing, with SQLite's foreign keys enforced. */
    Connection openForWriting() throws SQLException;

    /** Brings the database to the latest schema (creating it when empty). */
    void migrate();
}
