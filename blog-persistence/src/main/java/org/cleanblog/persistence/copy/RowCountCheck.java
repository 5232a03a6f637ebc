package org.cleanblog.persistence.copy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that the target's {@code row_counts} triggers (ADR 0007) counted what the copy did: the clearing of
 * {@code --replace} (PostgreSQL's TRUNCATE restarts the counts at zero, SQLite's DELETE counts each row down) and
 * every row loaded. A missing or disabled trigger would leave the blog's page totals wrong from its next write on,
 * although the copy recomputes the counts.
 *
 * <p>Counts that were already wrong before the copy (a data-only restore with triggers disabled, a hand edit) are not
 * the copy's doing: that error is noted first and carried through, except where TRUNCATE's trigger resets it, and
 * the recompute afterwards repairs it. Not thread-safe; one per copy.
 */
final class RowCountCheck {
    private final TargetDatabase target;
    private Map<String, Long> carried;
    private final List<String> differences = new ArrayList<>();

    private RowCountCheck(TargetDatabase target, Map<String, Long> carried) {
        this.target = target;
        this.carried = carried;
    }

    /** Notes how far each kept count is off {@code count(*)}; call under the copy's lock, before any write. */
    static RowCountCheck start(TargetDatabase target) throws SQLException {
        return new RowCountCheck(target, target.rowCountErrors());
    }

    /** The target was cleared for {@code --replace}; on PostgreSQL (TRUNCATE) the counts restart at zero. */
    void cleared() {
        if (target.clearingResetsRowCounts()) {
            Map<String, Long> none = new TreeMap<>();
            carried.keySet().forEach(table -> none.put(table, 0L));
            carried = none;
        }
    }

    /**
     * After the load and before the counts are recomputed: the table's {@code count(*)} (source side) against what
     * the triggers counted, less the error carried from before the copy (target side), summed over the counted tables
     * for the row columns and checksummed table by table.
     */
    TableReport report() throws SQLException {
        Checksum real = new Checksum();
        Checksum counted = new Checksum();
        long realRows = 0;
        long countedRows = 0;
        for (Map.Entry<String, Long> entry : target.rowCounts().entrySet()) {
            String table = entry.getKey();
            long rows = target.count(table);
            long kept = entry.getValue() - carried.getOrDefault(table, 0L);
            real.add(new Object[] {table, rows});
            counted.add(new Object[] {table, kept});
            realRows += rows;
            countedRows += kept;
            if (rows != kept) {
                differences.add(table + " holds " + CopyEngine.rows(rows) + ", but its " + TargetDatabase.ROW_COUNTS
                        + " triggers counted " + kept);
            }
        }
        return new TableReport(TargetDatabase.ROW_COUNTS, realRows, 0, real.hex(), countedRows, counted.hex());
    }

    /** What {@link #report()} found wrong, with the fix; empty when the counts agreed. */
    String problems() {
        if (differences.isEmpty()) {
            return "";
        }
        return String.join("; ", differences) + ": a trigger of " + TargetDatabase.ROW_COUNTS + " is missing or"
                + " disabled on the target, so the blog's page totals would go wrong; compare the target's triggers"
                + " with the migration V1__blog.sql (or start from a new, empty target database)";
    }
}
