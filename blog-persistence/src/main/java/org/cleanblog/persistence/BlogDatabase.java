package org.cleanblog.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.Check;
import org.cleanblog.core.Transactions;
import org.cleanblog.core.comment.CommentRepository;
import org.cleanblog.core.contact.ContactMessageRepository;
import org.cleanblog.core.post.PostRepository;
import org.cleanblog.core.user.UserRepository;
import org.cleanblog.persistence.internal.DataSources;
import org.cleanblog.persistence.internal.Migrations;
import org.cleanblog.persistence.internal.MyBatisSessions;
import org.cleanblog.persistence.internal.PooledSqlRunner;
import org.cleanblog.persistence.internal.Repositories;
import org.cleanblog.persistence.internal.TransactionSqlRunner;

/**
 * One blog's database, SQLite or PostgreSQL, behind the repositories of blog-core. Opening it detects the dialect and
 * migrates the schema to the newest version. Each repository call runs in its own transaction; {@link #inTransaction}
 * runs several as one.
 *
 * <p>Thread-safe: open one per database and share it. Failures surface as the {@code BlogException} family: a
 * duplicate e-mail as {@code ConflictException}, a missing post or user as {@code NotFoundException}, an unreachable
 * or failing database as {@code StorageException}.
 */
public final class BlogDatabase implements BlogRepositories, Transactions, AutoCloseable {
    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final Dialect dialect;
    private final Clock clock;
    private final PooledSqlRunner runner;
    private final Repositories repositories;

    private BlogDatabase(DataSource dataSource, HikariDataSource ownedPool, Dialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        this.clock = clock;
        this.runner = new PooledSqlRunner(MyBatisSessions.factory(dataSource, dialect), dialect);
        this.repositories = Repositories.on(runner, clock);
    }

    /**
     * Opens the blog on a DataSource the caller configured and keeps owning: {@link #close()} does not close it. A
     * SQLite DataSource must enforce foreign keys ({@code foreign_keys=true}); its file is switched to WAL.
     *
     * @throws org.cleanblog.core.BlogException when the database is neither SQLite nor PostgreSQL, or is misconfigured
     * @throws NotABlogDatabaseException when it holds tables but no Clean Blog schema history
     * @throws org.cleanblog.core.StorageException when it cannot be reached or migrated
     */
    public static BlogDatabase open(DataSource dataSource) {
        return open(dataSource, Clock.systemUTC());
    }

    /** As {@link #open(DataSource)}, with the clock that stamps creation and update times (tests pin it). */
    public static BlogDatabase open(DataSource dataSource, Clock clock) {
        return start(Check.notNull("dataSource", dataSource), null, clock);
    }

    /**
     * Opens the blog on a JDBC URL ({@code jdbc:sqlite:blog.db}, {@code jdbc:postgresql://host/db}) through a
     * connection pool that this object owns and closes. {@code user} and {@code password} may be null (SQLite needs
     * neither). SQLite runs with WAL, foreign keys, a busy timeout and one writer at a time; PostgreSQL with at most
     * 20 connections.
     *
     * @throws org.cleanblog.core.BlogException when the URL names another database or its driver was excluded
     * @throws NotABlogDatabaseException when it holds tables but no Clean Blog schema history
     * @throws org.cleanblog.core.StorageException when the database cannot be reached or migrated
     */
    public static BlogDatabase open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, Clock.systemUTC());
    }

    /** As {@link #open(String, String, String)}, with the clock that stamps creation and update times. */
    public static BlogDatabase open(String jdbcUrl, String user, String password, Clock clock) {
        Check.notNull("clock", clock);
        HikariDataSource pool = DataSources.pool(Check.notNull("jdbcUrl", jdbcUrl), user, password);
        return start(pool, pool, clock);
    }

    private static BlogDatabase start(DataSource dataSource, HikariDataSource ownedPool, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        try {
            Dialect dialect = DataSources.detect(dataSource);
            if (dialect == Dialect.SQLITE) {
                DataSources.prepareSqlite(dataSource);
            }
            Migrations.migrate(dataSource, dialect);
            return new BlogDatabase(dataSource, ownedPool, dialect, clock);
        } catch (RuntimeException e) {
            if (ownedPool != null) {
                ownedPool.close();
            }
            throw e;
        }
    }

    /** The dialect detected when the database was opened. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Whether a connection can be had and is valid (checked with a two-second limit), for a health check. Waits at
     * most the pool's connection timeout for a connection (10 s for pools this class builds). Never throws; false
     * after {@link #close()} when the pool is ours.
     */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public UserRepository users() {
        return repositories.users();
    }

    @Override
    public PostRepository posts() {
        return repositories.posts();
    }

    @Override
    public CommentRepository comments() {
        return repositories.comments();
    }

    @Override
    public ContactMessageRepository contactMessages() {
        return repositories.contactMessages();
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
        return runner.write("run a transaction", session -> {
            TransactionSqlRunner transaction = new TransactionSqlRunner(session);
            try {
                return work.apply(Repositories.on(transaction, clock));
            } finally {
                transaction.end();
            }
        });
    }

    /** Closes the pool when this object opened it; a DataSource given to {@link #open(DataSource)} stays open. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }
}
