package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cleanblog.persistence.Dialect;

/**
 * The target of a copy, inside the one transaction the caller holds on {@code connection}: schema check, lock,
 * emptiness, clearing, writers, the repairs a bulk load needs afterwards (identities, sessions, through
 * {@link KeptRowCounts} and {@link KeptPositions} the derived counts and post positions) and reading it back. Not thread-safe; one per copy.
 */
final class TargetDatabase {
    /** How long the copy waits for a lock on the target (PostgreSQL) before it fails instead of hanging. */
    static final String LOCK_TIMEOUT = "30s";

    private final Connection connection;
    private final Dialect dialect;

    TargetDatabase(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Fails unless the target has exactly the tables and columns this copy knows, so no table is left behind. */
    void checkSchema() throws SQLException {
        Catalog catalog = new Catalog(connection, dialect);
        Set<String> unknown = new HashSet<>(catalog.tables());
        unknown.removeIf(
                t -> t.startsWith("sqlite_") || BlogSchema.NOT_COPIED.contains(t) || t.equals(KeptRowCounts.TABLE));
        for (TableSpec table : BlogSchema.TABLES) {
            List<String> expected = table.columns().stream().map(Column::name).toList();
            List<String> actual = new ArrayList<>(catalog.columns(table.name()));
            actual.removeAll(BlogSchema.DERIVED.getOrDefault(table.name(), Set.of()));
            if (!new HashSet<>(actual).equals(new HashSet<>(expected))) {
                throw new CopyException(
                        CopyException.Reason.UNKNOWN_TARGET_SCHEMA,
                        "the target's table " + table.name() + " has columns " + actual + ", but this version of the"
                                + " copy knows " + expected + ": copy with the Clean Blog version that made the"
                                + " target's schema");
            }
            unknown.remove(table.name());
        }
        if (!unknown.isEmpty()) {
            throw new CopyException(
                    CopyException.Reason.UNKNOWN_TARGET_SCHEMA,
                    "the target has tables this version of the copy does not know (" + String.join(", ", unknown)
                            + "): copy with the Clean Blog version that made the target's schema");
        }
    }

    /**
     * Makes any lock wait of the copy's transaction fail after {@link #LOCK_TIMEOUT} (SQLSTATE 55P03) instead of
     * hanging, e.g. behind a running blog's long transaction. SQLite waits at most its busy timeout already.
     */
    void limitLockWaits() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
        }
    }

    /** Keeps the running blog from writing while the copy runs; readers go on (PostgreSQL; on SQLite the copy's
     * transaction began with the write lock, see {@link Endpoint}).
     */
    void lockAgainstWriters() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            execute("LOCK TABLE " + tableList() + ", " + KeptRowCounts.TABLE + " IN EXCLUSIVE MODE");
        }
    }

    /** The tables that hold rows, with their counts, in copy order; empty when the target is empty. */
    Map<String, Long> rowsPresent() throws SQLException {
        Map<String, Long> present = new TreeMap<>();
        RowSource rowsHeld = readBack();
        for (TableSpec table : BlogSchema.TABLES) {
            long rows = rowsHeld.count(table);
            if (rows > 0) {
                present.put(table.name(), rows);
            }
        }
        return present;
    }

    /**
     * Deletes every row; part of the caller's transaction, so a failed copy brings them back. Identities are kept
     * (no RESTART IDENTITY, as SQLite's DELETE keeps {@code sqlite_sequence}): ids the target handed out are not
     * handed out again either.
     */
    void clear() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            execute("TRUNCATE " + tableList());
        } else {
            List<TableSpec> reversed = new ArrayList<>(BlogSchema.TABLES);
            Collections.reverse(reversed);
            for (TableSpec table : reversed) {
                execute("DELETE FROM " + table.name());
            }
        }
    }

    RowSink sink(TableSpec table) throws SQLException {
        return dialect == Dialect.POSTGRESQL
                ? new PostgresCopySink(connection, table)
                : new SqliteInsertSink(connection, table);
    }

    /** Sets every user's {@code sessions_valid_from} to {@code at}, which must be at microsecond precision. */
    void startSessionsAt(Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users SET sessions_valid_from = ?")) {
            if (dialect == Dialect.POSTGRESQL) {
                update.setObject(1, at.atOffset(ZoneOffset.UTC));
            } else {
                update.setString(1, Values.sqliteText(at));
            }
            update.executeUpdate();
        }
    }

    /** Notes the kept row counts as they are before the copy writes; call under the copy's lock. */
    KeptRowCounts keptRowCounts() throws SQLException {
        return KeptRowCounts.start(connection, dialect);
    }

    /** Suspends the numbering of post positions until {@link KeptPositions#renumber()}; call before clearing. */
    KeptPositions suspendPositions() throws SQLException {
        return KeptPositions.suspend(connection, dialect);
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

    /** The target's rows as they stand in the copy's transaction, for verification. */
    RowSource readBack() {
        return new BlogSchemaSource(connection, dialect);
    }

    /**
     * Descriptions of rows whose foreign keys point nowhere; empty when all are valid. PostgreSQL has checked them
     * already (at the end of each table's COPY statement, which fails on the first violation); SQLite checks only
     * when asked.
     */
    List<String> foreignKeyViolations() throws SQLException {
        List<String> violations = new ArrayList<>();
        if (dialect == Dialect.SQLITE) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next() && violations.size() < 100) {
                    violations.add(rs.getString(1) + " rowid " + rs.getLong(2) + " -> " + rs.getString(3));
                }
            }
        }
        return violations;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String tableList() {
        return BlogSchema.TABLES.stream().map(TableSpec::name).collect(Collectors.joining(", "));
    }
}
