package org.cleanblog.web.cli;

import java.io.PrintStream;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.config.ConfigurationException;
import org.cleanblog.config.DatabaseSettings;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.NotABlogDatabaseException;

/** {@code migrate}: applies pending schema migrations and exits, for a platform's release phase. */
final class MigrateCommand implements Command {
    private final BlogConfiguration configuration;

    MigrateCommand(BlogConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public int run(PrintStream out) {
        DatabaseSettings database = configuration.settings().database();
        try (BlogDatabase db = open(configuration)) {
            out.println("Schema is up to date on " + database.displayUrl() + " (" + db.dialect() + ").");
        }
        return Cli.OK;
    }

    /**
     * Opens (and migrates) the configured database. A database that is not ours is the configuration's fault, the
     * URL names the wrong one, so it is reported as a configuration error naming that setting (exit 2).
     *
     * @throws ConfigurationException when the database holds someone else's tables
     */
    static BlogDatabase open(BlogConfiguration configuration) {
        try {
            return Databases.open(configuration.settings().database());
        } catch (NotABlogDatabaseException e) {
            throw new ConfigurationException(configuration.databaseVariable(), e.getMessage(), e);
        }
    }
}
