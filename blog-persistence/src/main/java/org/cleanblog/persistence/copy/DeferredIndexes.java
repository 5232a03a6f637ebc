package org.cleanblog.persistence.copy;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexes and keys of the copied tables on a PostgreSQL target, set aside for the load and built once after it,
 * as restore tools do (ADR 0037): a million rows appended to a table without indexes and then indexed in one sort per
 * index cost a fraction of a million index insertions and foreign-key lookups, which slow down as the indexes grow.
 * Everything happens in the caller's transaction, so a failed copy brings back the indexes and keys as they were.
 *
 * <p>The definitions are read from the catalog just before they are dropped ({@code pg_get_indexdef},
 * {@code pg_get_constraintdef}), so what is rebuilt is exactly what the target had, as its migrations made it, and
 * cannot drift from them. Set aside: every foreign key on or into the tables, their primary keys, unique and exclusion
 * constraints, and every other index. Check and not-null constraints stay: they cost one expression per row. Not
 * thread-safe; one per copy.
 */
final class DeferredIndexes {
    /** Constraints to re-add, in an order that works: keys before the foreign keys that need them. */
    private final List<String> constraints = new ArrayList<>();

    private final List<String> indexes = new ArrayList<>();
    private final Connection connection;

    private DeferredIndexes(Connection connection) {
        this.connection = connection;
    }

    /**
     * Notes and drops the indexes and keys of {@code tables}; call under the copy's lock, before the load.
     *
     * @param tables names the code itself chose, in the current schema
     */
    static DeferredIndexes setAside(Connection connection, List<String> tables) throws SQLException {
        DeferredIndexes deferred = new DeferredIndexes(connection);
        Array names = connection.createArrayOf("text", tables.toArray());
        List<String> drops = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid),"
                        + " c.contype = 'f'"
                        + " FROM pg_constraint c"
                        + " WHERE c.contype IN ('f', 'p', 'u', 'x')"
                        + " AND (c.conrelid = ANY (SELECT to_regclass(t) FROM unnest(?::text[]) t)"
                        + " OR c.confrelid = ANY (SELECT to_regclass(t) FROM unnest(?::text[]) t))"
                        // Foreign keys are dropped first: they depend on the keys they reference.
                        + " ORDER BY c.contype = 'f' DESC, 1, 2")) {
            query.setArray(1, names);
            query.setArray(2, names);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String name = rs.getString(2);
                    drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
                    String add = "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + rs.getString(3);
                    (rs.getBoolean(4) ? foreignKeys : keys).add(add);
                }
            }
        }
        deferred.constraints.addAll(keys);
        deferred.constraints.addAll(foreignKeys);
        // Indexes that no key owns (those go and come back with their key; a foreign key's conindid is the index of
        // the key it references, which it does not own).
        try (PreparedStatement query = connection.prepareStatement("SELECT i.indexrelid::regclass::text,"
                + " pg_get_indexdef(i.indexrelid)"
                + " FROM pg_index i"
                + " WHERE i.indrelid = ANY (SELECT to_regclass(t) FROM unnest(?::text[]) t)"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype <> 'f')"
                + " ORDER BY 1")) {
            query.setArray(1, names);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    drops.add("DROP INDEX " + rs.getString(1));
                    deferred.indexes.add(rs.getString(2));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
        return deferred;
    }

    /**
     * Builds the indexes and keys again, indexes first so that the foreign keys' checks can use them. A row that
     * breaks a key fails the copy here, named by PostgreSQL (the engine's own reference checks should have refused it
     * before the load).
     */
    void rebuild() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String index : indexes) {
                statement.execute(index);
            }
            for (String constraint : constraints) {
                try {
                    statement.execute(constraint);
                } catch (SQLException e) {
                    throw new CopyException(
                            CopyException.Reason.VERIFICATION_FAILED,
                            "the copied rows break a key of the target, so the copy was rolled back: " + e.getMessage(),
                            e);
                }
            }
        }
    }
}
