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

/**
 * Copies a whole blog from one database to another: our schema on SQLite or PostgreSQL, or the Flask tutorial's
 * {@code blog.db}, into our schema on SQLite or PostgreSQL. For example:
 *
 * <pre>{@code
 * CopyReport report = BlogCopy.from(sourceUrl, null, null)
 *         .to(targetUrl, user, password)
 *         .sanitizer(html -> safeHtml(html))
 *         .listener(ProgressPrinter.forConsole(System.err))
 *         .run();
 * }</pre>
 *
 * <p>The target is migrated to the latest schema, then filled in one transaction: either every row arrives, ids
 * unchanged, identities moved past the highest id, and what is read back matches what was written table by table, or
 * the transaction is rolled back and the target holds what it held before. docs/copy-db.md describes the rules.
 *
 * <p>Immutable and thread-safe: each method returns a new copy; {@link #run()} may be called once or many times.
 */
public final class BlogCopy {
    /** How many rejected rows a {@link CopyException} keeps; the listener hears of all of them. */
    public static final int MAX_REJECTS_KEPT = 1_000;

    private final Endpoint source;
    private final Endpoint target;
    private final boolean replace;
    private final Path rejectsFile;
    private final HtmlSanitizer sanitizer;
    private final CopyListener listener;
    private final Clock clock;

    private BlogCopy(
            Endpoint source,
            Endpoint target,
            boolean replace,
            Path rejectsFile,
            HtmlSanitizer sanitizer,
            CopyListener listener,
            Clock clock) {
        this.source = source;
        this.target = target;
        this.replace = replace;
        this.rejectsFile = rejectsFile;
        this.sanitizer = sanitizer;
        this.listener = listener;
        this.clock = clock;
    }

    /** A copy from the database at {@code jdbcUrl}, opened read-only; {@code user} and {@code password} may be null. */
    public static BlogCopy from(String jdbcUrl, String user, String password) {
        return new BlogCopy(
                url(jdbcUrl, user, password), null, false, null, null, new CopyListener() {}, Clock.systemUTC());
    }

    /** A copy from a caller's DataSource; the copy only reads it and does not close it. */
    public static BlogCopy from(DataSource source) {
        Objects.requireNonNull(source, "source");
        return new BlogCopy(
                new Endpoint.OfDataSource(source), null, false, null, null, new CopyListener() {}, Clock.systemUTC());
    }

    /** Into the database at {@code jdbcUrl}; {@code user} and {@code password} may be null. Required. */
    public BlogCopy to(String jdbcUrl, String user, String password) {
        return new BlogCopy(source, url(jdbcUrl, user, password), replace, rejectsFile, sanitizer, listener, clock);
    }

    /** Into a caller's DataSource (on SQLite it must enforce foreign keys); not closed by the copy. */
    public BlogCopy to(DataSource target) {
        Objects.requireNonNull(target, "target");
        return new BlogCopy(
                source, new Endpoint.OfDataSource(target), replace, rejectsFile, sanitizer, listener, clock);
    }

    /** Whether a target that holds data is cleared first (in the copy's transaction) instead of refused. */
    public BlogCopy replace(boolean replace) {
        return new BlogCopy(source, target, replace, rejectsFile, sanitizer, listener, clock);
    }

    /**
     * Copies the rows the target accepts and lists the others in {@code rejectsFile} (JSON lines, created only when a
     * row is rejected, replaced if it exists). Without this, one rejected row stops the whole copy.
     */
    public BlogCopy skipInvalid(Path rejectsFile) {
        Objects.requireNonNull(rejectsFile, "rejectsFile");
        return new BlogCopy(source, target, replace, rejectsFile, sanitizer, listener, clock);
    }

    /** Sanitises the HTML of a Flask tutorial source; required for such a source, unused otherwise. */
    public BlogCopy sanitizer(HtmlSanitizer sanitizer) {
        return new BlogCopy(
                source, target, replace, rejectsFile, Objects.requireNonNull(sanitizer, "sanitizer"), listener, clock);
    }

    public BlogCopy listener(CopyListener listener) {
        return new BlogCopy(
                source, target, replace, rejectsFile, sanitizer, Objects.requireNonNull(listener, "listener"), clock);
    }

    /** The clock for the import time of the Flask tutorial's rows, which have none (tests pin it). */
    public BlogCopy clock(Clock clock) {
        return new BlogCopy(
                source, target, replace, rejectsFile, sanitizer, listener, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Runs the copy and returns what it did, verified.
     *
     * @throws CopyException when the copy did not happen; the target is as it was (but migrated)
     * @throws BlogException when a database is not SQLite or PostgreSQL, or cannot be reached or migrated
     * @throws IllegalStateException when no target was given, or a Flask source has no sanitizer
     */
    public CopyReport run() {
        if (target == null) {
            throw new IllegalStateException("no target: call to(...) before run()");
        }
        target.migrate();
        Instant started = clock.instant();
        try (Connection from = source.openForReading();
                Connection into = target.openForWriting();
                RejectLog rejects = new RejectLog(listener, rejectsFile)) {
            Dialect sourceDialect = dialect(from);
            from.setAutoCommit(false);
            if (sourceDialect == Dialect.POSTGRESQL) {
                // One snapshot for all tables, so a blog written to meanwhile still copies consistently.
                from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                from.setReadOnly(true);
            }
            RowSource rows = SourceDetector.detect(from, sourceDialect, sanitizer, started);
            into.setAutoCommit(false);
            try {
                CopyReport report =
                        new CopyEngine(this, rows, into, new TargetDatabase(into, dialect(into)), rejects).run(started);
                into.commit();
                return report;
            } catch (RuntimeException | SQLException | Error e) {
                rollback(into, e);
                throw e;
            } finally {
                from.rollback();
            }
        } catch (SQLException e) {
            throw new CopyException(
                    CopyException.Reason.FAILED,
                    "copy-db failed and was rolled back, the target is" + " unchanged: " + e.getMessage()
                            + " (run it again once the cause is fixed)",
                    e);
        }
    }

    boolean replaces() {
        return replace;
    }

    boolean skipsInvalid() {
        return rejectsFile != null;
    }

    CopyListener listener() {
        return listener;
    }

    Clock clock() {
        return clock;
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
}
