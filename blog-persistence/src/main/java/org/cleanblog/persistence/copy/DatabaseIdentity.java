package org.cleanblog.persistence.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.cleanblog.persistence.Dialect;

/**
 * Which database a connection really reaches, whatever URL led there: two URLs can name one database (localhost and
 * 127.0.0.1, a relative and an absolute path, a symbolic link). Copying a database onto itself with {@code replace}
 * would delete the source, and on PostgreSQL hang on the target's lock, so the copy refuses it.
 */
final class DatabaseIdentity {
    private DatabaseIdentity() {}

    /**
     * Fails with {@link CopyException.Reason#SAME_DATABASE} when {@code source} and {@code target} reach the same
     * database (on PostgreSQL: the same server, database and schema).
     */
    static void requireDifferent(Connection source, Dialect sourceDialect, Connection target, Dialect targetDialect)
            throws SQLException {
        if (sourceDialect != targetDialect) {
            return;
        }
        boolean same = sourceDialect == Dialect.POSTGRESQL
                ? postgresIdentity(source).equals(postgresIdentity(target))
                : sameSqliteFile(sqliteFile(source), sqliteFile(target));
        if (same) {
            throw new CopyException(
                    CopyException.Reason.SAME_DATABASE,
                    "the source and the target reach the same database (" + describe(source, sourceDialect)
                            + "): copy into" + " another, empty database");
        }
    }

    /**
     * A server is told apart by the moment its postmaster started (microseconds) and its port; within it, the
     * database and the schema the blog's tables resolve to (test runs keep one blog per schema).
     */
    private static String postgresIdentity(Connection connection) throws SQLException {
        return single(
                connection,
                "SELECT pg_postmaster_start_time()::text || ' ' || current_setting('port') || ' '"
                        + " || current_database() || ' ' || coalesce(current_schema(), '')");
    }

    /** The main database's file, or an empty string for an in-memory or temporary database. */
    private static String sqliteFile(Connection connection) throws SQLException {
        return Objects.requireNonNullElse(
                single(connection, "SELECT file FROM pragma_database_list WHERE name = 'main'"), "");
    }

    private static boolean sameSqliteFile(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false; // in-memory databases are private to their connection
        }
        try {
            return Files.isSameFile(Path.of(a), Path.of(b));
        } catch (IOException e) {
            return Path.of(a)
                    .toAbsolutePath()
                    .normalize()
                    .equals(Path.of(b).toAbsolutePath().normalize());
        }
    }

    private static String describe(Connection connection, Dialect dialect) throws SQLException {
        return dialect == Dialect.POSTGRESQL
                ? "database " + single(connection, "SELECT current_database()") + ", schema "
                        + single(connection, "SELECT current_schema()")
                : "SQLite file " + sqliteFile(connection);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
