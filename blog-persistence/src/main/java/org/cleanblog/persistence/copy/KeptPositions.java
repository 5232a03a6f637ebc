package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleanblog.persistence.Dialect;

/**
 * The target's post positions ({@value #COLUMN}, the home page's order numbered by triggers, ADR 0033) through one
 * copy, inside the caller's transaction: they are derived, not copied. The copy loads posts in id order, where each
 * post whose creation time is older than one loaded before it would make the insert trigger move every later post by
 * one (quadratic), and SQLite's DELETE of a replaced target would move the rest once per deleted row. So the triggers
 * are suspended for the load, and one statement numbers all posts afterwards. On PostgreSQL the load disables every
 * user trigger of the copied tables anyway ({@link SuspendedTriggers}, ADR 0037), these with them, and its
 * {@code TRUNCATE} fires no row trigger: this class only requires them and renumbers. On SQLite it drops them and
 * creates them again from their own stored SQL. DDL is transactional on both, so a failed copy gets them back with its
 * rollback. Not thread-safe; one per copy.
 */
final class KeptPositions {
    static final String COLUMN = "position";
    /** The triggers of migration V6__post_positions.sql, by the names both dialects give them. */
    static final List<String> TRIGGERS =
            List.of("posts_position_lock", "posts_position_insert", "posts_position_delete");

    private static final List<String> SQLITE_TRIGGERS = List.of("posts_position_insert", "posts_position_delete");

    private final Connection connection;
    private final Dialect dialect;
    /** SQLite: each dropped trigger's CREATE statement, to run again. */
    private final Map<String, String> dropped = new LinkedHashMap<>();

    private KeptPositions(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * Stops the triggers from numbering posts until {@link #renumber()}; call under the copy's lock, before the target
     * is cleared or loaded.
     *
     * @throws CopyException when a trigger is missing, so that the blog's pages would go wrong after the copy
     */
    static KeptPositions suspend(Connection connection, Dialect dialect) throws SQLException {
        KeptPositions positions = new KeptPositions(connection, dialect);
        if (dialect == Dialect.POSTGRESQL) {
            positions.requirePostgresqlTriggers();
        } else {
            positions.dropSqliteTriggers();
        }
        return positions;
    }

    /**
     * Numbers every post 1..count in (created_at, id) order in one statement (an {@code UPDATE}, which no position
     * trigger watches), then lets the triggers keep it so: on SQLite by creating them again.
     */
    void renumber() throws SQLException {
        execute("UPDATE posts SET " + COLUMN + " = numbered.n"
                + " FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM posts) AS numbered"
                + " WHERE posts.id = numbered.id AND posts." + COLUMN + " <> numbered.n");
        for (String create : dropped.values()) {
            execute(create);
        }
    }

    private void requirePostgresqlTriggers() throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT tgname FROM pg_trigger"
                + " WHERE tgrelid = 'posts'::regclass AND NOT tgisinternal AND tgname = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", TRIGGERS.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        requireAll(found, TRIGGERS);
    }

    private void dropSqliteTriggers() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'posts' AND name = ?")) {
            for (String trigger : SQLITE_TRIGGERS) {
                query.setString(1, trigger);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        dropped.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        requireAll(new ArrayList<>(dropped.keySet()), SQLITE_TRIGGERS);
        for (String trigger : dropped.keySet()) {
            execute("DROP TRIGGER " + trigger);
        }
    }

    private static void requireAll(List<String> found, List<String> expected) {
        List<String> missing = expected.stream().filter(t -> !found.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new CopyException(
                    CopyException.Reason.UNKNOWN_TARGET_SCHEMA,
                    "the target's posts lack the trigger(s) " + missing + " that keep the home page's order, so its"
                            + " pages would go wrong after the copy: compare the target's triggers with the migration"
                            + " V6__post_positions.sql (or start from a new, empty target database)");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
