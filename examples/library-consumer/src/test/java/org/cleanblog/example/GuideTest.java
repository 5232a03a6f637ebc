package org.cleanblog.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.cleanblog.core.BlogException;
import org.cleanblog.core.StorageException;
import org.cleanblog.core.comment.Comment;
import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.post.PostSummary;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The guide's snippets, run on both dialects with the library's published test support: {@link TestDatabase} gives an
 * empty SQLite file or PostgreSQL schema per test, so swapping dialects is a parameter.
 */
class GuideTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldStoreSanitisedCommentsAndPageBeyondTheEnd(Dialect dialect) {
        try (TestDatabase database = TestDatabase.create(dialect, "guide");
                BlogDatabase db = database.open()) {
            User ada = db.users().create(new NewUser(new Email("ada@example.org"), "Ada", "hash"));
            Post post = db.posts().create(ada.id(), new PostContent("Engine", "", "", "x", "<p>x</p>"));
            db.comments()
                    .create(new org.cleanblog.core.comment.NewComment(post.id(), ada.id(), "x", "<script>1</script>"));

            List<Comment> comments = Guide.comment(db, post, ada);
            List<Page<PostSummary>> pages = Guide.pages(db);

            assertThat(comments).extracting(Comment::bodyHtml).containsExactly("", "<p>Lovely <em>engine</em>.</p>");
            assertThat(pages.get(1).items()).extracting(PostSummary::title).containsExactly("Engine");
            assertThat(pages.get(2).items()).isEmpty();
            assertThat(pages.get(2).total()).isEqualTo(1);
            assertThat(pages.get(2).hasNext()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldKeepTheProgramsOwnMigrationsBesideTheBlogsWhenTheyRunFirst(Dialect dialect) throws SQLException {
        try (TestDatabase database = TestDatabase.create(dialect, "own_first")) {
            try (BlogDatabase db = Guide.beside(database.jdbcUrl(), null, null)) {
                db.users().create(new NewUser(new Email("ada@example.org"), "Ada", "hash"));
            }
            try (BlogDatabase again = Guide.beside(database.jdbcUrl(), null, null)) {
                assertThat(again.users().count()).isEqualTo(1);
            }
            assertThat(tables(database))
                    .contains("reading_notes", "flyway_schema_history", "cleanblog_schema_history", "posts");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldKeepTheProgramsOwnMigrationsBesideTheBlogsWhenTheBlogRanFirst(Dialect dialect) throws SQLException {
        try (TestDatabase database = TestDatabase.create(dialect, "blog_first")) {
            try (BlogDatabase db = database.open()) {
                db.users().create(new NewUser(new Email("ada@example.org"), "Ada", "hash"));
            }
            try (BlogDatabase db = Guide.beside(database.jdbcUrl(), null, null)) {
                assertThat(db.users().count()).isEqualTo(1);
            }
            assertThat(tables(database)).contains("reading_notes", "flyway_schema_history", "cleanblog_schema_history");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldOpenWithoutMigratingOnlyAfterTheReleaseStep(Dialect dialect) {
        try (TestDatabase database = TestDatabase.create(dialect, "release")) {
            assertThatThrownBy(
                            () -> BlogDatabase.configure().migrateOnOpen(false).open(database.jdbcUrl(), null, null))
                    .isInstanceOf(BlogException.class)
                    .hasMessageContaining("run the migrations first");

            try (BlogDatabase db = Guide.releaseStep(database.jdbcUrl(), null, null)) {
                assertThat(db.posts().count()).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = "POSTGRESQL")
    void shouldKeepTheBlogInASchemaOfItsOwn(Dialect dialect) throws SQLException {
        try (TestDatabase database = TestDatabase.create(dialect, "schema")) {
            try (BlogDatabase db = Guide.inSchema(database.jdbcUrl(), null, null)) {
                db.users().create(new NewUser(new Email("ada@example.org"), "Ada", "hash"));
            } finally {
                try (Connection connection = database.connect();
                        Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT count(*) FROM blog.users")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                    statement.execute("DROP SCHEMA blog CASCADE");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = "SQLITE")
    void shouldOpenOnAProgramsOwnSqlitePoolAndLeaveItOpen(Dialect dialect) {
        try (TestDatabase database = TestDatabase.create(dialect, "pool");
                HikariDataSource pool = SqlitePool.create(database.jdbcUrl())) {
            BlogDatabase db = Guide.onDataSource(pool);
            db.users().create(new NewUser(new Email("ada@example.org"), "Ada", "hash"));
            db.close();

            assertThat(pool.isClosed()).isFalse();
            assertThatThrownBy(() -> db.users().count())
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("closed");
        }
    }

    private static List<String> tables(TestDatabase database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.connect()) {
            String schema = database.dialect() == Dialect.POSTGRESQL ? connection.getSchema() : null;
            try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return tables;
    }
}
