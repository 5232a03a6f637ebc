package org.cleanblog.persistence.copy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.cleanblog.core.BlogException;

/**
 * Copies a whole blog from one database to another: our schema on SQLite or PostgreSQL, or the Flask tutorial's
 * {@code blog.db}, into our schema on SQLite or PostgreSQL. For example:
 *
 * <pre>{@code
 * CopyReport report = BlogCopy.from(sourceUrl, null, null)
 *         .to(targetUrl, user, password)
 *         .listener(myProgressListener)
 *         .run();
 * }</pre>
 *
 * <p>The target is migrated to the latest schema, then filled in one transaction: either every row arrives, ids
 * unchanged, identities moved past the highest id the source handed out, and what is read back matches what was
 * written table by table, or the transaction is rolled back and the target holds what it held before.
 *
 * <p>Whatever the source, every row must be one the blog itself could have stored: the same length limits, characters,
 * https header images and password hashes as blog-core's records, or it is rejected; a value far over its limit is
 * refused by the database before it is read. Every HTML value passes the library's own allow-list on the way, the one
 * its repositories apply, so no HTML reaches the target that the current allow-list has not seen (there is no way to
 * pass another sanitiser: the copy needs none from its caller). docs/copy-db.md describes the rules.
 *
 * <p>Immutable and thread-safe: each method returns a new copy; {@link #run()} may be called once or many times.
 */
public final class BlogCopy {
    /** How many rejected rows a {@link CopyException} keeps; the listener hears of all of them. */
    public static final int MAX_REJECTS_KEPT = 1_000;

    private final CopySettings settings;

    private BlogCopy(CopySettings settings) {
        this.settings = settings;
    }

    /** A copy from the database at {@code jdbcUrl}, opened read-only; {@code user} and {@code password} may be null. */
    public static BlogCopy from(String jdbcUrl, String user, String password) {
        return new BlogCopy(CopySettings.startingFrom(url(jdbcUrl, user, password)));
    }

    /** A copy from a caller's DataSource; the copy only reads it and does not close it. */
    public static BlogCopy from(DataSource source) {
        Objects.requireNonNull(source, "source");
        return new BlogCopy(CopySettings.startingFrom(new DataSourceEndpoint(source)));
    }

    /** Into the database at {@code jdbcUrl}; {@code user} and {@code password} may be null. Required. */
    public BlogCopy to(String jdbcUrl, String user, String password) {
        return new BlogCopy(settings.withTarget(url(jdbcUrl, user, password)));
    }

    /** Into a caller's DataSource (on SQLite it must enforce foreign keys); not closed by the copy. */
    public BlogCopy to(DataSource target) {
        Objects.requireNonNull(target, "target");
        return new BlogCopy(settings.withTarget(new DataSourceEndpoint(target)));
    }

    /**
     * Whether a target that holds data is cleared first (in the copy's transaction) instead of refused. When it held
     * users, every copied user's sessions then start at the copy time (ADR 0010; docs/copy-db.md, "Sessions").
     */
    public BlogCopy replace(boolean replace) {
        return new BlogCopy(settings.withReplace(replace));
    }

    /**
     * Copies the rows the target accepts and lists the others in {@code rejectsFile} (JSON lines). The file appears
     * only when the copy is committed with rejected rows; a file left by an earlier run is removed by a copy that
     * rejects none. Without this, one rejected row stops the whole copy.
     */
    public BlogCopy skipInvalid(Path rejectsFile) {
        Objects.requireNonNull(rejectsFile, "rejectsFile");
        return new BlogCopy(settings.withRejectsFile(rejectsFile));
    }

    /** Hears of progress and rejected rows; called on the copying thread. */
    public BlogCopy listener(CopyListener listener) {
        Objects.requireNonNull(listener, "listener");
        return new BlogCopy(settings.withListener(listener));
    }

    /** The clock for the import time of the Flask tutorial's rows, which have none (tests pin it). */
    public BlogCopy clock(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new BlogCopy(settings.withClock(clock));
    }

    /**
     * Runs the copy and returns what it did, verified.
     *
     * @throws CopyException when the copy did not happen; the target is as it was (but migrated, unless the source
     *     was refused: that is detected before the target is opened), and no rejects file of this run is left
     * @throws BlogException when a database is not SQLite or PostgreSQL, or cannot be reached or migrated
     * @throws IllegalStateException when no target was given
     */
    public CopyReport run() {
        return new CopyRun(settings).run();
    }

    private static Endpoint url(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new UrlEndpoint(jdbcUrl, user, password);
    }
}
