package org.cleanblog.persistence.copy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One copy, from open connections: reads each table of the source in id order, validates and writes it to the target
 * and checksums it, then moves identities past the source's high-water marks, repairs derived counts, numbers the
 * post positions and reads everything back to compare. All writes are in the target connection's one transaction,
 * which the caller commits only when this returns.
 */
final class CopyEngine {
    /** How often (in rows) the listener hears of progress and the thread's interrupt flag is checked. */
    static final int PROGRESS_EVERY = 2_000;

    private final CopySettings settings;
    private final TargetDatabase target;
    private final RowSource source;
    private final RejectLog rejects;
    private final RowValidator validator = new RowValidator(BlogSchema.TABLES);
    private final HtmlAllowList allowList = new HtmlAllowList();

    CopyEngine(CopySettings settings, RowSource source, TargetDatabase target, RejectLog rejects) {
        this.settings = settings;
        this.source = source;
        this.target = target;
        this.rejects = rejects;
    }

    CopyReport run(Instant started) throws SQLException {
        target.limitLockWaits();
        target.checkSchema();
        target.lockAgainstWriters();
        Map<String, Long> present = target.rowsPresent();
        KeptRowCounts rowCounts = target.keptRowCounts();
        KeptPositions positions = target.suspendPositions();
        if (!present.isEmpty()) {
            if (!settings.replace()) {
                throw new CopyException(
                        CopyException.Reason.TARGET_NOT_EMPTY,
                        "the target already holds data (" + describe(present) + "): copy into an empty database,"
                                + " or replace the target's data, which the copy then deletes in its own"
                                + " transaction");
            }
        }
        if (target.prepareLoad(!present.isEmpty())) {
            rowCounts.cleared();
        }
        SessionsReset sessions = SessionsReset.forTargetThatHeldUsers(present.containsKey(BlogSchema.USERS.name()));
        List<Written> written = new ArrayList<>();
        for (TableSpec table : BlogSchema.TABLES) {
            written.add(copy(table, sessions));
        }
        if (rejects.count() > 0 && !settings.skipsInvalid()) {
            throw new CopyException(
                    CopyException.Reason.INVALID_ROWS,
                    rows(rejects.count()).replace("row", "source row")
                            + " would be refused by the target, so nothing was copied: fix them in the source, or"
                            + " skip invalid rows to copy the rest and list them in a file",
                    null,
                    rejects.kept(),
                    null);
        }
        TableReport countsReport = afterLoad(written, sessions, rowCounts, positions);
        settings.listener().verifying();
        return verify(written, sessions, countsReport, rowCounts.problems(), started);
    }

    /**
     * The one place, after every row is loaded and before anything is read back, where the target's derived state
     * is built: indexes and keys set aside for the load (ADR 0037), identities, sessions, kept counts, post positions
     * (ADR 0033). Returns the report of what the {@code row_counts} triggers counted during the load.
     */
    private TableReport afterLoad(
            List<Written> written, SessionsReset sessions, KeptRowCounts rowCounts, KeptPositions positions)
            throws SQLException {
        if (target.finishLoad()) {
            rowCounts.notCountedDuringLoad();
        }
        target.moveIdentities(
                written.stream().collect(Collectors.toMap(w -> w.table().name(), Written::idMark)));
        // After the load, as late as verification allows: the old blog may go on issuing cookies for its users
        // while the copy runs (SQLite's readers are not locked out), and only those issued before this count as old.
        sessions.apply(target, settings.clock().instant());
        // What the triggers counted, before the recompute overwrites it.
        TableReport countsReport = rowCounts.report();
        rowCounts.recompute();
        positions.renumber();
        List<String> violations = target.foreignKeyViolations();
        if (!violations.isEmpty()) {
            throw new CopyException(
                    CopyException.Reason.VERIFICATION_FAILED,
                    "foreign keys of the target point nowhere after the copy: " + violations);
        }
        return countsReport;
    }

