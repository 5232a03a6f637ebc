package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.cleanblog.persistence.Dialect;

/**
 * What the target counts besides its rows, inside the caller's transaction on {@code connection}: the id generators a
 * bulk load with ids leaves behind, and the kept row counts ({@value TargetDatabase#ROW_COUNTS}) it must repair.
 * Not thread-safe; one per copy.
 */
final class TargetCounters {
    private final Connection connection;
    private final Dialect dialect;

    TargetCounters(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * Moves every table's id generator past the greatest of the source's high-water mark ({@code sourceMarks}, by
     * table; ids the source handed out, also those of its deleted newest rows), the highest copied id and what the
     * target itself had handed out, so that no id is handed out twice (ADR 0010). A PostgreSQL identity does not
     * move by itself when rows arrive with their ids; SQLite's {@code sqlite_sequence} moves to the highest loaded id
     * only.
     */
    void moveIdentities(Map<String, Long> sourceMarks) throws SQLException {
        for (TableSpec table : BlogSchema.TABLES) {
            long mark =
                    Math.max(sourceMarks.getOrDefault(table.name(), 0L), IdMarks.of(connection, dialect, table.name()));
            IdMarks.set(connection, dialect, table.name(), mark);
        }
    }

    /** Sets each kept count to the table's real count (after {@link RowCountCheck} has looked at them). */
    void recomputeRowCounts() throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + TargetDatabase.ROW_COUNTS + " SET row_count = ? WHERE table_name = ?")) {
            for (String table : rowCounts().keySet()) {
                update.setLong(1, count(table));
                update.setString(2, table);
                update.executeUpdate();
            }
        }
    }

    /** How far each kept count is off the table's {@code count(*)} (kept minus real), by table. */
    Map<String, Long> rowCountErrors() throws SQLException {
        Map<String, Long> errors = new TreeMap<>();
        for (Map.Entry<String, Long> kept : rowCounts().entrySet()) {
            errors.put(kept.getKey(), kept.getValue() - count(kept.getKey()));
        }
        return errors;
    }

    /**
     * Reads the kept counts, by table.
     *
     * @throws CopyException when a counted table is not one this copy-db knows (its name would go into SQL)
     */
    Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT table_name, row_count FROM " + TargetDatabase.ROW_COUNTS)) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (BlogSchema.table(table).isEmpty()) {
                    throw new CopyException(
                            CopyException.Reason.UNKNOWN_TARGET_SCHEMA,
                            TargetDatabase.ROW_COUNTS + " counts table '" + table + "', which this copy-db does not"
                                    + " know: use the copy-db of the same version as the target's schema");
                }
                counts.put(table, rs.getLong(2));
            }
        }
        return counts;
    }

    /** The table's real {@code count(*)}; {@code table} must be a known table name, as it goes into SQL. */
    long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
