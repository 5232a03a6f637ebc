package org.cleanblog.web.cli;

import org.cleanblog.config.BlogConfiguration;

/** The process entry point: {@code java -jar blog.jar [COMMAND]}; {@code --help} lists the commands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status = new Cli(BlogConfiguration::fromSystem, System.out, System.err).run(args);
        // serve returns only once the server has stopped; every command ends the process with its status.
        System.exit(status);
    }
}
