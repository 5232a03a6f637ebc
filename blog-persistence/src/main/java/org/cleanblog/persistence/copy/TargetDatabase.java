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
    private DeferredIndexes deferred;
    private SuspendedTriggers triggers;

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

    /**
     * Keeps the running blog from writing while the copy runs (on SQLite the copy's transaction began with the write
     * lock, see {@link Endpoint}). On PostgreSQL the copied tables are locked against readers as well, at once: the
     * load truncates them and drops their indexes ({@link #prepareLoad}), which needs that lock anyway, and taking it
     * first means no upgrade later that could deadlock with a reader. {@value KeptRowCounts#TABLE} stays readable.
     */
    void lockAgainstWriters() throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            execute("LOCK TABLE " + tableList() + " IN ACCESS EXCLUSIVE MODE");
            execute("LOCK TABLE " + KeptRowCounts.TABLE + " IN EXCLUSIVE MODE");
        }
    }

    /**
     * Makes the tables ready for the load; call after {@link #rowsPresent()} said whether they hold rows (which only
     * {@code --replace} allows). Returns whether it deleted rows, i.e. whether the kept row counts saw a clearing.
     *
     * <p>PostgreSQL (ADR 0037): the tables are always truncated, also when empty, so that {@code COPY ... FREEZE} may
     * write their rows already frozen (it requires a table truncated or created in the same transaction; the rows
     * then need no hint bits set by the read-back or by the next reader), and their indexes and keys are set aside
     * until {@link #finishLoad()}, and their user triggers disabled until then (after the {@code TRUNCATE}, whose
     * triggers reset the kept counts and bump the content version once). SQLite deletes rows only when there are
     * some; its triggers run for every row (each updates one row in place, which stays cheap).
     */
    boolean prepareLoad(boolean holdsRows) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            clear();
            List<String> tables =
                    BlogSchema.TABLES.stream().map(TableSpec::name).toList();
            deferred = DeferredIndexes.setAside(connection, tables);
            triggers = SuspendedTriggers.suspend(connection, tables);
            return true;
        }
        if (holdsRows) {
            clear();
        }
        return holdsRows;
    }

    /**
     * Builds what {@link #prepareLoad} set aside and enables the triggers it disabled; call once, after every table is
     * loaded. Returns whether triggers were disabled during the load (so they counted no rows).
     */
    boolean finishLoad() throws SQLException {
        if (deferred == null) {
            return false;
        }
        deferred.rebuild();
        triggers.restore();
        deferred = null;
        triggers = null;
        return true;
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
    private void clear() throws SQLException {
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
                ? new PostgresCopySink(connection, table, deferred != null)
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
     * already (when {@link #finishLoad()} added the foreign keys again, which fails on the first violation); SQLite
     * checks only when asked.
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
