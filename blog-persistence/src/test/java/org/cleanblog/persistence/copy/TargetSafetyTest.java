package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A copy never half-fills or silently overwrites a target. */
class TargetSafetyTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldRefuseATargetWithDataUnlessReplacing(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "safetysource");
                TestDatabase target = TestDatabase.create(dialect, "safetytarget")) {
            try (BlogDatabase blog = source.open()) {
                CopyTestData.writeBlog(blog);
            }
            try (BlogDatabase blog = target.open()) {
                blog.users().create(Fixtures.newUser("already@example.org"));
            }
            Map<String, List<List<Object>>> before = CopyTestData.readAll(target);

            CopyException refused = catchThrowableOfType(
                    CopyException.class, () -> CopyTestData.copy(source, target).run());

            assertThat(refused.reason()).isEqualTo(CopyException.Reason.TARGET_NOT_EMPTY);
            assertThat(refused)
                    .hasMessageContaining("users: 1 row")
                    .hasMessageNotContaining("1 rows")
                    .hasMessageContaining("replace the target's data")
                    .hasMessageNotContaining("--");
            assertThat(CopyTestData.readAll(target)).isEqualTo(before);

            CopyReport replaced = CopyTestData.replacing(source, target).run();

            assertThat(replaced.verified()).isTrue();
            assertThat(CopyTestData.readAll(target))
                    .isEqualTo(CopyTestData.withSessionsFrom(CopyTestData.readAll(source), CopyTestData.COPIED_AT));
            assertThat(CopyTestData.rowCounts(target))
                    .containsEntry("users", 2L)
                    .containsEntry("posts", 2L);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldLeaveTheTargetAsItWasWhenACopyStopsHalfWayAndSucceedOnTheRerun(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "stopsource");
                TestDatabase target = TestDatabase.create(dialect, "stoptarget")) {
            try (BlogDatabase blog = source.open()) {
                CopyTestData.writeBlog(blog);
            }
            try (BlogDatabase blog = target.open()) {
                blog.users().create(Fixtures.newUser("kept@example.org"));
            }
            Map<String, List<List<Object>>> before = CopyTestData.readAll(target);
            CopyListener stopAfterComments = new CopyListener() {
                @Override
                public void tableFinished(String table, long rowsRead, long rowsWritten) {
                    if (table.equals("comments")) {
                        throw new IllegalStateException("stopped after comments");
                    }
                }
            };

            Throwable stopped = catchThrowableOfType(
                    IllegalStateException.class,
                    () -> CopyTestData.copy(source, target)
                            .replace(true)
                            .listener(stopAfterComments)
                            .run());

            assertThat(stopped).hasMessage("stopped after comments");
            assertThat(CopyTestData.readAll(target)).isEqualTo(before);
            assertThat(CopyTestData.rowCounts(target))
                    .containsEntry("users", 1L)
                    .containsEntry("posts", 0L);

            assertThat(CopyTestData.replacing(source, target).run().verified()).isTrue();
            assertThat(CopyTestData.readAll(target))
                    .isEqualTo(CopyTestData.withSessionsFrom(CopyTestData.readAll(source), CopyTestData.COPIED_AT));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldRefuseASourceThatIsNoBlog(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.sqlite();
                TestDatabase target = TestDatabase.create(dialect, "nosource")) {
            try (Connection connection = source.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
            }

            CopyException refused = catchThrowableOfType(
                    CopyException.class, () -> CopyTestData.copy(source, target).run());

            assertThat(refused.reason()).isEqualTo(CopyException.Reason.UNKNOWN_SOURCE);
            assertThat(refused).hasMessageContaining("its tables are notes");
        }
    }

    @org.junit.jupiter.api.Test
    void shouldCreateNoTargetFileWhenTheSourceIsRefused() throws Exception {
        try (TestDatabase source = TestDatabase.sqlite();
                TestDatabase folder = TestDatabase.sqlite()) {
            try (Connection connection = source.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
            }
            // TestDatabase.sqlite() names a file in a new folder and creates nothing until connected.
            Path targetFile = Path.of(folder.jdbcUrl().substring("jdbc:sqlite:".length()));

            CopyException refused = catchThrowableOfType(
                    CopyException.class,
                    () -> BlogCopy.from(source.jdbcUrl(), null, null)
                            .to(folder.jdbcUrl(), null, null)
                            .run());

            assertThat(refused.reason()).isEqualTo(CopyException.Reason.UNKNOWN_SOURCE);
            assertThat(targetFile.getParent()).isDirectory();
            assertThat(targetFile).doesNotExist();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldKnowEveryTableAndColumnOfAFreshlyMigratedDatabase(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect, "schemacoverage")) {
            db.open().close();
            try (Connection connection = db.connect()) {
                TargetDatabase target = new TargetDatabase(connection, dialect);
                target.checkSchema();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE tags (id INTEGER PRIMARY KEY)");
                }
                CopyException unknown = catchThrowableOfType(CopyException.class, target::checkSchema);
                assertThat(unknown).hasMessageContaining("tables this version of the copy does not know (tags)");
            }
        }
    }
}
