package org.cleanblog.web.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.config.ConfigKey;
import org.cleanblog.config.ConfigurationException;
import org.cleanblog.config.DatabaseSettings;
import org.cleanblog.config.PoolSettings;
import org.cleanblog.core.BlogException;
import org.cleanblog.core.StorageException;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.NotABlogDatabaseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code migrate}: applies pending schema migrations and exits, for a platform's release phase. */
@Command(name = "migrate", description = "apply schema migrations and exit (for a platform's release phase)")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;

    private final Supplier<BlogConfiguration> configurations;
    private final PrintStream out;

    MigrateCommand(Supplier<BlogConfiguration> configuration, PrintStream out) {
        this.configurations = configuration;
        this.out = out;
    }

    @Override
    public Integer call() {
        BlogConfiguration configuration = configurations.get();
        DatabaseSettings database = configuration.settings().database();
        try (BlogDatabase db = open(configuration)) {
            out.println("Schema is up to date on " + database.displayUrl() + " (" + db.dialect() + ").");
        }
        return Cli.OK;
    }

    /**
     * Opens (and migrates) the configured database for a one-off command, on a pool of at most two connections so
     * that a release phase or an admin command fits beside the serving processes (ADR 0029). A database that is not
     * ours is the configuration's fault, the URL names the wrong one, so it is reported as a configuration error
     * naming that setting (exit 2).
     *
     * @throws ConfigurationException when the database holds someone else's tables
     */
    static BlogDatabase open(BlogConfiguration configuration) {
        return open(configuration, configuration.settings().pool().forOneOffCommand());
    }

    /** As {@link #open(BlogConfiguration)}, on a pool of the given size: a serving process's. */
    static BlogDatabase open(BlogConfiguration configuration, PoolSettings pool) {
        try {
            return Databases.open(configuration.settings().database(), pool);
        } catch (NotABlogDatabaseException e) {
            throw new ConfigurationException(configuration.databaseVariable(), e.getMessage(), e);
        }
    }

    /**
     * Opens the database that {@code serve} answers requests with. Migrations always run over the database URL, a
     * direct connection; with a {@code DATABASE_CONNECTION_POOL_URL} the blog then serves through that pooler, opened
     * without migrating: Flyway needs two server connections at once to migrate, which a pooler may not have free (ADR
     * 0031).
     *
     * @throws ConfigurationException when the database holds someone else's tables, or the pooler leads to a database
     *     without the schema just migrated
     */
    static BlogDatabase openForServing(BlogConfiguration configuration) {
        PoolSettings budget = configuration.settings().pool();
        Optional<DatabaseSettings> pool = configuration.settings().connectionPool();
        if (pool.isEmpty()) {
            return open(configuration, budget);
        }
        // Migrate over the direct URL on a one-off command's two connections, then serve through the pooler.
        open(configuration).close();
        try {
            return Databases.openMigrated(pool.get(), budget);
        } catch (StorageException e) {
            throw e;
        } catch (BlogException e) {
            throw new ConfigurationException(
                    ConfigKey.DATABASE_CONNECTION_POOL_URL.environmentName(),
                    "leads to a database without the schema just migrated through " + configuration.databaseVariable()
                            + ": point it at a pooler in front of that database (" + e.getMessage() + ")",
                    e);
        }
    }
}
