package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.internal.DataSources;
import org.cleanblog.persistence.internal.JdbcUrls;

/**
 * Where a copy reads or writes: a caller's DataSource, or a JDBC URL for which the copy opens plain connections of its
 * own. A pool would not do for a URL: its SQLite settings (WAL, immediate transactions) would change and lock the
 * source file, which a copy must only read.
 */
sealed interface Endpoint {
    /** A connection for reading only: a SQLite file that does not exist is an error, not a new empty database. */
    Connection openForReading() throws SQLException;

    /** A connection for writing, with SQLite's foreign keys enforced. */
    Connection openForWriting() throws SQLException;

    /** Brings the database to the latest schema (creating it when empty). */
    void migrate();

    record OfDataSource(DataSource dataSource) implements Endpoint {
        @Override
        public Connection openForReading() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public Connection openForWriting() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void migrate() {
            BlogDatabase.open(dataSource).close();
        }
    }

    record OfUrl(String jdbcUrl, String user, String password) implements Endpoint {
        /** SQLite's SQLITE_OPEN_READONLY flag, as sqlite-jdbc's {@code open_mode} property takes it. */
        private static final String SQLITE_OPEN_READONLY = "1";

        @Override
        public Connection openForReading() throws SQLException {
            Properties properties = credentials();
            if (Dialect.fromJdbcUrl(jdbcUrl) == Dialect.SQLITE) {
                properties.setProperty("open_mode", SQLITE_OPEN_READONLY);
            }
            return DriverManager.getConnection(jdbcUrl, properties);
        }

        @Override
        public Connection openForWriting() throws SQLException {
            Properties properties = credentials();
            if (Dialect.fromJdbcUrl(jdbcUrl) == Dialect.SQLITE) {
                DataSources.requireSqliteFolder(jdbcUrl);
                properties.setProperty("foreign_keys", "true");
                properties.setProperty("busy_timeout", "10000");
                // BEGIN IMMEDIATE: the copy holds the write lock from its emptiness check on, not from its first row.
                properties.setProperty("transaction_mode", "IMMEDIATE");
            }
            return DriverManager.getConnection(jdbcUrl, properties);
        }

        @Override
        public void migrate() {
            BlogDatabase.open(jdbcUrl, user, password).close();
        }

        private Properties credentials() {
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            return properties;
        }

        @Override
        public String toString() {
            return "OfUrl[" + JdbcUrls.redact(jdbcUrl) + "]";
        }
    }
}
