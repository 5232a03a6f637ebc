package org.cleanblog.persistence;

import java.util.List;
import org.cleanblog.core.BlogException;

/**
 * The database already holds tables but no Clean Blog schema history, so migrating it would mix our schema into
 * someone else's: it is the wrong database (a mistyped URL), or the Flask tutorial's, which is imported with
 * {@code copy-db} instead. Nothing was changed. A caller's mistake in configuration, not an outage.
 */
public final class NotABlogDatabaseException extends BlogException {
    private static final long serialVersionUID = 1L;

    private final List<String> tables;

    /**
     * @param database the database, named without credentials
     * @param tables the tables found, never empty
     */
    public NotABlogDatabaseException(String database, List<String> tables) {
        super(database + " holds tables (" + String.join(", ", tables) + ") but no Clean Blog schema history: it is"
                + " not a Clean Blog database. Point the URL at an empty database or at a Clean Blog one; if it is the"
                + " Flask tutorial's blog.db, import it into a new database with"
                + " 'copy-db --from <its URL> --to <a new database's URL>'");
        this.tables = List.copyOf(tables);
    }

    /** The tables the database holds, sorted; never empty. */
    public List<String> tables() {
        return tables;
    }
}
