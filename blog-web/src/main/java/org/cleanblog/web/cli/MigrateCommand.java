package org.cleanblog.web.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.config.ConfigurationException;
import org.cleanblog.config.DatabaseSettings;
import org.cleanblog.config.PoolSettings;
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
}
