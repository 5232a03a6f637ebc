package org.cleanblog.web.cli;

import java.io.PrintStream;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.config.DatabaseSettings;
import org.cleanblog.persistence.BlogDatabase;

/** {@code migrate}: applies pending schema migrations and exits, for a platform's release phase. */
final class MigrateCommand implements Command {
    private final BlogConfiguration configuration;

    MigrateCommand(BlogConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public int run(PrintStream out) {
        DatabaseSettings database = configuration.settings().database();
        try (BlogDatabase db = Databases.open(database)) {
            out.println("Schema is up to date on " + database.displayUrl() + " (" + db.dialect() + ").");
        }
        return Cli.OK;
    }
}
