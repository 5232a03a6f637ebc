package org.cleanblog.web.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.cleanblog.config.BlogConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code config}: prints the effective configuration, the source of each value and the warnings; secrets masked. */
@Command(
        name = "config",
        description = "print the effective configuration and where each value came from, secrets masked")
final class ConfigCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;

    private final Supplier<BlogConfiguration> configuration;
    private final PrintStream out;

    ConfigCommand(Supplier<BlogConfiguration> configuration, PrintStream out) {
        this.configuration = configuration;
        this.out = out;
    }

    @Override
    public Integer call() {
        out.print(configuration.get().render());
        return Cli.OK;
    }
}
