package org.cleanblog.web.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.config.DatabaseSettings;
import org.cleanblog.config.DatabaseUrl;
import org.cleanblog.core.BlogException;
import org.cleanblog.persistence.copy.BlogCopy;
import org.cleanblog.persistence.copy.CopyException;
import org.cleanblog.persistence.copy.CopyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code copy-db}: copies a whole blog with blog-persistence's data mover (docs/copy-db.md); its options are the
 * annotated fields below, which also make its help. URLs take every form {@code DATABASE_URL} takes. Progress and
 * errors go to the error stream, the verified report to the output stream; everything printed passes
 * {@link TerminalText}, since it may quote a source database's values. One instance per command line.
 */
@Command(
        name = "copy-db",
        sortOptions = false,
        description = {
            "copy a whole blog (ours or the Flask tutorial's blog.db) into --to, verified, in one transaction;"
                    + " see docs/copy-db.md"
        })
final class CopyDbCommand implements Callable<Integer> {
    static final String DEFAULT_REJECTS = "copy-db-rejects.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(CopyDbCommand.class);

    /** How progress is shown: a bar redrawn in place, plain lines, or a bar only when standard error is a terminal. */
    enum Progress {
        AUTO,
        BAR,
        LINES
    }

    @Option(
            names = "--from",
            paramLabel = "URL",
            required = true,
            description = "the source, in any form DATABASE_URL takes; opened read-only")
    private String from;

    @Option(
            names = "--to",
            paramLabel = "URL",
            description = "the target (default: the configured DATABASE_URL); brought to the latest schema first")
    private String to;

    @Option(
            names = "--replace",
            description = "clear a target that holds data first, in the copy's transaction (without it, it is refused)")
    private boolean replace;

    @Option(
            names = "--skip-invalid",
            description = "copy the rows the target accepts and list the others in a file (without it, one invalid"
                    + " row stops the copy)")
    private boolean skipInvalid;

    @Option(
            names = "--rejects",
            paramLabel = "FILE",
            description = "with --skip-invalid: where rejects are listed (default " + DEFAULT_REJECTS + ")")
    private Path rejects;

    @Option(
            names = "--progress",
            paramLabel = "STYLE",
            converter = ProgressStyle.class,
            description = "auto (the default: a bar when standard error is a terminal), bar or lines")
    private Progress progress = Progress.AUTO;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    private final Supplier<BlogConfiguration> configuration;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param configuration loaded only when {@code --to} is absent
     * @param out where the verified report goes
     * @param err where progress and errors go
     */
    CopyDbCommand(Supplier<BlogConfiguration> configuration, PrintStream out, PrintStream err) {
        this.configuration = configuration;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (rejects != null && !skipInvalid) {
            throw new ParameterException(spec.commandLine(), "--rejects FILE only makes sense with --skip-invalid");
        }
        Path cwd = Path.of("").toAbsolutePath();
        DatabaseSettings source = DatabaseUrl.parse("--from", from, cwd);
        // A missing SQLite source and the same database under two spellings are refused by the copy itself.
        DatabaseSettings target =
                to == null ? configuration.get().settings().database() : DatabaseUrl.parse("--to", to, cwd);
        BlogCopy copy = BlogCopy.from(
                        source.jdbcUrl(),
                        source.user().orElse(null),
                        source.password().orElse(null))
                .to(
                        target.jdbcUrl(),
                        target.user().orElse(null),
                        target.password().orElse(null))
                .replace(replace)
                .listener(new ProgressPrinter(err, showsBar(), System::nanoTime));
        if (skipInvalid) {
            copy = copy.skipInvalid(rejects == null ? Path.of(DEFAULT_REJECTS) : rejects);
        }
        try {
            CopyReport report = copy.run();
            out.println(TerminalText.escape("copied " + report.source() + " " + source.displayUrl() + " to "
                    + target.displayUrl() + " in " + report.elapsed().toMillis() + " ms, verified:"));
            out.println(TerminalText.escapeLines(report.format()));
            if (report.rejectsFile() != null) {
                out.println(TerminalText.escape(
                        ProgressPrinter.rows(report.rejectedRows()) + " rejected, listed in " + report.rejectsFile()));
            }
            return Cli.OK;
        } catch (CopyException e) {
            err.println(TerminalText.escapeLines(message(e)));
            return exitStatus(e.reason());
        } catch (BlogException e) {
            // A database that cannot be reached or migrated: its driver's message may quote what the source holds.
            LOG.debug("copy-db failed", e);
            err.println("error: " + TerminalText.escapeLines(e.getMessage()));
            return Cli.FAILURE;
        }
    }

    private boolean showsBar() {
        return switch (progress) {
            case BAR -> true;
            case LINES -> false;
            case AUTO -> ProgressPrinter.stderrIsTerminal();
        };
    }

    /**
     * 2 when the command line must change (another URL, an option), 1 when the copy failed on the way; rows the target
     * would refuse are a 1: the fix is in the data, or in an option, but nothing is wrong with the command line.
     */
    static int exitStatus(CopyException.Reason reason) {
        return switch (reason) {
            case UNSUPPORTED_DATABASE, SOURCE_NOT_FOUND, UNKNOWN_SOURCE, SAME_DATABASE, TARGET_NOT_EMPTY -> Cli.USAGE;
            case UNKNOWN_TARGET_SCHEMA, INVALID_ROWS, VERIFICATION_FAILED, FAILED -> Cli.FAILURE;
        };
    }

    /** The library's message, with the option that names the database concerned or fixes it. */
    static String message(CopyException e) {
        String text = e.getMessage();
        return "copy-db: "
                + switch (e.reason()) {
                    case SOURCE_NOT_FOUND, UNKNOWN_SOURCE -> "--from: " + text;
                    case SAME_DATABASE -> "--from and --to: " + text;
                    case TARGET_NOT_EMPTY -> text + " (--replace)";
                    case INVALID_ROWS -> text + " (--skip-invalid [--rejects FILE])";
                    case UNSUPPORTED_DATABASE, UNKNOWN_TARGET_SCHEMA, VERIFICATION_FAILED, FAILED -> text;
                };
    }

    /** Reads {@code --progress} in lower case, as the help shows it. */
    static final class ProgressStyle implements ITypeConverter<Progress> {
        @Override
        public Progress convert(String value) {
            return switch (value) {
                case "auto" -> Progress.AUTO;
                case "bar" -> Progress.BAR;
                case "lines" -> Progress.LINES;
                default -> throw new TypeConversionException("must be auto, bar or lines, not '" + value + "'");
            };
        }
    }
}
