package org.cleanblog.web.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.config.ConfigurationException;
import org.cleanblog.core.BlogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line: {@code [serve | migrate | config | copy-db --from URL --to URL | --help]}, plain code (ADR 0006).
 * Exit statuses: 0 success, 2 bad usage or configuration (one line on standard error, no stack trace), 1 a runtime
 * failure.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    static final String HELP = """
            Usage: java -jar blog.jar [COMMAND]

            Commands:
              serve                          serve the blog (the default): applies schema migrations, then listens
                                             on PORT (default 8080)
              migrate                        apply schema migrations and exit (for a platform's release phase)
              config                         print the effective configuration and where each value came from,
                                             secrets masked
              copy-db --from URL [--to URL] [--replace] [--skip-invalid [--rejects FILE]]
                      [--progress auto|bar|lines]
                                             copy a whole blog (ours or the Flask tutorial's blog.db) into
                                             --to (default: DATABASE_URL), verified; see docs/copy-db.md
              --help                         show this help

            Configuration (system property, environment variable, blog.properties, default; first found wins):
              DATABASE_URL          sqlite:///blog.db (default), postgres://USER:PASS@HOST:5432/DB, jdbc:...
              JDBC_DATABASE_URL     with JDBC_DATABASE_USERNAME and JDBC_DATABASE_PASSWORD (Heroku's JVM build pack)
              SECRET_KEY            signs session cookies; required when BLOG_ENV=production
              SECRET_KEY_FALLBACKS  older keys that still verify, comma-separated
              PORT, BIND_HOST       where to listen (8080, 0.0.0.0)
              BLOG_ENV              development (default) or production
              ADMIN_EMAILS          comma-separated e-mails of admins besides the first registered user
              BLOG_BASE_URL         public address for absolute links in the feed and sitemap (optional)
            See docs/configuration.md for every setting.

            Exit status: 0 success, 1 runtime failure, 2 bad usage or configuration.
            """;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private final Supplier<BlogConfiguration> configuration;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param configuration loads the configuration when a command needs it (tests pass their own environment)
     */
    public Cli(Supplier<BlogConfiguration> configuration, PrintStream out, PrintStream err) {
        this.configuration = configuration;
        this.out = out;
        this.err = err;
    }

    /** Runs the command named by {@code args} and returns its exit status; never throws. */
    public int run(String... args) {
        try {
            return command(List.of(args)).run(out);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("Run with --help for usage.");
            return USAGE;
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (BlogException e) {
            LOG.debug("command failed", e);
            err.println("error: " + e.getMessage());
            return FAILURE;
        } catch (Exception e) {
            LOG.error("command failed", e);
            err.println("error: " + e);
            return FAILURE;
        }
    }

    private Command command(List<String> args) {
        String name = args.isEmpty() ? "serve" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (name) {
            case "serve" -> noArguments(name, rest, () -> new ServeCommand(configuration.get()));
            case "migrate" -> noArguments(name, rest, () -> new MigrateCommand(configuration.get()));
            case "config" -> noArguments(name, rest, () -> new ConfigCommand(configuration.get()));
            case "copy-db" -> CopyDbCommand.parse(rest, configuration, err);
            case "--help", "-h", "help" ->
                o -> {
                    o.print(HELP);
                    return OK;
                };
            default ->
                throw new UsageException(
                        "unknown command '" + name + "' (expected serve, migrate, config, copy-db or --help)");
        };
    }

    private static Command noArguments(String name, List<String> rest, Supplier<Command> command) {
        if (!rest.isEmpty()) {
            throw new UsageException(name + ": unexpected argument '" + rest.get(0) + "' (" + name
                    + " takes no arguments; settings come from the environment, see --help)");
        }
        return o -> command.get().run(o);
    }
}
