package org.cleanblog.persistence.copy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a copy, table by table.
 *
 * @param source what the source was, e.g. "Flask tutorial's blog database on SQLite"
 * @param tables the copied tables in copy order, then the derived {@code row_counts}: for it, the source side is
 *     {@code count(*)} of the counted tables and the target side what the target's triggers counted (summed for
 *     the row columns, table by table in the checksums)
 * @param rejectsFile where rejected rows were listed, or null when no row was rejected
 * @param elapsed how long the copy took
 */
public record CopyReport(String source, List<TableReport> tables, Path rejectsFile, Duration elapsed) {
    public CopyReport {
        tables = List.copyOf(tables);
    }

    /** Whether every table of the target matches what was written. */
    public boolean verified() {
        return tables.stream().allMatch(TableReport::matches);
    }

    public long rejectedRows() {
        return tables.stream().mapToLong(TableReport::rejectedRows).sum();
    }

    /** The report as a fixed-width text table with one line a table, for a terminal or a log. */
    public String format() {
        StringBuilder out = new StringBuilder();
        String row = "%-18s %10s %9s %10s  %-16s  %-16s  %s%n";
        out.append(String.format(
                Locale.ROOT, row, "table", "source", "rejected", "target", "source sha256", "target sha256", ""));
        for (TableReport t : tables) {
            out.append(String.format(
                    Locale.ROOT,
                    row,
                    t.table(),
                    t.sourceRows(),
                    t.rejectedRows(),
                    t.targetRows(),
                    t.sourceChecksum().substring(0, 16),
                    t.targetChecksum().substring(0, 16),
                    t.matches() ? "ok" : "DIFFERENT"));
        }
        return out.toString();
    }
}
