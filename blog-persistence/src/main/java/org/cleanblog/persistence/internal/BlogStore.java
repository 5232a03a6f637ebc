package org.cleanblog.persistence.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.cleanblog.core.BlogException;
import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.StorageException;
import org.cleanblog.core.content.ContentVersion;
import org.cleanblog.core.throttle.ThrottleStore;
import org.cleanblog.persistence.BlogDatabaseOptions;
import org.cleanblog.persistence.Dialect;

/**
 * Everything behind a {@code BlogDatabase}: the checks and migrations of opening, the MyBatis sessions, the
 * repositories and transactions, and the pool when it is ours.
 *
 * <p><strong>Internal:</strong> public only so that {@code BlogDatabase} can delegate to it; not part of the API, and it
 * may change in any release without notice. Thread-safe.
 */
public final class BlogStore implements AutoCloseable {
    private static final int MIGRATION_CONNECTIONS = 2;

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final Dialect dialect;
    private final BlogDatabaseOptions options;
    private final PooledSqlRunner runner;
    private final Repositories repositories;
    private final SqlThrottleStore throttles;
    private final SqlContentVersion contentVersion;

    private BlogStore(
            DataSource dataSource,
            HikariDataSource ownedPool,
            Dialect dialect,
            BlogDatabaseOptions options,
            SqlSessionFactory sessions) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        this.options = options;
        this.runner = new PooledSqlRunner(sessions, dialect);
        this.contentVersion = new SqlContentVersion(runner);
        this.repositories = Repositories.on(runner, contentVersion.notifying(runner), options.clock());
        this.throttles = new SqlThrottleStore(runner, dialect);
    }

    /** Opens on a pool of its own for {@code jdbcUrl}, which {@link #close()} closes. */
    public static BlogStore open(String jdbcUrl, String user, String password, BlogDatabaseOptions options) {
        Dialect dialect = Dialect.fromJdbcUrl(jdbcUrl);
        requireSchemaSupported(dialect, options);
        Integer size = options.maximumPoolSize().isPresent()
                ? options.maximumPoolSize().getAsInt()
                : null;
        // Flyway holds two connections at once while it migrates (its lock, its work): a pool of one grows to two for
        // the opening only.
        boolean shrink = size != null && size < MIGRATION_CONNECTIONS;
        Duration timeout = options.poolTimeout().orElse(BlogDatabaseOptions.DEFAULT_POOL_TIMEOUT);
        HikariDataSource pool = DataSources.pool(
                jdbcUrl,
                user,
                password,
                shrink ? Integer.valueOf(MIGRATION_CONNECTIONS) : size,
                timeout,
                options.schema().orElse(null));
        BlogStore store = start(new PatientPool(pool, timeout), pool, options);
        if (shrink) {
            pool.getHikariConfigMXBean().setMinimumIdle(size);
            pool.getHikariConfigMXBean().setMaximumPoolSize(size);
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        return store;
    }

    /** Opens on a caller's DataSource, which {@link #close()} leaves open. */
    public static BlogStore open(DataSource dataSource, BlogDatabaseOptions options) {
        if (options.maximumPoolSize().isPresent() || options.poolTimeout().isPresent()) {
            throw new BlogException("maximumPoolSize and poolTimeout apply only to the pool that BlogDatabase opens for"
                    + " a JDBC URL: configure your own DataSource's pool yourself");
        }
        return start(dataSource, null, options);
    }

    private static BlogStore start(DataSource dataSource, HikariDataSource ownedPool, BlogDatabaseOptions options) {
        try {
            Dialect dialect = DataSources.detect(dataSource);
            requireSchemaSupported(dialect, options);
            // The mappers' XML needs no database: it is parsed meanwhile, while the schema is checked (ADR 0036).
            CompletableFuture<SqlSessionFactory> sessions = MyBatisSessions.factoryInBackground(dataSource, dialect);
            if (dialect == Dialect.SQLITE) {
                DataSources.prepareSqlite(dataSource);
            }
            Migrations migrations = new Migrations(
                    dataSource,
                    dialect,
                    options.historyTable(),
                    options.schema().orElse(null));
            if (options.migratesOnOpen()) {
                migrations.migrate();
            } else {
                migrations.requireCurrent();
            }
            options.schema().ifPresent(schema -> requireCurrentSchema(dataSource, schema));
            return new BlogStore(dataSource, ownedPool, dialect, options, MyBatisSessions.await(sessions));
        } catch (RuntimeException e) {
            if (ownedPool != null) {
                ownedPool.close();
            }
            throw e;
        }
    }

    private static void requireSchemaSupported(Dialect dialect, BlogDatabaseOptions options) {
        if (dialect != Dialect.POSTGRESQL && options.schema().isPresent()) {
            throw new BlogException("schema(\"" + options.schema().get() + "\") applies to PostgreSQL only: a "
                    + dialect + " blog lives in a database of its own (a SQLite file); leave the schema unset");
        }
    }

    /** The statements name no schema, so the DataSource's connections must be in the blog's. */
    private static void requireCurrentSchema(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection()) {
            String current = connection.getSchema();
            if (!schema.equals(current)) {
                throw new BlogException("the DataSource's connections use the schema " + current + ", not " + schema
                        + " where the blog lives: set it on the DataSource (HikariConfig.setSchema(\"" + schema
                        + "\"), or currentSchema=" + schema + " in the JDBC URL)");
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the current schema: " + e.getMessage(), e);
        }
    }

    /** The dialect detected when the database was opened. */
    public Dialect dialect() {
        return dialect;
    }

    /** The repositories, each call its own transaction. */
    public BlogRepositories repositories() {
        return repositories;
    }

    /** The throttle buckets shared by every instance on this database (ADR 0030). */
    public ThrottleStore throttles() {
        return throttles;
    }

    /** The version of what pages show, and the listeners told of this process's writes (ADR 0034). */
    public ContentVersion contentVersion() {
        return contentVersion;
    }

    /**
     * Runs {@code work} in one transaction on repositories bound to it (see {@code BlogDatabase.inTransaction}); the
     * content version's listeners hear of it once it has ended, whatever it wrote.
     */
    public <T> T inTransaction(Function<BlogRepositories, T> work) {
        try {
            return runner.write("run a transaction", session -> {
                TransactionSqlRunner transaction = new TransactionSqlRunner(session);
                try {
                    return work.apply(Repositories.on(transaction, transaction, options.clock()));
                } finally {
                    transaction.end();
                }
            });
        } finally {
            contentVersion.written();
        }
    }

    /** Whether a connection can be had and is valid within two seconds; never throws. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    /** Makes the repositories refuse further calls, and closes the pool when it is ours. */
    @Override
    public void close() {
        runner.close();
        if (ownedPool != null) {
            ownedPool.close();
        }
    }
}
