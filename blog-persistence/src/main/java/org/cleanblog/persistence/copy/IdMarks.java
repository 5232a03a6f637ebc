package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.cleanblog.persistence.Dialect;

/**
 * High-water marks of ids: the highest id a database has handed out for a table, which is more than the highest id it
 * holds once its newest rows were deleted. A copy carries them so that the target never hands out an id again that
 * the source already used (ADR 0010). Stateless.
 */
final class IdMarks {
    private IdMarks() {}

    /**
     * The high-water mark of {@code table}'s ids: the greater of its highest id and what its id generator handed out
     * (PostgreSQL: the identity or serial sequence; SQLite: {@code sqlite_sequence}, kept for AUTOINCREMENT ids); 0
     * when the table never held a row. A table without a generator (the Flask tutorial's SQLite ids) has its highest
     * id only. {@code table} must be a name the code itself chose: it goes into SQL.
     */
    static long of(Connection connection, Dialect db, String table) throws SQLException {
        long generated =
                db == Dialect.POSTGRESQL ? postgresSequence(connection, table) : sqliteSequence(connection, table);
        return Math.max(generated, maxId(connection, table));
    }

    private static long maxId(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long postgresSequence(Connection connection, String table) throws SQLException {
        String sequence;
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_get_serial_sequence(?, 'id')")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                sequence = rs.getString(1);
            }
        }
        if (sequence == null) {
            return 0;
        }
        // The server returns the name schema-qualified and quoted where needed. A sequence not yet called has
        // handed out nothing; its last_value is only where it will start.
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + sequence)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long sqliteSequence(Connection connection, String table) throws SQLException {
        // sqlite_sequence exists once any AUTOINCREMENT table was created: not in the Flask tutorial's blog.db.
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")) {
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return 0;
                }
            }
        }
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = ?")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Makes the target's id generator of {@code table} hand out ids above {@code mark} next. Within the copy's
     * transaction on SQLite; on PostgreSQL {@code setval} is not transactional, which is why the caller never moves
     * a sequence backwards: a copy rolled back afterwards leaves unused ids, never reused ones.
     */
    static void set(Connection connection, Dialect db, String table, long mark) throws SQLException {
        if (db == Dialect.POSTGRESQL) {
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, 'id'), ?, ?)")) {
                statement.setString(1, table);
                // A sequence's minimum is 1: "nothing handed out yet" is 1, not called.
                statement.setLong(2, Math.max(mark, 1));
                statement.setBoolean(3, mark > 0);
                statement.executeQuery().close();
            }
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE sqlite_sequence SET seq = ? WHERE name = ?")) {
            update.setLong(1, mark);
            update.setString(2, table);
            if (update.executeUpdate() > 0 || mark == 0) {
                return;
            }
        }
        // SQLite adds a table's row on its first AUTOINCREMENT insert; the copy may have inserted none.
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
            insert.setString(1, table);
            insert.setLong(2, mark);
            insert.executeUpdate();
        }
    }
}
