package org.cleanblog.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;

/**
 * An empty database of its own for one test class: a SQLite file in a fresh temporary folder, or a fresh schema on
 * the run's PostgreSQL server ({@link PostgresServer}). {@link #close()} removes it. Not thread-safe to close.
 */
public final class TestDatabase implements AutoCloseable {
    private final Dialect dialect;
    private final String jdbcUrl;
    private final Runnable remove;

    private TestDatabase(Dialect dialect, String jdbcUrl, Runnable remove) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.remove = remove;
    }

    /** A new, empty database of {@code dialect}; {@code label} names it (a test class name, say). */
    public static TestDatabase create(Dialect dialect, String label) {
        return dialect == Dialect.SQLITE ? sqlite() : postgresql(label);
    }

    /** A SQLite file {@code blog.db} in a new temporary folder (under target/ when run by Maven). */
    public static TestDatabase sqlite() {
        try {
            Path folder = Files.createTempDirectory("clean-blog-sqlite-");
            return new TestDatabase(
                    Dialect.SQLITE, "jdbc:sqlite:" + folder.resolve("blog.db"), () -> deleteRecursively(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new schema on the run's PostgreSQL server. */
    public static TestDatabase postgresql(String label) {
        PostgresServer server = PostgresServer.get();
        String schema = server.createSchema(label);
        return new TestDatabase(Dialect.POSTGRESQL, server.urlForSchema(schema), () -> server.dropSchema(schema));
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A JDBC URL with any credentials in it, for {@link BlogDatabase#open(String, String, String)}. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Opens the blog on this database with the system clock. */
    public BlogDatabase open() {
        return BlogDatabase.open(jdbcUrl, null, null);
    }

    /** Opens the blog on this database with {@code clock}. */
    public BlogDatabase open(Clock clock) {
        return BlogDatabase.open(jdbcUrl, null, null, clock);
    }

    /** A plain JDBC connection (no pool, SQLite with foreign keys on), for tests that look behind the library. */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        if (dialect == Dialect.SQLITE) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA foreign_keys = ON");
            }
        }
        return connection;
    }

    /** Deletes every row of the blog's tables (children first), so that each test starts from an empty blog. */
    public void deleteAllRows() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String table : new String[] {"comments", "posts", "users", "contact_messages"}) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the " + dialect + " test database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        remove.run();
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return dialect + " test database " + jdbcUrl.replaceAll("password=[^&]*", "password=***");
    }
}
