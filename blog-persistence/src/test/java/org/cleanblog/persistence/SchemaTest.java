package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleanblog.core.contact.NewContactMessage;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
import org.cleanblog.persistence.testing.TestClock;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The two migrations describe one schema: same tables and columns (the web app and copy-db rely on the names), the
 * PostgreSQL lengths of blog-core's limits, and the documented encodings of times and booleans in SQLite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaTest {
    private static final List<String> TABLES = List.of("users", "posts", "comments", "contact_messages", "row_counts");

    private TestDatabase sqlite;
    private TestDatabase postgresql;

    @BeforeAll
    void migrateBoth() {
        sqlite = TestDatabase.sqlite();
        postgresql = TestDatabase.postgresql("schema");
        sqlite.open().close();
        postgresql.open().close();
    }

    @AfterAll
    void removeBoth() {
        sqlite.close();
        postgresql.close();
    }

    @Test
    void shouldHaveTheSameColumnsInTheSameOrderOnBothDialects() throws SQLException {
        for (String table : TABLES) {
            assertThat(columns(postgresql, table)).as(table).isNotEmpty().isEqualTo(columns(sqlite, table));
        }
        assertThat(columns(sqlite, "users"))
                .containsExactly(
                        "id",
                        "email",
                        "email_normalized",
                        "name",
                        "password_hash",
                        "is_admin",
                        "created_at",
                        "sessions_valid_from");
    }

    @Test
    void shouldLimitPostgresqlTextColumnsToTheLimitsOfTheRecords() throws SQLException {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        try (Connection connection = postgresql.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name, column_name, character_maximum_length"
                        + " FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND data_type = 'character varying' AND table_name <> 'cleanblog_schema_history'")) {
            while (rows.next()) {
                lengths.put(rows.getString(1) + "." + rows.getString(2), rows.getInt(3));
            }
        }

        assertThat(lengths)
                .containsOnly(
                        Map.entry("users.email", Email.MAX_LENGTH),
                        Map.entry("users.email_normalized", Email.MAX_LENGTH),
                        Map.entry("users.name", NewUser.MAX_NAME_LENGTH),
                        Map.entry("users.password_hash", NewUser.MAX_HASH_LENGTH),
                        Map.entry("posts.title", PostContent.MAX_TITLE_LENGTH),
                        Map.entry("posts.subtitle", PostContent.MAX_SUBTITLE_LENGTH),
                        Map.entry("posts.img_url", PostContent.MAX_IMG_URL_LENGTH),
                        Map.entry("contact_messages.name", NewContactMessage.MAX_NAME_LENGTH),
                        Map.entry("contact_messages.email", Email.MAX_LENGTH),
                        Map.entry("contact_messages.phone", NewContactMessage.MAX_PHONE_LENGTH),
                        Map.entry("contact_messages.message", NewContactMessage.MAX_MESSAGE_LENGTH),
                        Map.entry("row_counts.table_name", 50));
    }

    @Test
    void shouldUseIdentityIdsTimestamptzAndBooleanOnPostgresql() throws SQLException {
        try (Connection connection = postgresql.connect();
                PreparedStatement query = connection.prepareStatement("SELECT data_type, identity_generation"
                        + " FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = ? AND column_name = ?")) {
            assertThat(column(query, "posts", "id")).containsExactly("bigint", "BY DEFAULT");
            assertThat(column(query, "comments", "created_at")).containsExactly("timestamp with time zone", null);
            assertThat(column(query, "users", "is_admin")).containsExactly("boolean", null);
        }
    }

    @Test
    void shouldStoreSqliteTimesAsFixedWidthUtcTextAndBooleansAsZeroOrOne() throws SQLException {
        TestClock clock = new TestClock(Instant.parse("2024-07-08T09:10:11.5Z"), Duration.ofMillis(1));
        try (BlogDatabase db = sqlite.open(clock)) {
            db.users().create(newUser("Admin@Example.org"));
            db.users().create(newUser("second@example.org"));
        }

        try (Connection connection = sqlite.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT created_at, typeof(created_at), is_admin,"
                        + " typeof(is_admin), email_normalized FROM users ORDER BY id")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("2024-07-08T09:10:11.500000Z");
            assertThat(rows.getString(2)).isEqualTo("text");
            assertThat(rows.getInt(3)).isEqualTo(1);
            assertThat(rows.getString(4)).isEqualTo("integer");
            assertThat(rows.getString(5)).isEqualTo("admin@example.org");
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("2024-07-08T09:10:11.501000Z");
            assertThat(rows.getInt(3)).isZero();
        }
    }

    private static List<String> column(PreparedStatement query, String table, String column) throws SQLException {
        query.setString(1, table);
        query.setString(2, column);
        try (ResultSet rows = query.executeQuery()) {
            assertThat(rows.next()).as(table + "." + column).isTrue();
            List<String> values = new ArrayList<>();
            values.add(rows.getString(1));
            values.add(rows.getString(2));
            return values;
        }
    }

    private static List<String> columns(TestDatabase database, String table) throws SQLException {
        String sql = database.dialect() == Dialect.SQLITE
                ? "SELECT name FROM pragma_table_info(?) ORDER BY cid"
                : "SELECT column_name FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position";
        List<String> names = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
