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

    /** How many HTML values of the written rows the library's allow-list changed, in all tables. */
    public long sanitizedValues() {
        return tables.stream().mapToLong(TableReport::sanitizedValues).sum();
    }

    /**
     * The report as a fixed-width text table with one line a table, then a line that says how many HTML values the
     * allow-list changed, for a terminal or a log.
     */
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
        out.append(sanitizedLine()).append(System.lineSeparator());
        return out.toString();
    }

    private String sanitizedLine() {
        long total = sanitizedValues();
        if (total == 0) {
            return "html: every HTML value passed the allow-list unchanged";
        }
        StringBuilder byTable = new StringBuilder();
        for (TableReport t : tables) {
            if (t.sanitizedValues() > 0) {
                byTable.append(byTable.isEmpty() ? "" : ", ")
                        .append(t.table())
                        .append(' ')
                        .append(t.sanitizedValues());
            }
        }
        return "html: " + total + (total == 1 ? " value was" : " values were") + " changed by the allow-list ("
                + byTable + "); the target holds, and the checksums cover, the sanitised HTML";
    }
}
