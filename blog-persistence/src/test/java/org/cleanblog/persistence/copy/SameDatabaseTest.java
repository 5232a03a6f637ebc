package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One database reached by two different URLs is refused before anything is migrated, locked or cleared. */
class SameDatabaseTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldRefuseToCopyADatabaseOntoItselfUnderAnotherUrlEvenWithReplace(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect, "samedb")) {
            try (BlogDatabase blog = db.open()) {
                CopyTestData.writeBlog(blog);
            }
            Map<String, List<List<Object>>> before = CopyTestData.readAll(db);

            CopyException refused = catchThrowableOfType(
                    CopyException.class,
                    () -> BlogCopy.from(db.jdbcUrl(), null, null)
                            .to(otherSpelling(db), null, null)
                            .replace(true)
                            .run());

            assertThat(refused.reason()).isEqualTo(CopyException.Reason.SAME_DATABASE);
            assertThat(refused).hasMessageContaining("reach the same database").hasMessageNotContaining("--");
            assertThat(CopyTestData.readAll(db)).isEqualTo(before);
        }
    }

    @Test
    void shouldTellTwoSchemasOfOnePostgresDatabaseApart() throws Exception {
        try (TestDatabase source = TestDatabase.postgresql("sameserver1");
                TestDatabase target = TestDatabase.postgresql("sameserver2")) {
            try (BlogDatabase blog = source.open()) {
                CopyTestData.writeBlog(blog);
            }

            assertThat(CopyTestData.copy(source, target).run().verified()).isTrue();
        }
    }

    @Test
    void shouldRecogniseASqliteFileThroughASymbolicLink() throws Exception {
        try (TestDatabase db = TestDatabase.sqlite()) {
            db.open().close();
            Path file = Path.of(db.jdbcUrl().substring("jdbc:sqlite:".length()));
            Path link = Files.createSymbolicLink(file.resolveSibling("link.db"), file);

            CopyException refused = catchThrowableOfType(
                    CopyException.class,
                    () -> BlogCopy.from("jdbc:sqlite:" + link, null, null)
                            .to(db.jdbcUrl(), null, null)
                            .replace(true)
                            .run());

            assertThat(refused.reason()).isEqualTo(CopyException.Reason.SAME_DATABASE);
        }
    }

    /** The same database under a URL that differs as a string. */
    private static String otherSpelling(TestDatabase db) {
        if (db.dialect() == Dialect.SQLITE) {
            Path file = Path.of(db.jdbcUrl().substring("jdbc:sqlite:".length()));
            return "jdbc:sqlite:" + file.getParent().resolve(".").resolve(file.getFileName());
        }
        return db.jdbcUrl() + "&ApplicationName=copy-db-test";
    }
}
