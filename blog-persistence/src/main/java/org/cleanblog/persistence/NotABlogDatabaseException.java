package org.cleanblog.persistence;

import java.util.List;
import org.cleanblog.core.BlogException;

/**
 * The database holds tables with the names of the blog's own ({@code users}, {@code posts}, …) but no Clean Blog
 * schema history in the expected table, so migrating would mix the blog's schema into someone else's tables. It is
 * the wrong database or schema, a Clean Blog database whose history lives in a table of another name, or the Flask
 * tutorial's (imported with {@code BlogCopy} instead). Tables of other names are never a reason: a program's own tables
 * may sit beside the blog's. Nothing was changed. A caller's mistake in configuration, not an outage.
 */
public final class NotABlogDatabaseException extends BlogException {
    private static final long serialVersionUID = 1L;

    private final List<String> tables;
    private final List<String> conflicting;

    /**
     * @param database the database, named without credentials (and, on PostgreSQL, its schema)
     * @param tables every table found, sorted
     * @param conflicting the tables found whose names the blog's schema uses, never empty
     * @param historyTable the history table that was looked for
     */
    public NotABlogDatabaseException(
            String database, List<String> tables, List<String> conflicting, String historyTable) {
        super(message(database, tables, conflicting, historyTable));
        this.tables = List.copyOf(tables);
        this.conflicting = List.copyOf(conflicting);
    }

    private static String message(String database, List<String> tables, List<String> conflicting, String history) {
        String message = database + " already holds tables named like the blog's (" + String.join(", ", conflicting)
                + ") but no Clean Blog schema history in the table " + history + ", so the blog's schema was not"
                + " created there. Give the blog a place of its own: an empty database or SQLite file, or on"
                + " PostgreSQL a schema of its own (BlogDatabase.configure().schema(\"blog\")); if this is a Clean Blog"
                + " database whose history is in a table of another name, name it with"
                + " BlogDatabase.configure().historyTable(...)";
        if (tables.contains("blog_posts")) {
            message += "; if it is the Flask tutorial's blog database, import it into a new database with BlogCopy"
                    + " (the blog's 'copy-db' command)";
        }
        return message;
    }

    /** Every table the database (or schema) holds, sorted; never empty. */
    public List<String> tables() {
        return tables;
    }

    /** The tables found whose names the blog's schema uses, sorted; never empty. */
    public List<String> conflicting() {
        return conflicting;
    }
}
