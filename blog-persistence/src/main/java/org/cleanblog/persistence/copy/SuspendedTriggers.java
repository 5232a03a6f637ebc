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
 * The user triggers of the copied tables on a PostgreSQL target, disabled for the load and enabled again after it,
 * each as it was (ADR 0037). A row trigger that updates one row per loaded row makes that row's versions pile up
 * inside the one transaction, each update slower than the last: {@code row_counts}' triggers took seconds for 10,000
 * posts. What they maintain is derived and rebuilt once after the load ({@link KeptRowCounts#recompute()}; the
 * content version was bumped by the {@code TRUNCATE} before the triggers were disabled). Internal triggers (those
 * that enforce foreign keys) are not touched: the keys themselves are set aside ({@link DeferredIndexes}). Inside
 * the caller's transaction, so a failed copy leaves every trigger as it was. Not thread-safe; one per copy.
 */
final class SuspendedTriggers {
    private final Connection connection;

    /** {@code ALTER TABLE} statements that give each disabled trigger its old state back. */
    private final List<String> restores = new ArrayList<>();

    private SuspendedTriggers(Connection connection) {
        this.connection = connection;
    }

    /**
     * Disables every enabled user trigger of {@code tables}; call under the copy's lock, after the tables were
     * cleared.
     *
     * @param tables names the code itself chose, in the current schema
     */
    static SuspendedTriggers suspend(Connection connection, List<String> tables) throws SQLException {
        SuspendedTriggers suspended = new SuspendedTriggers(connection);
        Array names = connection.createArrayOf("text", tables.toArray());
        List<String> disables = new ArrayList<>();
        try (PreparedStatement query =
                connection.prepareStatement("SELECT t.tgrelid::regclass::text, quote_ident(t.tgname), t.tgenabled::text"
                        + " FROM pg_trigger t"
                        + " WHERE NOT t.tgisinternal AND t.tgenabled <> 'D'"
                        + " AND t.tgrelid = ANY (SELECT to_regclass(n) FROM unnest(?::text[]) n)"
                        + " ORDER BY 1, 2")) {
            query.setArray(1, names);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String trigger = rs.getString(2);
                    String mode = switch (rs.getString(3)) {
                        case "A" -> "ENABLE ALWAYS";
                        case "R" -> "ENABLE REPLICA";
                        default -> "ENABLE";
                    };
                    disables.add("ALTER TABLE " + table + " DISABLE TRIGGER " + trigger);
                    suspended.restores.add("ALTER TABLE " + table + " " + mode + " TRIGGER " + trigger);
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String disable : disables) {
                statement.execute(disable);
            }
        }
        return suspended;
    }

    /** Enables the triggers again, each as it was before {@link #suspend}. */
    void restore() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String restore : restores) {
                statement.execute(restore);
            }
        }
    }
}
