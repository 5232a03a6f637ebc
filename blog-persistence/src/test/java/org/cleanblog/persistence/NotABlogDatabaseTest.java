package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.cleanblog.core.BlogException;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a database that is not ours, or a SQLite file whose folder is missing, fails early and says why. */
class NotABlogDatabaseTest {
    @Test
    void shouldRefuseWithoutMigratingASqliteFileWithTheFlaskTutorialsTables() throws Exception {
        try (TestDatabase sqlite = TestDatabase.sqlite()) {
            try (Connection connection = sqlite.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100))");
                statement.execute("CREATE TABLE blog_posts (id INTEGER PRIMARY KEY, title VARCHAR(250))");
                statement.execute("CREATE TABLE comments (id INTEGER PRIMARY KEY, text TEXT)");
            }

            NotABlogDatabaseException refused = catchThrowableOfType(NotABlogDatabaseException.class, sqlite::open);

            assertThat(refused.tables()).containsExactly("blog_posts", "comments", "users");
            assertThat(refused.conflicting()).containsExactly("comments", "users");
            assertThat(refused)
                    .hasMessageStartingWith(sqlite.jdbcUrl() + " already holds tables named like the blog's (comments,"
                            + " users) but no Clean Blog schema history in the table cleanblog_schema_history")
                    .hasMessageContaining("Flask tutorial")
                    .hasMessageContaining("copy-db");
            try (Connection connection = sqlite.connect();
                    Statement statement = connection.createStatement()) {
                assertThat(tableCount(
                                statement,
                                "SELECT count(*) FROM sqlite_master WHERE name = " + "'cleanblog_schema_history'"))
                        .isZero();
            }
        }
    }

    @Test
    void shouldRefuseAPostgresqlSchemaWithATableOfTheBlogsNamesAndNameNoCredentials() throws Exception {
        try (TestDatabase postgresql = TestDatabase.postgresql("notablog")) {
            try (Connection connection = postgresql.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY)");
                statement.execute("CREATE TABLE posts (id BIGINT PRIMARY KEY)");
            }

            NotABlogDatabaseException refused = catchThrowableOfType(NotABlogDatabaseException.class, postgresql::open);

            assertThat(refused.tables()).containsExactly("invoices", "posts");
            assertThat(refused.conflicting()).containsExactly("posts");
            assertThat(refused)
                    .hasMessageContaining("already holds tables named like the blog's (posts) but no Clean Blog schema"
                            + " history in the table cleanblog_schema_history")
                    .hasMessageContaining("schema(\"blog\")")
                    .hasMessageContaining("historyTable(")
                    .hasMessageStartingWith("jdbc:postgresql:")
                    .hasMessageNotContaining("Flask")
                    .hasMessageNotContaining("password");
            try (Connection connection = postgresql.connect();
                    Statement statement = connection.createStatement()) {
                assertThat(
                                tableCount(
                                        statement,
                                        "SELECT count(*) FROM information_schema.tables"
                                                + " WHERE table_schema = current_schema() AND table_name = 'cleanblog_schema_history'"))
                        .isZero();
            }
        }
    }

    @Test
    void shouldOpenBesideAProgramsOwnTablesAndLeaveThemAlone() throws Exception {
        try (TestDatabase sqlite = TestDatabase.sqlite()) {
            try (Connection connection = sqlite.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
                statement.execute("INSERT INTO invoices VALUES (7)");
            }

            sqlite.open().close();

            try (Connection connection = sqlite.connect();
                    Statement statement = connection.createStatement()) {
                assertThat(tableCount(statement, "SELECT count(*) FROM invoices WHERE id = 7"))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void shouldNameTheMissingFolderOfASqliteFileAndCreateNothing(@TempDir Path folder) {
        Path missing = folder.resolve("data");

        BlogException refused = catchThrowableOfType(
                BlogException.class, () -> BlogDatabase.open("jdbc:sqlite:" + missing.resolve("blog.db"), null, null));

        assertThat(refused)
                .hasMessageStartingWith("the folder " + missing + " for the SQLite file blog.db does not exist")
                .hasMessageContaining("create it, or fix the path");
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void shouldNameTheMissingFolderOfARelativeSqlitePathAbsolutely() {
        Path missing =
                Path.of("no-such-folder-" + ProcessHandle.current().pid()).toAbsolutePath();

        BlogException refused = catchThrowableOfType(
                BlogException.class,
                () -> BlogDatabase.open("jdbc:sqlite:" + missing.getFileName() + "/blog.db?x=1", null, null));

        assertThat(refused).hasMessageStartingWith("the folder " + missing + " for the SQLite file blog.db");
    }

    private static long tableCount(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
