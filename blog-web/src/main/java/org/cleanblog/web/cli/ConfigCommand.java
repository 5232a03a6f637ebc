package org.cleanblog.web.cli;

import java.io.PrintStream;
import org.cleanblog.config.BlogConfiguration;

/** {@code config}: prints the effective configuration, the source of each value and the warnings; secrets masked. */
final class ConfigCommand implements Command {
    private final BlogConfiguration configuration;

    ConfigCommand(BlogConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public int run(PrintStream out) {
        out.print(configuration.render());
        return Cli.OK;
    }
}
