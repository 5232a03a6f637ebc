package org.cleanblog.persistence.copy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.cleanblog.core.BlogException;
import org.cleanblog.core.content.HtmlSanitizer;
import org.cleanblog.persistence.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a whole blog from one database to another: our schema on SQLite or PostgreSQL, or the Flask tutorial's
 * {@code blog.db}, into our schema on SQLite or PostgreSQL. For example:
 *
 * <pre>{@code
 * CopyReport report = BlogCopy.from(sourceUrl, null, null)
 *         .to(targetUrl, user, password)
 *         .sanitizer(html -> safeHtml(html))
 *         .listener(myProgressListener)
 *         .run();
 * }</pre>
 *
 * <p>The target is migrated to the latest schema, then filled in one transaction: either every row arrives, ids
 * unchanged, identities moved past the highest id the source handed out, and what is read back matches what was
 * written table by table, or the transaction is rolled back and the target holds what it held before.
 * docs/copy-db.md describes the rules.
 *
 * <p>Immutable and thread-safe: each method returns a new copy; {@link #run()} may be called once or many times.
 */
public final class BlogCopy {
    /** How many rejected rows a {@link CopyException} keeps; the listener hears of all of them. */
    public static final int MAX_REJECTS_KEPT = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(BlogCopy.class);

    private final Settings settings;

    /** What a copy was asked to do; {@code target} and {@code rejectsFile} may be null until given. */
    private record Settings(
            Endpoint source,
            Endpoint target,
            boolean replace,
            Path rejectsFile,
            HtmlSanitizer sanitizer,
            CopyListener listener,
            Clock clock) {}

    private BlogCopy(Settings settings) {
        this.settings = settings;
    }

    private static BlogCopy startingFrom(Endpoint source) {
        return new BlogCopy(new Settings(source, null, false, null, null, new CopyListener() {}, Clock.systemUTC()));
    }

    /** A copy from the database at {@code jdbcUrl}, opened read-only; {@code user} and {@code password} may be null. */
    public static BlogCopy from(String jdbcUrl, String user, String password) {
        return startingFrom(url(jdbcUrl, user, password));
    }

    /** A copy from a caller's DataSource; the copy only reads it and does not close it. */
    public static BlogCopy from(DataSource source) {
        Objects.requireNonNull(source, "source");
        return startingFrom(new Endpoint.OfDataSource(source));
    }

    /** Into the database at {@code jdbcUrl}; {@code user} and {@code password} may be null. Required. */
    public BlogCopy to(String jdbcUrl, String user, String password) {
        return withTarget(url(jdbcUrl, user, password));
    }

    /** Into a caller's DataSource (on SQLite it must enforce foreign keys); not closed by the copy. */
    public BlogCopy to(DataSource target) {
        Objects.requireNonNull(target, "target");
        return withTarget(new Endpoint.OfDataSource(target));
    }

    private BlogCopy withTarget(Endpoint target) {
        Settings s = settings;
        return new BlogCopy(
                new Settings(s.source(), target, s.replace(), s.rejectsFile(), s.sanitizer(), s.listener(), s.clock()));
    }

    /**
     * Whether a target that holds data is cleared first (in the copy's transaction) instead of refused. When it held
     * users, every copied user's sessions then start at the copy time (ADR 0010; docs/copy-db.md, "Sessions").
     */
    public BlogCopy replace(boolean replace) {
        Settings s = settings;
        return new BlogCopy(
                new Settings(s.source(), s.target(), replace, s.rejectsFile(), s.sanitizer(), s.listener(), s.clock()));
    }

    /**
     * Copies the rows the target accepts and lists the others in {@code rejectsFile} (JSON lines). The file appears
     * only when the copy is committed with rejected rows; a file left by an earlier run is removed by a copy that
     * rejects none. Without this, one rejected row stops the whole copy.
     */
    public BlogCopy skipInvalid(Path rejectsFile) {
        Objects.requireNonNull(rejectsFile, "rejectsFile");
        Settings s = settings;
        return new BlogCopy(
                new Settings(s.source(), s.target(), s.replace(), rejectsFile, s.sanitizer(), s.listener(), s.clock()));
    }

    /** Sanitises the HTML of a Flask tutorial source; required for such a source, unused otherwise. */
    public BlogCopy sanitizer(HtmlSanitizer sanitizer) {
        Objects.requireNonNull(sanitizer, "sanitizer");
        Settings s = settings;
        return new BlogCopy(
                new Settings(s.source(), s.target(), s.replace(), s.rejectsFile(), sanitizer, s.listener(), s.clock()));
    }

    /** Hears of progress and rejected rows; called on the copying thread. */
    public BlogCopy listener(CopyListener listener) {
        Objects.requireNonNull(listener, "listener");
        Settings s = settings;
        return new BlogCopy(
                new Settings(s.source(), s.target(), s.replace(), s.rejectsFile(), s.sanitizer(), listener, s.clock()));
    }

    /** The clock for the import time of the Flask tutorial's rows, which have none (tests pin it). */
    public BlogCopy clock(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Settings s = settings;
        return new BlogCopy(
                new Settings(s.source(), s.target(), s.replace(), s.rejectsFile(), s.sanitizer(), s.listener(), clock));
    }

    /**
     * Runs the copy and returns what it did, verified.
     *
     * @throws CopyException when the copy did not happen; the target is as it was (but migrated, unless the source
     *     was refused: that is detected before the target is opened), and no rejects file of this run is left
     * @throws BlogException when a database is not SQLite or PostgreSQL, or cannot be reached or migrated
     * @throws IllegalStateException when no target was given, or a Flask source has no sanitizer
     */
    public CopyReport run() {
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
            // (a mistyped --to must not leave a new file behind).
            RowSource rows = detectSource(from, sourceDialect, started);
            into = settings.target().openForWriting();
            Dialect targetDialect = dialect(into);
            // Before migrating: migrating the source, or clearing it under --replace, must never happen.
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
        return SourceDetector.detect(from, sourceDialect, settings.sanitizer(), started);
    }

    private CopyReport copy(RowSource rows, Connection from, Connection into, Dialect targetDialect, Instant started)
            throws SQLException {
        into.setAutoCommit(false);
        RejectLog rejects = new RejectLog(settings.listener(), settings.rejectsFile());
        CopyReport report;
        try {
            report = new CopyEngine(this, rows, into, new TargetDatabase(into, targetDialect), rejects).run(started);
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
            LOG.warn("copy-db committed; ending the source's read transaction failed: {}", e.getMessage());
        }
        return report;
    }

    boolean replaces() {
        return settings.replace();
    }

    boolean skipsInvalid() {
        return settings.rejectsFile() != null;
    }

    CopyListener listener() {
        return settings.listener();
    }

    Clock clock() {
        return settings.clock();
    }

    private static CopyException failed(SQLException e) {
        if ("55P03".equals(e.getSQLState())) {
            return new CopyException(
                    CopyException.Reason.FAILED,
                    "copy-db waited more than " + TargetDatabase.LOCK_TIMEOUT + " for a lock on the target and was"
                            + " rolled back, the target is unchanged: another session holds its tables (a long"
                            + " transaction, another copy-db); end it and run copy-db again",
                    e);
        }
        return new CopyException(
                CopyException.Reason.FAILED,
                "copy-db failed and was rolled back, the target is unchanged: " + e.getMessage()
                        + " (run it again once the cause is fixed)",
                e);
    }

    private static Dialect dialect(Connection connection) throws SQLException {
        try {
            return Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (BlogException e) {
            throw new CopyException(CopyException.Reason.UNSUPPORTED_DATABASE, e.getMessage(), e);
        }
    }

    private static Endpoint url(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect.fromJdbcUrl(jdbcUrl);
        return new Endpoint.OfUrl(jdbcUrl, user, password);
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
                LOG.debug("closing a connection of a failed copy-db failed", e);
            } else {
                LOG.warn("copy-db committed; closing a connection failed: {}", e.getMessage());
            }
        }
    }
}
