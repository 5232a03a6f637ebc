package org.cleanblog.persistence;

import java.time.Clock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.Transactions;
import org.cleanblog.core.comment.CommentRepository;
import org.cleanblog.core.contact.ContactMessageRepository;
import org.cleanblog.core.content.ContentVersion;
import org.cleanblog.core.internal.Check;
import org.cleanblog.core.post.PostRepository;
import org.cleanblog.core.throttle.ThrottleStore;
import org.cleanblog.core.user.UserRepository;
import org.cleanblog.persistence.internal.BlogStore;

/**
 * One blog's database, SQLite or PostgreSQL, behind the repositories of blog-core. Opening it detects the dialect and
 * migrates the schema to the newest version (its Flyway history in {@value BlogDatabaseOptions#DEFAULT_HISTORY_TABLE});
 * {@link #configure()} changes that and more. Each repository call runs in its own transaction;
 * {@link #inTransaction} runs several as one. HTML handed to the repositories ({@code bodyHtml}) is stored through the
 * library's allow-list, so what comes back is safe to show.
 *
 * <p>Thread-safe: open one per database and share it. Failures surface as the {@code BlogException} family: a
 * duplicate e-mail as {@code ConflictException}, a missing post or user as {@code NotFoundException}, an unreachable
 * or failing database as {@code StorageException}.
 */
public final class BlogDatabase
        implements BlogRepositories, Transactions, ThrottleStore, ContentVersion, AutoCloseable {
    private final BlogStore store;

    BlogDatabase(BlogStore store) {
        this.store = store;
    }

    /**
     * Options for opening: history table, PostgreSQL schema, whether to migrate, pool size, clock. The defaults are
     * those of the {@code open} methods here.
     */
    public static BlogDatabaseOptions configure() {
        return BlogDatabaseOptions.DEFAULTS;
    }

    /**
     * Opens the blog on a DataSource the caller configured and keeps owning: {@link #close()} does not close it. A
     * SQLite DataSource must enforce foreign keys ({@code foreign_keys=true}); its file is switched to WAL.
     *
     * @throws org.cleanblog.core.BlogException when the database is neither SQLite nor PostgreSQL, or is misconfigured
     * @throws NotABlogDatabaseException when it holds tables named like the blog's but no Clean Blog schema history
     * @throws org.cleanblog.core.StorageException when it cannot be reached or migrated
     */
    public static BlogDatabase open(DataSource dataSource) {
        return configure().open(dataSource);
    }

    /** As {@link #open(DataSource)}, with the clock that stamps creation and update times (tests pin it). */
    public static BlogDatabase open(DataSource dataSource, Clock clock) {
        return configure().clock(clock).open(dataSource);
    }

    /**
     * Opens the blog on a JDBC URL ({@code jdbc:sqlite:blog.db}, {@code jdbc:postgresql://host/db}) through a
     * connection pool that this object owns and closes. {@code user} and {@code password} may be null (SQLite needs
     * neither). SQLite runs with WAL, foreign keys, a busy timeout and one writer at a time; PostgreSQL with at most
     * 20 connections.
     *
     * @throws org.cleanblog.core.BlogException when the URL names another database or its driver was excluded
     * @throws NotABlogDatabaseException when it holds tables named like the blog's but no Clean Blog schema history
     * @throws org.cleanblog.core.StorageException when the database cannot be reached or migrated
     */
    public static BlogDatabase open(String jdbcUrl, String user, String password) {
        return configure().open(jdbcUrl, user, password);
    }

    /** As {@link #open(String, String, String)}, with the clock that stamps creation and update times. */
    public static BlogDatabase open(String jdbcUrl, String user, String password, Clock clock) {
        return configure().clock(clock).open(jdbcUrl, user, password);
    }

    /** The dialect detected when the database was opened. */
    public Dialect dialect() {
        return store.dialect();
    }

    /**
     * Whether a connection can be had and is valid (checked with a two-second limit), for a health check. Waits for a
     * connection as any call does (for pools this class builds: up to the pool timeout while the pool is busy, at
     * most 1.5 s when the database cannot be reached). Never throws; false after {@link #close()} when the pool is
     * ours.
     */
    public boolean isReachable() {
        return store.isReachable();
    }

    @Override
    public UserRepository users() {
        return store.repositories().users();
    }

    @Override
    public PostRepository posts() {
        return store.repositories().posts();
    }

    @Override
    public CommentRepository comments() {
        return store.repositories().comments();
    }

    @Override
    public ContactMessageRepository contactMessages() {
        return store.repositories().contactMessages();
    }

    /**
     * {@inheritDoc}
     *
     * <p>One statement in the table {@code throttle_buckets}, which every instance on this database shares (ADR 0030);
     * now and then a second one deletes a bounded batch of expired buckets. On SQLite it takes the write lock for that
     * one statement.
     */
    @Override
    public long take(String bucket, int capacity, long refillMillis, long nowMillis) {
        return store.throttles().take(bucket, capacity, refillMillis, nowMillis);
    }

    @Override
    public void giveBack(String bucket, int capacity) {
        store.throttles().giveBack(bucket, capacity);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code SELECT} of the one row of the table {@code content_version}, which triggers on {@code users},
     * {@code posts} and {@code comments} bump (ADR 0034): once per statement on PostgreSQL, once per row on SQLite.
     */
    @Override
    public long readContentVersion() {
        return store.contentVersion().readContentVersion();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The listeners hear of every write of this object's user, post and comment repositories and of every
     * {@link #inTransaction}; not of contact messages or throttle buckets, which no page that is kept shows.
     */
    @Override
    public void whenContentWrittenHere(Runnable listener) {
        store.contentVersion().whenContentWrittenHere(listener);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code work} runs on this thread with one connection; on SQLite it holds the write lock throughout, so keep
     * it short. Exceptions of {@code work} pass unchanged after the rollback. On PostgreSQL a failed statement ends
     * the transaction: after a {@code BlogException} from a repository, let it propagate rather than carry on. The
     * database's own repositories must not write while {@code work} runs on the same thread (that would need a second
     * transaction): doing so throws {@link IllegalStateException}.
     */
    @Override
    public <T> T inTransaction(Function<BlogRepositories, T> work) {
        Check.notNull("work", work);
        return store.inTransaction(work);
    }

    /**
     * Closes the pool when this object opened it; a DataSource given to {@link #open(DataSource)} stays open. Either
     * way the repositories refuse further calls with a {@code StorageException} saying it was closed. Closing twice does nothing more.
     */
    @Override
    public void close() {
        store.close();
    }
}