    private Written copy(TableSpec table, SessionsReset sessions) throws SQLException {
        long total = source.count(table);
        long idMark = source.highWaterMark(table);
        CopyListener listener = settings.listener();
        listener.tableStarted(table.name(), total);
        Checksum checksum = new Checksum();
        long[] read = {0};
        long[] sanitized = {0};
        long rejectedBefore = rejects.count();
        // Closed in reverse: the writing thread is stopped before the sink abandons its rows.
        try (RowSink sink = target.sink(table);
                HandOff writer = new HandOff("copy-db writer: " + table.name(), row -> {
                    checksum.add(sessions.asWritten(table, row));
                    sink.accept(row);
                })) {
            source.read(table, row -> {
                read[0]++;
                Long id = row[0] instanceof Long value ? value : null;
                // Before validation, which judges what would be written.
                int changed = allowList.sanitize(table, row);
                String reason = validator.check(table, row);
                if (reason != null) {
                    rejects.add(new Reject(table.name(), id, reason));
                } else {
                    // Once a row is refused without skipInvalid nothing will be committed (and no checksum
                    // reported): only look for more rejects.
                    if (rejects.count() == 0 || settings.skipsInvalid()) {
                        writer.accept(row);
                    }
                    validator.accepted(table, id);
                    sanitized[0] += changed;
                }
                if (read[0] % PROGRESS_EVERY == 0) {
                    listener.rowsRead(table.name(), read[0], total);
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CopyException(CopyException.Reason.FAILED, "the copy was interrupted");
                    }
                }
            });
            writer.finish();
            listener.tableFinishing(table.name());
            sink.finish();
        }
        long rejected = rejects.count() - rejectedBefore;
        listener.rowsRead(table.name(), read[0], total);
        listener.tableFinished(table.name(), read[0], read[0] - rejected);
        return new Written(table, read[0], rejected, sanitized[0], checksum.hex(), idMark);
    }

    private CopyReport verify(
            List<Written> written,
            SessionsReset sessions,
            TableReport countsReport,
            String countsProblems,
            Instant started)
            throws SQLException {
        RowSource readBack = target.readBack();
        List<TableReport> reports = new ArrayList<>();
        for (Written w : written) {
            Checksum checksum = new Checksum();
            try (HandOff hashing = new HandOff(
                    "copy-db verifier: " + w.table().name(),
                    row -> checksum.add(sessions.asReadBack(w.table(), row)))) {
                readBack.read(w.table(), hashing);
                hashing.finish();
            }
            reports.add(new TableReport(
                    w.table().name(),
                    w.read(),
                    w.rejected(),
                    w.sanitized(),
                    w.checksum(),
                    checksum.rows(),
                    checksum.hex()));
        }
        reports.add(countsReport);
        CopyReport report = new CopyReport(
                source.description(),
                reports,
                rejects.writtenFile(),
                Duration.between(started, settings.clock().instant()));
        if (!report.verified()) {
            throw new CopyException(
                    CopyException.Reason.VERIFICATION_FAILED,
                    "the target differs from what was written, so the copy was rolled back:\n" + report.format()
                            + (countsProblems.isEmpty() ? "" : countsProblems + "\n"),
                    null,
                    List.of(),
                    report);
        }
        return report;
    }

    /** "1 row", "2 rows": a count for a message. */
    static String rows(long count) {
        return count + (count == 1 ? " row" : " rows");
    }

    private static String describe(Map<String, Long> present) {
        return present.entrySet().stream()
                .map(e -> e.getKey() + ": " + rows(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /**
     * What was copied into {@code table}: {@code sanitized} HTML values changed by the allow-list, {@code checksum}
     * over the rows as written; {@code idMark} is the source's high-water mark of its ids.
     */
    private record Written(TableSpec table, long read, long rejected, long sanitized, String checksum, long idMark) {}
}
