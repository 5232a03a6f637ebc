package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cleanblog.persistence.Dialect;

/**
 * The target's kept row counts ({@value #TABLE}, maintained by triggers, ADR 0007) through one copy, inside the
 * caller's transaction: they are not copied. What the triggers counted for the clearing of a replaced target
 * (PostgreSQL's TRUNCATE restarts the counts at zero, SQLite's DELETE counts each row down) and for every row loaded
 * is checked against {@code count(*)}, since a missing or disabled trigger would leave the blog's page totals wrong
 * from its next write on; then the counts are recomputed, so they are right for any source.
 *
 * <p>On PostgreSQL the triggers are disabled during the load (ADR 0037): there the check is on the catalog instead,
 * after they are enabled again: each counted table must have enabled triggers that count inserted and deleted rows
 * and reset the count on {@code TRUNCATE}, as V1__blog.sql makes them.
 *
 * <p>Counts that were already wrong before the copy (a data-only restore with triggers disabled, a hand edit) are not
 * the copy's doing: that error is noted first and carried through, except where TRUNCATE's trigger resets it, and
 * the recompute repairs it. Not thread-safe; one per copy.
 */
final class KeptRowCounts {
    static final String TABLE = "row_counts";

    private final Connection connection;
    private final Dialect dialect;
    private Map<String, Long> carried;
    private boolean countedDuringLoad = true;
    private final List<String> differences = new ArrayList<>();

    private KeptRowCounts(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Notes how far each kept count is off {@code count(*)}; call under the copy's lock, before any write. */
    static KeptRowCounts start(Connection connection, Dialect dialect) throws SQLException {
        KeptRowCounts counts = new KeptRowCounts(connection, dialect);
        Map<String, Long> errors = new TreeMap<>();
        for (Map.Entry<String, Long> kept : counts.read().entrySet()) {
            errors.put(kept.getKey(), kept.getValue() - counts.count(kept.getKey()));
        }
        counts.carried = errors;
        return counts;
    }

    /** The target was cleared (to be replaced, or on PostgreSQL always, ADR 0037); TRUNCATE restarts the counts at zero. */
    void cleared() {
        if (dialect == Dialect.POSTGRESQL) {
            Map<String, Long> none = new TreeMap<>();
            carried.keySet().forEach(table -> none.put(table, 0L));
            carried = none;
        }
    }

    /** The triggers were disabled during the load: {@link #report()} checks that they are in place instead. */
    void notCountedDuringLoad() {
        countedDuringLoad = false;
    }

    /**
     * After the load and before {@link #recompute()}: the table's {@code count(*)} (source side) against what the
     * triggers counted, less the error carried from before the copy (target side), summed over the counted tables for
     * the row columns and checksummed table by table.
     */
    TableReport report() throws SQLException {
        Checksum real = new Checksum();
        Checksum counted = new Checksum();
        long realRows = 0;
        long countedRows = 0;
        for (Map.Entry<String, Long> entry : read().entrySet()) {
            String table = entry.getKey();
            long rows = count(table);
            long kept;
            if (countedDuringLoad) {
                kept = entry.getValue() - carried.getOrDefault(table, 0L);
                if (rows != kept) {
                    differences.add(table + " holds " + CopyEngine.rows(rows) + ", but its " + TABLE
                            + " triggers counted " + kept);
                }
            } else {
                String missing = missingPostgresTriggers(table);
                // What the recompute will keep, unless the triggers that would keep it right are not there.
                kept = missing.isEmpty() ? rows : 0;
                if (!missing.isEmpty()) {
                    differences.add(table + " holds " + CopyEngine.rows(rows) + ", but no enabled " + TABLE
                            + " trigger " + missing);
                }
            }
            real.add(new Object[] {table, rows});
            counted.add(new Object[] {table, kept});
            realRows += rows;
            countedRows += kept;
        }
        return new TableReport(TABLE, realRows, 0, 0, real.hex(), countedRows, counted.hex());
    }

    /** What {@link #report()} found wrong, with the fix; empty when the counts agreed. */
    String problems() {
        if (differences.isEmpty()) {
            return "";
        }
        return String.join("; ", differences) + ": a trigger of " + TABLE + " is missing or disabled on the target,"
                + " so the blog's page totals would go wrong; compare the target's triggers with the migration"
                + " V1__blog.sql (or start from a new, empty target database)";
    }

    /** Sets each kept count to the table's real count (after {@link #report()} has looked at them). */
    void recompute() throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE " + TABLE + " SET row_count = ? WHERE table_name = ?")) {
            for (String table : read().keySet()) {
                update.setLong(1, count(table));
                update.setString(2, table);
                update.executeUpdate();
            }
        }
    }

    /**
     * What {@code table} lacks of the counting triggers of V1__blog.sql, as "counts inserted rows, ..."; empty when
     * it has them all, enabled ({@code tgtype} bits: 1 row, 4 insert, 8 delete, 32 truncate).
     */
    private String missingPostgresTriggers(String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT"
                + " coalesce(bool_or(t.tgtype & 5 = 5 AND p.proname = 'row_counts_track'), false),"
                + " coalesce(bool_or(t.tgtype & 9 = 9 AND p.proname = 'row_counts_track'), false),"
                + " coalesce(bool_or(t.tgtype & 32 = 32 AND p.proname = 'row_counts_reset'), false)"
                + " FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid"
                + " WHERE t.tgrelid = to_regclass(?) AND NOT t.tgisinternal AND t.tgenabled IN ('O', 'A')")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                List<String> missing = new ArrayList<>();
                if (!rs.getBoolean(1)) {
                    missing.add("counts inserted rows");
                }
                if (!rs.getBoolean(2)) {
                    missing.add("counts deleted rows");
                }
                if (!rs.getBoolean(3)) {
                    missing.add("resets the count on TRUNCATE");
                }
                return String.join(", none ", missing);
            }
        }
    }

    /**
     * The kept counts, by table.
     *
     * @throws CopyException when a counted table is not one this copy knows (its name would go into SQL)
     */
    private Map<String, Long> read() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT table_name, row_count FROM " + TABLE)) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (BlogSchema.table(table).isEmpty()) {
                    throw new CopyException(
                            CopyException.Reason.UNKNOWN_TARGET_SCHEMA,
                            TABLE + " counts table '" + table + "', which this version of the copy does not know:"
                                    + " copy with the Clean Blog version that made the target's schema");
                }
                counts.put(table, rs.getLong(2));
            }
        }
        return counts;
    }

    private long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
