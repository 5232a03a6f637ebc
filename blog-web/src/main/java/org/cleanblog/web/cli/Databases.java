package org.cleanblog.web.cli;

import org.cleanblog.config.DatabaseSettings;
import org.cleanblog.persistence.BlogDatabase;

/** Opens the configured database; opening applies any pending schema migration. */
final class Databases {
    private Databases() {}

    /**
     * @throws org.cleanblog.core.StorageException when the database cannot be reached or migrated
     */
    static BlogDatabase open(DatabaseSettings database) {
        return BlogDatabase.open(
                database.jdbcUrl(),
                database.user().orElse(null),
                database.password().orElse(null));
    }
}
