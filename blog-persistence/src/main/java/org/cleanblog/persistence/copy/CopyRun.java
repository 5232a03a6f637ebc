package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.cleanblog.core.BlogException;
import org.cleanblog.persistence.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@link BlogCopy}: opens both databases, orders detection, the identity check and migration, and owns
 * the two transactions (the source's read, the target's copy) from start to commit or rollback. Not thread-safe; one
 * per {@link BlogCopy#run()}.
 */
final class CopyRun {
    // Logged under BlogCopy's name, the class operators know and configure, not this internal one.
    private static final Logger LOG = LoggerFactory.getLogger(BlogCopy.class);

    private final CopySettings settings;

    CopyRun(CopySettings settings) {
        this.settings = settings;
    }

    /** See {@link BlogCopy#run()} for what is thrown when. */
    CopyReport run() {
        if (settings.target() == null) {
            throw new IllegalStateException("no target: call to(...) before run()");
        }
        Instant started = settings.clock().instant();
        Connection from = null;
        Connection into = null;
        CopyReport committed = null;
        try {
            from = settings.source().openForReading();
            Dialect sourceDialect = dialect(from);
            // Before the target is opened: a source that is no blog fails without creating or migrating a target
            // (a mistyped target URL must not leave a new file behind).
            RowSource rows = detectSource(from, sourceDialect, started);
            into = settings.target().openForWriting();
            Dialect targetDialect = dialect(into);
            // Before migrating: migrating the source, or clearing it when replacing, must never happen.
            DatabaseIdentity.requireDifferent(from, sourceDialect, into, targetDialect);
            settings.target().migrate();
            committed = copy(rows, from, into, targetDialect, started);
            return committed;
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            close(from, committed);
            close(into, committed);
        }
    }

    /** Starts the source's read transaction, whose first statements are the detection's, and detects the source. */
    private RowSource detectSource(Connection from, Dialect sourceDialect, Instant started) throws SQLException {
        from.setAutoCommit(false);
        if (sourceDialect == Dialect.POSTGRESQL) {
            // One snapshot for all tables, so a blog written to meanwhile still copies consistently.
            from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            from.setReadOnly(true);
        }
        return SourceDetector.detect(from, sourceDialect, started);
    }

    private CopyReport copy(RowSource rows, Connection from, Connection into, Dialect targetDialect, Instant started)
            throws SQLException {
        into.setAutoCommit(false);
        RejectLog rejects = new RejectLog(settings.listener(), settings.rejectsFile());
        CopyReport report;
        try {
            report = new CopyEngine(settings, rows, new TargetDatabase(into, targetDialect), rejects).run(started);
            // The rejects file is complete before the commit, so a committed copy always has its list.
            rejects.publish();
            into.commit();
        } catch (RuntimeException | SQLException | Error e) {
            rollback(into, e);
            rejects.discard(e);
            throw e;
        }
        // Committed: nothing below may turn the copy into a reported failure. The source was only read.
        try {
            from.rollback();
        } catch (SQLException e) {
            LOG.warn("copy committed; ending the source's read transaction failed: {}", e.getMessage());
        }
        return report;
    }

    private static CopyException failed(SQLException e) {
        if ("55P03".equals(e.getSQLState())) {
            return new CopyException(
                    CopyException.Reason.FAILED,
                    "the copy waited more than " + TargetDatabase.LOCK_TIMEOUT + " for a lock on the target and was"
                            + " rolled back, the target is unchanged: another session holds its tables (a long"
                            + " transaction, another copy); end it and copy again",
                    e);
        }
        return new CopyException(
                CopyException.Reason.FAILED,
                "the copy failed and was rolled back, the target is unchanged: " + e.getMessage()
                        + " (copy again once the cause is fixed)",
                e);
    }

    private static Dialect dialect(Connection connection) throws SQLException {
        try {
            return Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (BlogException e) {
            throw new CopyException(CopyException.Reason.UNSUPPORTED_DATABASE, e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is gone (which is one way to get here): the server discards the transaction itself.
            failure.addSuppressed(e);
        }
    }

    /** Closes quietly once committed (a close cannot undo a commit); before that, a failure to close is reported. */
    private static void close(Connection connection, CopyReport committed) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (committed == null) {
                LOG.debug("closing a connection of a failed copy failed", e);
            } else {
                LOG.warn("copy committed; closing a connection failed: {}", e.getMessage());
            }
        }
    }
}
