package org.cleanblog.web.cli;

import org.cleanblog.config.DatabaseSettings;
import org.cleanblog.config.PoolSettings;
import org.cleanblog.persistence.BlogDatabase;

/** Opens the configured database; opening applies any pending schema migration, unless said otherwise. */
final class Databases {
    private Databases() {}

    /**
     * @param pool the most connections and how long a call waits for one of a busy pool
     * @throws org.cleanblog.core.StorageException when the database cannot be reached or migrated
     */
    static BlogDatabase open(DatabaseSettings database, PoolSettings pool) {
        return BlogDatabase.configure()
                .maximumPoolSize(pool.size())
                .poolTimeout(pool.timeout())
                .open(
                        database.jdbcUrl(),
                        database.user().orElse(null),
                        database.password().orElse(null));
    }

    /**
     * Opens {@code database} without migrating: through a connection pooler, which could starve Flyway (ADR 0031).
     *
     * @throws org.cleanblog.core.BlogException when its schema is missing or behind
     * @throws org.cleanblog.core.StorageException when the database cannot be reached
     */
    static BlogDatabase openMigrated(DatabaseSettings database, PoolSettings pool) {
        return BlogDatabase.configure()
                .migrateOnOpen(false)
                .maximumPoolSize(pool.size())
                .poolTimeout(pool.timeout())
                .open(
                        database.jdbcUrl(),
                        database.user().orElse(null),
                        database.password().orElse(null));
    }
}
