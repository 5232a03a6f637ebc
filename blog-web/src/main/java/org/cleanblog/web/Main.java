package org.cleanblog.web;

import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.web.cli.Cli;

/** {@code java -jar blog.jar [serve | migrate | config | copy-db --from URL --to URL | --help]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status = new Cli(BlogConfiguration::fromSystem, System.out, System.err).run(args);
        // serve returns only once the server has stopped; every command ends the process with its status.
        System.exit(status);
    }
}
