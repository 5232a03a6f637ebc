package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cleanblog.persistence.Dialect;

/** Tells which kind of blog database a source holds, by its tables and columns. */
final class SourceDetector {
    /** The tutorial's Flask-SQLAlchemy models, with the columns the import reads. */
    private static final Map<String, List<String>> FLASK_TABLES = Map.of(
            "users", List.of("id", "email", "password", "name"),
            "blog_posts", List.of("id", "author_id", "title", "subtitle", "date", "body", "img_url"),
            "comments", List.of("id", "post_id", "author_id", "text"));

    private SourceDetector() {}

    /**
     * The reader for {@code connection}'s database.
     *
     * @throws CopyException ({@link CopyException.Reason#UNKNOWN_SOURCE}) when the database is neither kind
     */
    static RowSource detect(Connection connection, Dialect db, Instant importedAt) throws SQLException {
        Catalog catalog = new Catalog(connection, db);
        Set<String> tables = catalog.tables();
        if (tables.containsAll(List.of("users", "posts", "comments"))) {
            for (TableSpec table : BlogSchema.TABLES) {
                List<String> expected =
                        table.columns().stream().map(Column::name).toList();
                String missing = catalog.missingColumn(table.name(), expected);
                if (missing != null) {
                    throw new CopyException(
                            CopyException.Reason.UNKNOWN_SOURCE,
                            "the source looks like a Clean Blog database, but " + table.name() + "." + missing
                                    + " is missing: it was made by another version; migrate it with that version's"
                                    + " 'migrate' command, or with this one's, before copying");
                }
            }
            return new BlogSchemaSource(connection, db);
        }
        if (tables.containsAll(FLASK_TABLES.keySet()) && hasFlaskColumns(catalog)) {
            return new FlaskSource(connection, db, importedAt);
        }
        throw new CopyException(
                CopyException.Reason.UNKNOWN_SOURCE,
                "the source is neither a Clean Blog database (tables users, posts, comments, contact_messages) nor"
                        + " the Flask tutorial's (users, blog_posts, comments); its tables are "
                        + (tables.isEmpty() ? "none (is it the right database or file?)" : String.join(", ", tables)));
    }

    private static boolean hasFlaskColumns(Catalog catalog) throws SQLException {
        for (Map.Entry<String, List<String>> table : FLASK_TABLES.entrySet()) {
            if (catalog.missingColumn(table.getKey(), table.getValue()) != null) {
                return false;
            }
        }
        return true;
    }
}
