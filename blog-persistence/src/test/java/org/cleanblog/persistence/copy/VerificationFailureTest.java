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

/** The read-back comparison really catches a target that stores something other than what was written. */
class VerificationFailureTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldFailVerificationAndRollBackWhenTheTargetAltersACopiedRow(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "tampersource");
                TestDatabase target = TestDatabase.create(dialect, "tampertarget")) {
            try (BlogDatabase blog = source.open()) {
                CopyTestData.writeBlog(blog);
            }
            target.open().close();
            installTamperingTrigger(target);
            Map<String, List<List<Object>>> before = CopyTestData.readAll(target);

            CopyException failure = catchThrowableOfType(
                    CopyException.class, () -> CopyTestData.copy(source, target).run());

            assertThat(failure.reason()).isEqualTo(CopyException.Reason.VERIFICATION_FAILED);
            assertThat(failure).hasMessageContaining("rolled back");
            CopyReport report = failure.report().orElseThrow();
            assertThat(report.tables())
                    .filteredOn(t -> !t.matches())
                    .extracting(TableReport::table)
                    .containsExactly("comments");
            assertThat(report.format()).contains("DIFFERENT");
            assertThat(CopyTestData.readAll(target)).isEqualTo(before);
        }
    }

    /**
     * Changes every comment body as it is stored. SQLite: a trigger appends to it. PostgreSQL, whose user triggers the
     * copy disables during its load (ADR 0037): the column becomes {@code char(n)}, which pads the body with blanks.
     */
    private static void installTamperingTrigger(TestDatabase db) throws Exception {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            if (db.dialect() == Dialect.POSTGRESQL) {
                statement.execute("ALTER TABLE comments ALTER COLUMN body TYPE char(10000)");
            } else {
                statement.execute("CREATE TRIGGER tamper AFTER INSERT ON comments BEGIN"
                        + " UPDATE comments SET body = body || ' (edited)' WHERE id = NEW.id; END");
            }
        }
    }
}
