package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The row_counts line of the report checks what the target's triggers counted (SQLite) or that they are in place and
 * enabled (PostgreSQL, whose triggers the load disables, ADR 0037), not a count against itself.
 */
class RowCountVerificationTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldReportWhatTheTriggersCountedWhenReplacingATargetWithData(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "countsource");
                TestDatabase target = TestDatabase.create(dialect, "counttarget")) {
            fill(source);
            fill(target);

            CopyReport report = CopyTestData.copy(source, target).replace(true).run();

            assertThat(report.tables()).last().satisfies(counts -> {
                assertThat(counts.table()).isEqualTo("row_counts");
                assertThat(counts.matches()).isTrue();
                // users 2 + posts 2 + contact_messages 1, from count(*) and from the triggers
                assertThat(counts.sourceRows()).isEqualTo(5);
                assertThat(counts.targetRows()).isEqualTo(5);
            });
            assertThat(CopyTestData.rowCounts(target))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("users", 2L, "posts", 2L, "contact_messages", 1L));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldFailVerificationAndRollBackWhenATargetDoesNotCountInsertedRows(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "nocountsource");
                TestDatabase target = TestDatabase.create(dialect, "nocounttarget")) {
            fill(source);
            target.open().close();
            execute(target, dialect == Dialect.SQLITE ? "DROP TRIGGER posts_row_count_insert" : dropPostgres());

            assertFailsAndLeavesTheTargetAsItWas(CopyTestData.copy(source, target), target, "counts inserted rows");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldFailVerificationWhenATargetDoesNotCountTheRowsReplaceDeletes(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "noclearsource");
                TestDatabase target = TestDatabase.create(dialect, "nocleartarget")) {
            fill(source);
            fill(target);
            // PostgreSQL clears with TRUNCATE, which only the statement trigger sees; SQLite deletes row by row.
            execute(
                    target,
                    dialect == Dialect.SQLITE
                            ? "DROP TRIGGER posts_row_count_delete"
                            : "DROP TRIGGER posts_row_count_truncate ON posts");

            assertFailsAndLeavesTheTargetAsItWas(
                    CopyTestData.copy(source, target).replace(true), target, "resets the count on TRUNCATE");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldRepairCountsThatWereWrongBeforeTheCopyWithoutFailingIt(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "driftsource");
                TestDatabase target = TestDatabase.create(dialect, "drifttarget")) {
            fill(source);
            fill(target);
            // As a data-only restore with triggers disabled, or a hand edit, leaves them.
            execute(target, "UPDATE row_counts SET row_count = row_count + 4 WHERE table_name = 'posts'");

            CopyReport report = CopyTestData.copy(source, target).replace(true).run();

            assertThat(report.verified()).isTrue();
            assertThat(CopyTestData.rowCounts(target)).containsEntry("posts", 2L);
        }
    }

    /**
     * SQLite's triggers count during the load, so the copy finds their count wrong; PostgreSQL's are disabled during
     * the load (ADR 0037), so the copy finds {@code postgresLacks} missing from the catalog.
     */
    private static void assertFailsAndLeavesTheTargetAsItWas(BlogCopy copy, TestDatabase target, String postgresLacks)
            throws Exception {
        Map<String, List<List<Object>>> before = CopyTestData.readAll(target);
        Map<String, Long> countsBefore = CopyTestData.rowCounts(target);

        CopyException failure = catchThrowableOfType(CopyException.class, copy::run);

        assertThat(failure.reason()).isEqualTo(CopyException.Reason.VERIFICATION_FAILED);
        assertThat(failure)
                .hasMessageContaining("rolled back")
                .hasMessageContaining(
                        target.dialect() == Dialect.SQLITE
                                ? "posts holds 2 rows, but its row_counts triggers counted"
                                : "posts holds 2 rows, but no enabled row_counts trigger " + postgresLacks)
                .hasMessageContaining("missing or disabled");
        assertThat(failure.report().orElseThrow().tables())
                .filteredOn(t -> !t.matches())
                .extracting(TableReport::table)
                .containsExactly("row_counts");
        assertThat(CopyTestData.readAll(target)).isEqualTo(before);
        assertThat(CopyTestData.rowCounts(target)).isEqualTo(countsBefore);
    }

    private static String dropPostgres() {
        // One trigger counts both inserts and deletes on PostgreSQL; only the insert half is lost here.
        return "DROP TRIGGER posts_row_count ON posts;"
                + " CREATE TRIGGER posts_row_count AFTER DELETE ON posts FOR EACH ROW EXECUTE FUNCTION"
                + " row_counts_track()";
    }

    private static void fill(TestDatabase db) {
        try (BlogDatabase blog = db.open()) {
            CopyTestData.writeBlog(blog);
        }
    }

    private static void execute(TestDatabase db, String sql) throws Exception {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
