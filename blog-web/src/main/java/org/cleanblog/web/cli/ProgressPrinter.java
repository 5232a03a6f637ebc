package org.cleanblog.web.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.cleanblog.persistence.copy.CopyListener;
import org.cleanblog.persistence.copy.Reject;

/**
 * Shows copy-db's progress on standard error: on a terminal, one bar a table redrawn in place (carriage return and
 * erase-line) with rows done of total, rate and time left; otherwise, for logs, a plain line when a table starts, every
 * few seconds, and when it ends. Rejected rows, and the end of a table (all rows sent, the target finishing it), are printed one a
 * line either way. What the copy hands over (table names, and rejected rows, which quote the source's values) is
 * printed through {@link TerminalText#escape}, so a crafted source cannot drive the terminal. Not thread-safe; one per
 * copy.
 */
final class ProgressPrinter implements CopyListener {
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
    ProgressPrinter(PrintStream out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /**
     * Whether standard error is a terminal. {@code System.console()} on Java 17 only tells that standard input and
     * output are; a redirected standard error is found on Linux by where {@code /proc/self/fd/2} leads (a
     * {@code /dev/pts/N} or {@code /dev/tty*} device). Where {@code /proc} is missing, the console decides.
     */
    static boolean stderrIsTerminal() {
        if (System.console() == null) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (!Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            return isTerminalDevice(Files.readSymbolicLink(fd).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty");
    }

    @Override
    public void tableStarted(String name, long sourceRows) {
        String table = TerminalText.escape(name);
        tableStart = nanoTime.getAsLong();
        lastShown = tableStart;
        if (terminal) {
            out.print(REDRAW + bar(table, 0, sourceRows));
        } else {
            out.println(table + ": copying " + rows(sourceRows));
        }
        out.flush();
    }

    @Override
    public void rowsRead(String name, long rowsRead, long sourceRows) {
        String table = TerminalText.escape(name);
        long now = nanoTime.getAsLong();
        if (now - lastShown < (terminal ? REDRAW_NANOS : LINE_NANOS)) {
            return;
        }
        lastShown = now;
        if (terminal) {
            out.print(REDRAW + bar(table, rowsRead, sourceRows) + "  " + rateAndEta(now, rowsRead, sourceRows));
        } else {
            out.println(table + ": " + rowsRead + " of " + rows(sourceRows) + " (" + percent(rowsRead, sourceRows)
                    + "%), " + rateAndEta(now, rowsRead, sourceRows));
        }
        out.flush();
    }

    @Override
    public void tableFinished(String name, long rowsRead, long rowsWritten) {
        String table = TerminalText.escape(name);
        double seconds = Math.max(1, nanoTime.getAsLong() - tableStart) / 1e9;
        String summary = String.format(
                Locale.ROOT, "%s: %s written of %d read in %.1f s", table, rows(rowsWritten), rowsRead, seconds);
        if (terminal) {
            out.print(REDRAW + bar(table, rowsRead, rowsRead) + "  " + summary.substring(table.length() + 2) + "\n");
        } else {
            out.println(summary);
        }
        out.flush();
    }

    @Override
    public void tableFinishing(String name) {
        String table = TerminalText.escape(name);
        if (terminal) {
            out.print(REDRAW);
        }
        // True of both targets; only PostgreSQL's (the end of COPY, its queued foreign key checks) may take long.
        out.println(table + ": all rows sent, the target is finishing the table");
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
        out.println("rejected: " + TerminalText.escape(reject.toString()));
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

    /** "1 row", "2 rows". */
    static String rows(long count) {
        return count + (count == 1 ? " row" : " rows");
    }

    private static long percent(long done, long total) {
        return total == 0 ? 100 : 100 * done / total;
    }
}
