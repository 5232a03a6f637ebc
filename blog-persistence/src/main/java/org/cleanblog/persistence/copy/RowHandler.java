package org.cleanblog.persistence.copy;

import java.sql.SQLException;

/** Receives the rows a {@link RowSource} reads, one at a time; the array is the row's own and may be kept. */
@FunctionalInterface
interface RowHandler {
    void accept(Object[] row) throws SQLException;
}
