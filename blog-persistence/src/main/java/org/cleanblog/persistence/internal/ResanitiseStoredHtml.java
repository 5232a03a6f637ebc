package org.cleanblog.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.cleanblog.core.content.HtmlSanitizer;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration that passes every stored {@code body_html} of posts and comments through the library's current
 * allow-list and rewrites the rows whose HTML it changes, and only their {@code body_html}: {@code updated_at} and the
 * kept row counts stay as they were (ADR 0013). The first release's copy stored imported HTML that no sanitiser saw;
 * each later change of the allow-list adds one more of these, under a new version, so that stored HTML has always
 * passed the current list.
 *
 * <p>The same code runs on both dialects, inside Flyway's transaction: rows are read in pages by id (never the whole
 * table at once) and each page's changes go back as one JDBC batch. Reading by id ranges rather than through an open
 * cursor also keeps SQLite from seeing its own updates in a statement that is still stepping over the table.
 */
final class ResanitiseStoredHtml implements JavaMigration {
    /** The tables whose {@code body_html} pages and the feed show. */
    private static final List<String> TABLES = List.of("posts", "comments");
    /** Rows read per query and written per batch: bounds memory whatever the size of the tables. */
    static final int PAGE = 500;

    private final MigrationVersion version;
    private final HtmlSanitizer sanitizer = new JsoupHtmlSanitizer();

    ResanitiseStoredHtml(String version) {
        this.version = MigrationVersion.fromVersion(version);
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return "sanitise stored HTML with the current allow-list";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        for (String table : TABLES) {
            resanitise(context.getConnection(), table);
        }
    }

    private void resanitise(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, body_html FROM " + table + " WHERE id > ? ORDER BY id LIMIT " + PAGE);
                PreparedStatement update =
                        connection.prepareStatement("UPDATE " + table + " SET body_html = ? WHERE id = ?")) {
            long after = Long.MIN_VALUE;
            int read;
            do {
                read = 0;
                int changed = 0;
                select.setLong(1, after);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        after = rows.getLong(1);
                        String stored = rows.getString(2);
                        String clean = sanitizer.sanitize(stored);
                        if (!clean.equals(stored)) {
                            update.setString(1, clean);
                            update.setLong(2, after);
                            update.addBatch();
                            changed++;
                        }
                    }
                }
                if (changed > 0) {
                    update.executeBatch();
                }
            } while (read == PAGE);
        }
    }
}
