package org.cleanblog.web.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.config.ConfigurationException;
import org.cleanblog.core.BlogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The command line, defined once with picocli (ADR 0016): the commands and their options below generate {@code --help}
 * and the usage errors. Exit statuses are decided here: 0 success, 2 bad usage or configuration (one line on standard
 * error, no stack trace), 1 a runtime failure. Run without a command, the blog is served.
 */
@Command(
        name = "java -jar blog.jar",
        description = "The Clean Blog: serves the blog, migrates its schema, copies it between databases, names its"
                + " admins.",
        synopsisSubcommandLabel = "[COMMAND]",
        commandListHeading = "%nCommands (serve is the default):%n",
        subcommands = CommandLine.HelpCommand.class,
        footerHeading =
                "%nConfiguration (system property, environment variable, blog.properties, default; first found wins):%n",
        footer = {
            "  DATABASE_URL          sqlite:///blog.db (default), postgres://USER:PASS@HOST:5432/DB, jdbc:...",
            "  JDBC_DATABASE_URL     with JDBC_DATABASE_USERNAME and JDBC_DATABASE_PASSWORD (Heroku's JVM build pack)",
            "  DATABASE_CONNECTION_POOL_URL  a PgBouncer in transaction mode: serve answers requests through it,"
                    + " migrations use DATABASE_URL",
            "  SECRET_KEY            signs session cookies; required when BLOG_ENV=production",
            "  SECRET_KEY_FALLBACKS  older keys that still verify, comma-separated",
            "  PORT, BIND_HOST       where to listen (8080, 0.0.0.0)",
            "  TRUSTED_PROXIES       proxies whose X-Forwarded-For/-Proto are believed (loopback; any peer on Heroku)",
            "  BLOG_ENV              development (default) or production",
            "  BLOG_BASE_URL         public address for absolute links in the feed and sitemap (optional)",
            "See docs/configuration.md for every setting.",
            "",
            "Exit status: 0 success, 1 runtime failure, 2 bad usage or configuration."
        })
public final class Cli implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    @Mixin
    private HelpOption help;

    private final Supplier<BlogConfiguration> configuration;
    private final ServeCommand serve;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param configuration loads the configuration when a command needs it (tests pass their own environment)
     */
    public Cli(Supplier<BlogConfiguration> configuration, PrintStream out, PrintStream err) {
        this.configuration = configuration;
        this.serve = new ServeCommand(configuration);
        this.out = out;
        this.err = err;
    }

    /** Runs the command named by {@code args} and returns its exit status; never throws. */
    public int run(String... args) {
        if (args.length == 0 || (args.length == 1 && args[0].equals("serve"))) {
            // The platform's start command, which has nothing to parse, skips building picocli's model: its classes
            // are too old for the class-data sharing archive, and loading them took ~0.1 s of each start (ADR 0036).
            try {
                return serve.call();
            } catch (Exception e) {
                return failed(e);
            }
        }
        return commandLine().execute(args);
    }

    private CommandLine commandLine() {
        return new CommandLine(this)
                .addSubcommand(serve)
                .addSubcommand(new MigrateCommand(configuration, out))
                .addSubcommand(new ConfigCommand(configuration, out))
                .addSubcommand(new CopyDbCommand(configuration, out, err))
                .addSubcommand(new AdminCommand(configuration, out, err))
                .setUsageHelpWidth(110)
                .setOut(writer(out))
                .setErr(writer(err))
                .setParameterExceptionHandler((e, args) -> {
                    err.println(usageError(e));
                    return USAGE;
                })
                .setExecutionExceptionHandler((e, command, parsed) -> failed(e));
    }

    /** No command: serve. */
    @Override
    public Integer call() throws Exception {
        return serve.call();
    }

    private int failed(Exception e) {
        if (e instanceof ConfigurationException) {
            err.println(e.getMessage());
            return USAGE;
        }
        if (e instanceof BlogException) {
            LOG.debug("command failed", e);
            err.println("error: " + e.getMessage());
            return FAILURE;
        }
        LOG.error("command failed", e);
        err.println("error: " + e);
        return FAILURE;
    }

    /** One line that names the command, the argument and what is expected. */
    static String usageError(ParameterException e) {
        CommandLine where = e.getCommandLine();
        boolean top = where.getParent() == null;
        String name = commandPath(where);
        String prefix = top ? "" : name + ": ";
        String seeHelp = top ? "see --help" : "see " + name + " --help";
        // An unknown argument explains the rest (picocli reports "--from is required" first for "--form x").
        List<String> unmatched = e instanceof CommandLine.UnmatchedArgumentException u
                ? u.getUnmatched()
                : where.getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            String argument = unmatched.get(0);
            if (top && !argument.startsWith("-")) {
                return "unknown command '" + argument + "' (expected " + String.join(", ", commandNames(where))
                        + " or --help)";
            }
            if (!top && takesNoOptions(where)) {
                return prefix + "unexpected argument '" + argument + "' (" + where.getCommandName() + " takes no"
                        + " arguments; settings come from the environment, see --help)";
            }
            String kind = argument.startsWith("-") ? "unknown option" : "unexpected argument";
            return prefix + kind + " '" + argument + "' (" + seeHelp + ")";
        }
        if (!top && !where.getSubcommands().isEmpty() && where.getParseResult().subcommand() == null) {
            return prefix + "needs a command: "
                    + String.join(", ", commandNames(where)).replaceAll(", ([^,]*)$", " or $1") + " (" + seeHelp + ")";
        }
        if (e instanceof CommandLine.MissingParameterException missing
                && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            String named = option.longestName() + " " + option.paramLabel();
            return prefix
                    + (e.getMessage().startsWith("Missing required parameter for option")
                            ? option.longestName() + " needs a value (" + option.paramLabel() + ")"
                            : named + " is required (" + seeHelp + ")");
        }
        if (e.getCause() instanceof CommandLine.TypeConversionException invalid
                && e.getArgSpec() instanceof OptionSpec option) {
            return prefix + option.longestName() + " " + invalid.getMessage();
        }
        return prefix + e.getMessage() + " (" + seeHelp + ")";
    }

    /** The command as typed after the jar, for example {@code admin grant}. */
    private static String commandPath(CommandLine command) {
        String path = command.getCommandName();
        for (CommandLine parent = command.getParent();
                parent != null && parent.getParent() != null;
                parent = parent.getParent()) {
            path = parent.getCommandName() + " " + path;
        }
        return path;
    }

    private static List<String> commandNames(CommandLine top) {
        return top.getSubcommands().keySet().stream().toList();
    }

    private static boolean takesNoOptions(CommandLine command) {
        return command.getCommandSpec().options().stream().allMatch(OptionSpec::usageHelp);
    }

    /** Help goes where the command's own output goes, auto-flushed like the stream. */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(stream, true);
    }
}
