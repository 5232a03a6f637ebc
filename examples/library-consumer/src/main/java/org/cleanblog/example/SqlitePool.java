package org.cleanblog.example;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A SQLite pool of the program's own, configured as docs/persistence.md says the library needs it. */
final class SqlitePool {
    private SqlitePool() {}

    static HikariDataSource create(String jdbcUrl) {
        // sqlite-pool:start
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl); // jdbc:sqlite:path/to/blog.db
        config.setMaximumPoolSize(8);
        // sqlite-jdbc's settings, applied to every connection the pool opens:
        config.addDataSourceProperty("foreign_keys", "true"); // required: deleting a post cascades to its comments
        config.addDataSourceProperty("busy_timeout", "10000"); // wait for another process's write instead of failing
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE"); // take the write lock at BEGIN
        config.addDataSourceProperty("journal_mode", "WAL"); // the library sets WAL on the file anyway
        HikariDataSource pool = new HikariDataSource(config); // yours to close, after the BlogDatabase
        // sqlite-pool:end
        return pool;
    }
}
