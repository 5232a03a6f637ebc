package org.cleanblog.persistence.copy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.internal.DataSources;

/**
 * A JDBC URL, for which the copy opens plain connections of its own. A pool would not do: its SQLite settings (WAL,
 * immediate transactions) would change and lock the source file, which a copy must only read. A class, not a record,
 * so that no generated {@code toString} can print the password.
 */
final class UrlEndpoint implements Endpoint {
    /** SQLite's SQLITE_OPEN_READONLY flag, as sqlite-jdbc's {@code open_mode} property takes it. */
    private static final String SQLITE_OPEN_READONLY = "1";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Dialect dialect;

    /** @throws org.cleanblog.core.BlogException when the URL names neither SQLite nor PostgreSQL */
    UrlEndpoint(String jdbcUrl, String user, String password) {
        this.dialect = Dialect.fromJdbcUrl(jdbcUrl);
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection openForReading() throws SQLException {
        Properties properties = credentials();
        if (dialect == Dialect.SQLITE) {
            requireExistingFile();
            properties.setProperty("open_mode", SQLITE_OPEN_READONLY);
        }
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    @Override
    public Connection openForWriting() throws SQLException {
        Properties properties = credentials();
        if (dialect == Dialect.SQLITE) {
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

    /** Read-only, the driver would refuse a missing file too, but only as SQLITE_CANTOPEN, naming no file. */
    private void requireExistingFile() {
        Path file = DataSources.sqliteFile(jdbcUrl);
        if (file != null && !Files.isRegularFile(file)) {
            throw new CopyException(
                    CopyException.Reason.SOURCE_NOT_FOUND,
                    "the source SQLite file " + file.toAbsolutePath() + " does not exist");
        }
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
}
