package org.cleanblog.web.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.config.DatabaseSettings;
import org.cleanblog.config.DatabaseUrl;
import org.cleanblog.persistence.copy.BlogCopy;
import org.cleanblog.persistence.copy.CopyException;
import org.cleanblog.persistence.copy.CopyReport;
import org.cleanblog.persistence.internal.JsoupHtmlSanitizer;

/**
 * {@code copy-db --from URL [--to URL] [--replace] [--skip-invalid [--rejects FILE]] [--progress auto|bar|lines]}:
 * copies a whole blog with blog-persistence's data mover (docs/copy-db.md). URLs take every form {@code DATABASE_URL}
 * takes; {@code --to} defaults to the configured database. Progress and errors go to the Cli's error stream, the
 * verified report to its output stream.
 */
final class CopyDbCommand implements Command {
    static final String DEFAULT_REJECTS = "copy-db-rejects.jsonl";
    private static final String OPTIONS = "expected --from URL [--to URL] [--replace] [--skip-invalid [--rejects FILE]]"
            + " [--progress auto|bar|lines]";

    /** How progress is shown: a bar redrawn in place, plain lines, or a bar only when standard error is a terminal. */
    enum Progress {
        AUTO,
        BAR,
        LINES
    }

    private final DatabaseSettings from;
    private final Supplier<DatabaseSettings> to;
    private final boolean replace;
    private final Path rejects;
    private final Progress progress;
    private final PrintStream err;

    private CopyDbCommand(
            DatabaseSettings from,
            Supplier<DatabaseSettings> to,
            boolean replace,
            Path rejects,
            Progress progress,
            PrintStream err) {
        this.from = from;
        this.to = to;
        this.replace = replace;
        this.rejects = rejects;
        this.progress = progress;
        this.err = err;
    }

    /**
     * Reads the options (also {@code --from=URL}); {@code configuration} is loaded only when {@code --to} is absent;
     * progress and errors are printed to {@code err}.
     */
    static CopyDbCommand parse(List<String> args, Supplier<BlogConfiguration> configuration, PrintStream err) {
        Path cwd = Path.of("").toAbsolutePath();
        String from = null;
        String to = null;
        String rejects = null;
        String progress = "auto";
        boolean replace = false;
        boolean skipInvalid = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (option) {
                case "--replace" -> replace = true;
                case "--skip-invalid" -> skipInvalid = true;
                case "--from", "--to", "--rejects", "--progress" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException("copy-db: " + option + " needs a value");
                    }
                    switch (option) {
                        case "--from" -> from = value;
                        case "--to" -> to = value;
                        case "--progress" -> progress = value;
                        default -> rejects = value;
                    }
                }
                default -> throw new UsageException("copy-db: unknown option '" + option + "' (" + OPTIONS + ")");
            }
        }
        if (from == null || from.isBlank()) {
            throw new UsageException("copy-db: --from URL is required (" + OPTIONS + ")");
        }
        if (rejects != null && !skipInvalid) {
            throw new UsageException("copy-db: --rejects FILE only makes sense with --skip-invalid");
        }
        Progress shown = switch (progress) {
            case "auto" -> Progress.AUTO;
            case "bar" -> Progress.BAR;
            case "lines" -> Progress.LINES;
            default ->
                throw new UsageException("copy-db: --progress must be auto, bar or lines, not '" + progress + "'");
        };
        DatabaseSettings source = DatabaseUrl.parse("--from", from, cwd);
        requireExistingSqliteFile(source);
        String target = to;
        Supplier<DatabaseSettings> destination = target == null
                ? () -> configuration.get().settings().database()
                : () -> DatabaseUrl.parse("--to", target, cwd);
        Path rejectsFile = skipInvalid ? Path.of(rejects == null ? DEFAULT_REJECTS : rejects) : null;
        return new CopyDbCommand(source, destination, replace, rejectsFile, shown, err);
    }

    @Override
    public int run(PrintStream out) {
        // The same database under two spellings is refused by the copy itself, which asks the servers.
        DatabaseSettings target = to.get();
        BlogCopy copy = BlogCopy.from(
                        from.jdbcUrl(),
                        from.user().orElse(null),
                        from.password().orElse(null))
                .to(
                        target.jdbcUrl(),
                        target.user().orElse(null),
                        target.password().orElse(null))
                .replace(replace)
                .sanitizer(new JsoupHtmlSanitizer())
                .listener(new ProgressPrinter(err, showsBar(), System::nanoTime));
        if (rejects != null) {
            copy = copy.skipInvalid(rejects);
        }
        try {
            CopyReport report = copy.run();
            out.println("copied " + report.source() + " " + from.displayUrl() + " to " + target.displayUrl() + " in "
                    + report.elapsed().toMillis() + " ms, verified:");
            out.print(report.format());
            if (report.rejectsFile() != null) {
                out.println(
                        ProgressPrinter.rows(report.rejectedRows()) + " rejected, listed in " + report.rejectsFile());
            }
            return Cli.OK;
        } catch (CopyException e) {
            err.println("copy-db: " + e.getMessage());
            return e.reason().exitStatus();
        }
    }

    private boolean showsBar() {
        return switch (progress) {
            case BAR -> true;
            case LINES -> false;
            case AUTO -> ProgressPrinter.stderrIsTerminal();
        };
    }

    /** A missing file would otherwise be created, empty, and reported as "not a blog". */
    private static void requireExistingSqliteFile(DatabaseSettings source) {
        if (!source.isSqlite()) {
            return;
        }
        String path = source.jdbcUrl().substring("jdbc:sqlite:".length()).replaceFirst("\\?.*", "");
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (!path.isEmpty() && !path.equals(":memory:") && !Files.isRegularFile(Path.of(path))) {
            throw new UsageException("copy-db: --from names no SQLite file: " + path + " does not exist");
        }
    }
}
