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

    /** Appends to every comment body as it is stored, as a misbehaving trigger or extension might. */
    private static void installTamperingTrigger(TestDatabase db) throws Exception {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            if (db.dialect() == Dialect.POSTGRESQL) {
                statement.execute("CREATE FUNCTION tamper() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN NEW.body := NEW.body || ' (edited)'; RETURN NEW; END $$");
                statement.execute(
                        "CREATE TRIGGER tamper BEFORE INSERT ON comments FOR EACH ROW EXECUTE FUNCTION tamper()");
            } else {
                statement.execute("CREATE TRIGGER tamper AFTER INSERT ON comments BEGIN"
                        + " UPDATE comments SET body = body || ' (edited)' WHERE id = NEW.id; END");
            }
        }
    }
}
