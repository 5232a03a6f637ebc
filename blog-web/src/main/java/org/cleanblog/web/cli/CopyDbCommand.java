package org.cleanblog.web.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code copy-db --from URL --to URL}: copies a whole blog from one database to another. Options are parsed here; the
 * copying belongs to blog-persistence's data mover (its engine is wired in here when its command lands).
 */
final class CopyDbCommand implements Command {
    private final String from;
    private final String to;

    private CopyDbCommand(String from, String to) {
        this.from = from;
        this.to = to;
    }

    /** Reads {@code --from URL --to URL} (also {@code --from=URL}); both are required. */
    static CopyDbCommand parse(List<String> args) {
        String from = null;
        String to = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("copy-db: " + option + " needs a database URL");
            }
            switch (option) {
                case "--from" -> from = value;
                case "--to" -> to = value;
                default ->
                    throw new UsageException("copy-db: unknown option '" + option + "' (expected --from URL --to URL)");
            }
        }
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw new UsageException("copy-db: both --from URL and --to URL are required");
        }
        return new CopyDbCommand(from, to);
    }

    @Override
    public int run(PrintStream out) {
        System.err.println("copy-db: not yet available in this build (from " + mask(from) + " to " + mask(to) + ")");
        return Cli.FAILURE;
    }

    /** The URL without its password, for messages. */
    private static String mask(String url) {
        return url.replaceAll("(//[^:/@]+:)[^@/]*@", "$1***@");
    }
}
