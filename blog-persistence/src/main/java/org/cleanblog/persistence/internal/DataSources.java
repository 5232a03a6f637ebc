package org.cleanblog.persistence.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.cleanblog.core.BlogException;
import org.cleanblog.core.StorageException;
import org.cleanblog.core.internal.ConnectionUrls;
import org.cleanblog.persistence.Dialect;

/**
 * Pools for JDBC URLs, and the checks a given DataSource must pass before the blog uses it.
 *
 * <p><strong>Internal:</strong> public only for the library's other packages; not part of the API, and it may change
 * in any release without notice. Thread-safe (stateless).
 */
public final class DataSources {
    /** DESIGN.md: small platform plans allow about 20 connections in all. */
    static final int POSTGRESQL_POOL_SIZE = 20;
    /** Readers of a WAL database do not block one another; writers queue in {@link PooledSqlRunner} anyway. */
    static final int SQLITE_POOL_SIZE = 8;

    static final String SQLITE_BUSY_TIMEOUT_MS = "10000";
    /**
     * How long one HikariCP wait for a connection lasts. While a PostgreSQL server is down the pool can only wait out
     * this bound, so it is what a visitor waits before a 503 (ADR 0025); a pool that is merely busy makes callers
     * wait again, up to the pool timeout ({@link PatientPool}, ADR 0029).
     */
    static final Duration SINGLE_WAIT = Duration.ofMillis(1_500);
    /** A pooled connection's liveness check on a server that stopped answering must end within the bound above. */
    static final long VALIDATION_TIMEOUT_MS = 1_000;

    private DataSources() {}

    /**
     * A HikariCP pool on {@code jdbcUrl}; for SQLite with WAL, foreign keys, a busy timeout and write transactions
     * that begin immediately. {@code user} and {@code password} may be null; a null {@code maximumPoolSize} keeps the
     * dialect's default ({@link #POSTGRESQL_POOL_SIZE}, {@link #SQLITE_POOL_SIZE}); each wait of the pool for a
     * connection lasts at most {@code poolTimeout} and {@link #SINGLE_WAIT} (wrap the pool in a {@link PatientPool}
     * to wait up to {@code poolTimeout} while it is busy); a non-null {@code schema} becomes the
     * current schema of every PostgreSQL connection. The caller closes the pool.
     *
     * @throws BlogException when the URL names another database, its driver is missing, or the folder of a SQLite
     *     file does not exist
     * @throws StorageException when the database cannot be reached
     */
    static HikariDataSource pool(
            String jdbcUrl,
            String user,
            String password,
            Integer maximumPoolSize,
            Duration poolTimeout,
            String schema) {
        Dialect dialect = Dialect.fromJdbcUrl(jdbcUrl);
        requireDriver(dialect);
        if (dialect == Dialect.SQLITE) {
            requireSqliteFolder(jdbcUrl);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("clean-blog-" + dialect.id());
        long singleWait = Math.min(poolTimeout.toMillis(), SINGLE_WAIT.toMillis());
        config.setConnectionTimeout(singleWait);
        // A liveness check of a pooled connection must end within one wait (HikariCP's least is 250 ms).
        config.setValidationTimeout(Math.max(250, Math.min(VALIDATION_TIMEOUT_MS, singleWait)));
        if (dialect == Dialect.SQLITE) {
            config.setMaximumPoolSize(maximumPoolSize != null ? maximumPoolSize : SQLITE_POOL_SIZE);
            // Driver properties of sqlite-jdbc, applied to every connection the pool opens.
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", SQLITE_BUSY_TIMEOUT_MS);
            // A write transaction takes the write lock at BEGIN, so it can never fail half-way to upgrade its lock.
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            int size = maximumPoolSize != null ? maximumPoolSize : POSTGRESQL_POOL_SIZE;
            config.setMaximumPoolSize(size);
            config.setMinimumIdle(Math.min(2, size));
            if (schema != null) {
                config.setSchema(schema);
            }
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StorageException(
                    "could not connect to " + ConnectionUrls.redact(jdbcUrl) + ": " + cause.getMessage()
                            + " (check the URL and credentials, and that the database is running)",
                    e);
        }
    }

    /**
     * The dialect of the database behind {@code dataSource}, from its metadata.
     *
     * @throws BlogException when it is neither SQLite nor PostgreSQL
     * @throws StorageException when no connection can be had
     */
    static Dialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new StorageException("could not connect to the database: " + e.getMessage(), e);
        }
    }

    /**
     * Makes a SQLite database a server database: WAL journal (a property of the file, kept once set), and refuses a
     * DataSource whose connections do not enforce foreign keys, since deleting a post relies on the cascade.
     */
    static void prepareSqlite(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            try (var foreignKeys = statement.executeQuery("PRAGMA foreign_keys")) {
                if (!foreignKeys.next() || foreignKeys.getInt(1) != 1) {
                    throw new BlogException("the SQLite DataSource does not enforce foreign keys: configure it with "
                            + "foreign_keys=true (SQLiteConfig.enforceForeignKeys(true)), or open the database "
                            + "with BlogDatabase.open(jdbcUrl, user, password), which does");
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not prepare the SQLite database: " + e.getMessage(), e);
        }
    }

    /**
     * SQLite creates a missing file but not its folder, and then says only SQLITE_CANTOPEN; name the folder instead.
     *
     * @throws BlogException when the folder of the file that {@code jdbcUrl} names does not exist
     */
    public static void requireSqliteFolder(String jdbcUrl) {
        Path file = sqliteFile(jdbcUrl);
        Path folder = file == null ? null : file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new BlogException("the folder " + folder + " for the SQLite file " + file.getFileName()
                    + " does not exist: create it, or fix the path in " + ConnectionUrls.redact(jdbcUrl));
        }
    }

    /**
     * The file a SQLite JDBC URL names; null for an in-memory database, a resource or a URI form this does not read.
     * The one reading of such a URL: the data mover uses it too.
     */
    public static Path sqliteFile(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
            if (rest.startsWith("//")) {
                // file://host/path: only an empty host (file:///path) names a local file this can check.
                if (!rest.startsWith("///")) {
                    return null;
                }
                rest = rest.substring(2);
            }
        }
        if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith(":resource:")) {
            return null;
        }
        try {
            return Path.of(rest);
        } catch (RuntimeException e) {
            return null; // left to the driver, whose own message then applies
        }
    }

    private static void requireDriver(Dialect dialect) {
        String driver = dialect == Dialect.SQLITE ? "org.sqlite.JDBC" : "org.postgresql.Driver";
        String artifact = dialect == Dialect.SQLITE ? "org.xerial:sqlite-jdbc" : "org.postgresql:postgresql";
        try {
            Class.forName(driver, false, DataSources.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new BlogException("the " + dialect + " JDBC driver (" + artifact + ") is not on the class path: "
                    + "do not exclude it from blog-persistence when you use " + dialect);
        }
    }
}
