package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;

/**
 * Writes rows to SQLite with one prepared insert executed in batches. Inside one transaction SQLite appends rows at
 * memory speed; the batch only bounds how many bound rows the driver holds.
 */
final class SqliteInsertSink implements RowSink {
    private static final int BATCH_ROWS = 1_000;

    private final PreparedStatement insert;
    private int pending;

    SqliteInsertSink(Connection connection, TableSpec table) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(table.width(), "?"));
        this.insert = connection.prepareStatement(
                "INSERT INTO " + table.name() + " (" + table.columnList() + ") VALUES (" + placeholders + ")");
    }

    @Override
    public void accept(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            bind(i + 1, row[i]);
        }
        insert.addBatch();
        if (++pending == BATCH_ROWS) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void finish() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }

    private void bind(int index, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.NULL);
        } else if (value instanceof Long number) {
            insert.setLong(index, number);
        } else if (value instanceof Boolean bool) {
            insert.setInt(index, bool ? 1 : 0);
        } else if (value instanceof Instant instant) {
            insert.setString(index, Values.sqliteText(instant));
        } else {
            insert.setString(index, (String) value);
        }
    }
}
