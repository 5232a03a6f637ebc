package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.cleanblog.persistence.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database at schema version 1 whose HTML no sanitiser saw (as the first release's copy-db imported it) has that HTML
 * re-sanitised when the library migrates it, and nothing else changed (ADR 0013); on each dialect.
 */
abstract class StoredHtmlMigrationContract {
    private static final String HOSTILE =
            "<script>alert(1)</script><p>ok</p><meta http-equiv=refresh content=\"0;url=https://evil.example\">";
    private static final String UPDATED_AT = "2024-01-02T03:04:05.123456Z";

    private final Dialect dialect;
    private TestDatabase database;

    StoredHtmlMigrationContract(Dialect dialect) {
        this.dialect = dialect;
    }

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(dialect, getClass().getSimpleName());
    }

    @AfterEach
    void removeDatabase() {
        database.close();
    }

    @Test
    void shouldSanitiseEveryRowOfTablesLargerThanOnePage() throws SQLException {
        migrateToVersion1(BlogDatabaseOptions.DEFAULT_HISTORY_TABLE);
        int comments = 1_201; // the migration reads 500 rows at a time: three pages, the last one partly filled
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            insertUserAndPost(connection, "<p>post</p>");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO comments (post_id, author_id,"
                    + " body, body_html, created_at) VALUES (1, 1, 'x', ?, '" + UPDATED_AT + "')")) {
                for (int i = 0; i < comments; i++) {
                    insert.setString(1, i % 2 == 0 ? HOSTILE : "<p>ok</p>");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }

        database.open().close();

        assertThat(rows("SELECT body_html, count(*) FROM comments GROUP BY body_html"))
                .containsExactly("<p>ok</p>|" + comments);
    }

    @Test
    void shouldSanitiseTheHtmlOfADatabaseOfTheFirstRelease() throws SQLException {
        // The first release kept its history in Flyway's default table: opening moves it, then migrates.
        shouldSanitiseStoredHtmlWhenMigratingFromVersion1("flyway_schema_history");
    }

    @Test
    void shouldSanitiseTheHtmlOfADatabaseAtVersion1() throws SQLException {
        shouldSanitiseStoredHtmlWhenMigratingFromVersion1(BlogDatabaseOptions.DEFAULT_HISTORY_TABLE);
    }

    private void migrateToVersion1(String historyTable) {
        Flyway.configure()
                .dataSource(database.jdbcUrl(), null, null)
                .locations("classpath:db/cleanblog/" + dialect.id())
                .table(historyTable)
                .target("1")
                .load()
                .migrate();
    }

    /** User 1 and post 1, straight with SQL as the first release's copy-db wrote them. */
    private void insertUserAndPost(Connection connection, String bodyHtml) throws SQLException {
        String isAdmin = dialect == Dialect.SQLITE ? "0" : "false";
        execute(
                connection,
                "INSERT INTO users (id, email, email_normalized, name, password_hash, is_admin, created_at,"
                        + " sessions_valid_from) VALUES (1, 'ada@example.org', 'ada@example.org', 'Ada', 'hash', "
                        + isAdmin
                        + ", '" + UPDATED_AT + "', '" + UPDATED_AT + "')");
        insertPost(connection, 1, bodyHtml);
    }

    private static void insertPost(Connection connection, long id, String bodyHtml) throws SQLException {
        execute(
                connection,
                "INSERT INTO posts (id, author_id, title, subtitle, img_url, body, body_html, created_at,"
                        + " updated_at) VALUES (" + id + ", 1, 'Title', 'sub', 'https://example.org/a.png', 'x', '"
                        + bodyHtml
                        + "', '" + UPDATED_AT + "', '" + UPDATED_AT + "')");
    }

    private void shouldSanitiseStoredHtmlWhenMigratingFromVersion1(String historyTable) throws SQLException {
        migrateToVersion1(historyTable);
        try (Connection connection = database.connect()) {
            insertUserAndPost(connection, HOSTILE);
            insertPost(connection, 2, "<p>clean</p>");
            execute(
                    connection,
                    "INSERT INTO comments (id, post_id, author_id, body, body_html, created_at)"
                            + " VALUES (1, 1, 1, 'x', '" + HOSTILE + "', '" + UPDATED_AT + "')");
        }
        List<String> before = rows("SELECT id, title, body, created_at, updated_at FROM posts ORDER BY id");
        List<String> countsBefore = rows("SELECT table_name, row_count FROM row_counts ORDER BY table_name");

        try (BlogDatabase db = database.open()) {
            String post = db.posts().findById(1).orElseThrow().bodyHtml();
            String comment = db.comments().findByPost(1).get(0).bodyHtml();
            for (String html : List.of(post, comment)) {
                assertThat(html).isEqualTo("<p>ok</p>").doesNotContain("script", "meta", "refresh");
            }
            assertThat(db.posts().findById(2).orElseThrow().bodyHtml()).isEqualTo("<p>clean</p>");
            assertThat(db.posts().count()).isEqualTo(2);
            assertThat(db.users().count()).isEqualTo(1);
        }

        assertThat(rows("SELECT id, title, body, created_at, updated_at FROM posts ORDER BY id"))
                .isEqualTo(before);
        assertThat(rows("SELECT table_name, row_count FROM row_counts ORDER BY table_name"))
                .isEqualTo(countsBefore);
        assertThat(rows("SELECT body_html FROM comments")).containsExactly("<p>ok</p>");
        assertThat(rows("SELECT version FROM cleanblog_schema_history WHERE success AND version IS NOT NULL"
                        + " ORDER BY installed_rank"))
                .containsExactly("1", "2", "3", "5", "6");
        // V6 numbered the posts that were there, oldest first (ADR 0033).
        assertThat(rows("SELECT position FROM posts ORDER BY created_at, id")).containsExactly("1", "2");
    }

    /** Each row of {@code sql} as its columns' text joined by '|'. */
    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
