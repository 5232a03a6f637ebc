package org.cleanblog.persistence.copy;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows a copy's progress: on a terminal, one bar a table redrawn in place (carriage return and erase-line) (rows done of total, rate,
 * time left); otherwise, for logs, a plain line when a table starts, every few seconds, and when it ends. Rejected rows
 * are printed one a line either way. Not thread-safe; one per copy.
 */
public final class ProgressPrinter implements CopyListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LINE_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 30;
    /** Back to the start of the line and clear it, so that a shorter redraw leaves nothing of the longer one. */
    private static final String REDRAW = "\r\033[K";

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private long tableStart;
    private long lastShown;

    /**
     * @param out where to print, usually {@code System.err} so the report on standard output stays clean
     * @param terminal whether {@code out} is a terminal that understands {@code \r}
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     */
    public ProgressPrinter(PrintStream out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** Prints to {@code out}, as a bar when the process has a console. */
    public static ProgressPrinter forConsole(PrintStream out) {
        return new ProgressPrinter(out, System.console() != null, System::nanoTime);
    }

    @Override
    public void tableStarted(String table, long sourceRows) {
        tableStart = nanoTime.getAsLong();
        lastShown = tableStart;
        if (terminal) {
            out.print(REDRAW + bar(table, 0, sourceRows));
        } else {
            out.println(table + ": copying " + sourceRows + " rows");
        }
        out.flush();
    }

    @Override
    public void rowsRead(String table, long rowsRead, long sourceRows) {
        long now = nanoTime.getAsLong();
        if (now - lastShown < (terminal ? REDRAW_NANOS : LINE_NANOS)) {
            return;
        }
        lastShown = now;
        if (terminal) {
            out.print(REDRAW + bar(table, rowsRead, sourceRows) + "  " + rateAndEta(now, rowsRead, sourceRows));
        } else {
            out.println(table + ": " + rowsRead + " of " + sourceRows + " rows (" + percent(rowsRead, sourceRows)
                    + "%), " + rateAndEta(now, rowsRead, sourceRows));
        }
        out.flush();
    }

    @Override
    public void tableFinished(String table, long rowsRead, long rowsWritten) {
        double seconds = Math.max(1, nanoTime.getAsLong() - tableStart) / 1e9;
        String summary = String.format(
                Locale.ROOT, "%s: %d rows written of %d read in %.1f s", table, rowsWritten, rowsRead, seconds);
        if (terminal) {
            out.print(REDRAW + bar(table, rowsRead, rowsRead) + "  " + summary.substring(table.length() + 2) + "\n");
        } else {
            out.println(summary);
        }
        out.flush();
    }

    @Override
    public void verifying() {
        out.println("verifying: reading the target back and comparing checksums");
    }

    @Override
    public void rejected(Reject reject) {
        if (terminal) {
            out.print(REDRAW);
        }
        out.println("rejected: " + reject);
    }

    static String bar(String table, long done, long total) {
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * Math.min(done, total) / total);
        return String.format(
                Locale.ROOT,
                "%-18s [%s%s] %d/%d",
                table,
                "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled),
                done,
                total);
    }

    private String rateAndEta(long now, long done, long total) {
        double seconds = Math.max(1, now - tableStart) / 1e9;
        double rate = done / seconds;
        long left = rate > 0 ? Math.round((total - done) / rate) : 0;
        return String.format(Locale.ROOT, "%,.0f rows/s, %d:%02d left", rate, left / 60, left % 60);
    }

    private static long percent(long done, long total) {
        return total == 0 ? 100 : 100 * done / total;
    }
}
