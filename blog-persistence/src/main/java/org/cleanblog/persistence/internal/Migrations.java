package org.cleanblog.persistence.internal;

import javax.sql.DataSource;
import org.cleanblog.core.StorageException;
import org.cleanblog.persistence.Dialect;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings a database's schema to the newest version with Flyway, from {@code db/migration/<dialect id>}. */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    /** The classpath location of the migrations of {@code dialect}. */
    public static String location(Dialect dialect) {
        return "classpath:db/migration/" + dialect.id();
    }

    /**
     * Applies every pending migration; a no-op on an up-to-date schema.
     *
     * @throws StorageException when a migration fails or the database holds a schema newer than this library
     */
    public static void migrate(DataSource dataSource, Dialect dialect) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(location(dialect))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info(
                    "{} schema at version {} ({} migration(s) applied)",
                    dialect,
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new StorageException(
                    "could not migrate the " + dialect + " schema: " + e.getMessage()
                            + " (fix the database or restore it from a backup; the migrations are in "
                            + location(dialect) + ")",
                    e);
        }
    }
}
