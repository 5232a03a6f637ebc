package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.cleanblog.core.contact.NewContactMessage;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A cookie the replaced target issued for its user N must not log in as the source's user N (ADR 0010): --replace
 * onto a target that held users starts every copied user's sessions at the copy time.
 */
class SessionsResetTest {
    private static final Clock CREATED = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** When the old target issued a session for its own user 1. */
    private static final Instant OLD_TARGET_SESSION = Instant.parse("2021-06-01T12:00:00Z");

    @ParameterizedTest(name = "into {0}")
    @EnumSource(Dialect.class)
    void shouldRefuseTheOldTargetsSessionsWhenReplacingATargetThatHeldUsers(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "sessionsource");
                TestDatabase target = TestDatabase.create(dialect, "sessiontarget")) {
            try (BlogDatabase blog = source.open(CREATED)) {
                CopyTestData.writeBlog(blog);
                assertThat(blog.users().findById(1).orElseThrow().acceptsSessionIssuedAt(OLD_TARGET_SESSION))
                        .as("the hole: the source's user 1 accepts the old target's session as it stands")
                        .isTrue();
            }
            try (BlogDatabase blog = target.open(CREATED)) {
                blog.users().create(Fixtures.newUser("staging@example.org"));
            }

            CopyReport report = CopyTestData.replacing(source, target).run();

            assertThat(report.verified()).isTrue();
            try (BlogDatabase blog = target.open()) {
                User admin = blog.users().findById(1).orElseThrow();
                assertThat(admin.admin()).isTrue();
                assertThat(admin.acceptsSessionIssuedAt(OLD_TARGET_SESSION)).isFalse();
                assertThat(admin.acceptsSessionIssuedAt(CopyTestData.COPIED_AT)).isTrue();
            }
            assertThat(CopyTestData.readAll(target))
                    .isEqualTo(CopyTestData.withSessionsFrom(CopyTestData.readAll(source), CopyTestData.COPIED_AT));
        }
    }

    @ParameterizedTest(name = "into {0}")
    @EnumSource(Dialect.class)
    void shouldKeepSessionsWhenTheTargetHeldNoUser(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "sessionsource");
                TestDatabase target = TestDatabase.create(dialect, "sessiontarget");
                TestDatabase empty = TestDatabase.create(dialect, "sessionempty")) {
            try (BlogDatabase blog = source.open(CREATED)) {
                CopyTestData.writeBlog(blog);
            }
            try (BlogDatabase blog = target.open()) {
                blog.contactMessages()
                        .create(new NewContactMessage("V", new Email("v@example.org"), "+1 555", "no user here"));
            }

            assertThat(CopyTestData.replacing(source, target).run().verified()).isTrue();
            assertThat(CopyTestData.replacing(source, empty).run().verified()).isTrue();

            Map<String, List<List<Object>>> original = CopyTestData.readAll(source);
            assertThat(CopyTestData.readAll(target)).isEqualTo(original);
            assertThat(CopyTestData.readAll(empty)).isEqualTo(original);
            try (BlogDatabase blog = target.open()) {
                assertThat(blog.users().findById(1).orElseThrow().sessionsValidFrom())
                        .isEqualTo(CREATED.instant());
            }
        }
    }

    @ParameterizedTest(name = "into {0}")
    @EnumSource(Dialect.class)
    void shouldFailVerificationWhenAUsersSessionsDoNotStartAtTheCopyTime(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "sessionsource");
                TestDatabase target = TestDatabase.create(dialect, "sessiontarget")) {
            try (BlogDatabase blog = source.open(CREATED)) {
                CopyTestData.writeBlog(blog);
            }
            try (BlogDatabase blog = target.open(CREATED)) {
                blog.users().create(Fixtures.newUser("staging@example.org"));
            }
            keepSessionsOfUser2(target);
            Map<String, List<List<Object>>> before = CopyTestData.readAll(target);

            CopyException failure = catchThrowableOfType(
                    CopyException.class,
                    () -> CopyTestData.replacing(source, target).run());

            assertThat(failure.reason()).isEqualTo(CopyException.Reason.VERIFICATION_FAILED);
            assertThat(failure.report().orElseThrow().tables())
                    .filteredOn(t -> !t.matches())
                    .extracting(TableReport::table)
                    .containsExactly("users");
            assertThat(CopyTestData.readAll(target)).isEqualTo(before);
        }
    }

    /** Undoes any change of user 2's sessions_valid_from, as a misbehaving trigger might. */
    private static void keepSessionsOfUser2(TestDatabase db) throws Exception {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            if (db.dialect() == Dialect.POSTGRESQL) {
                statement.execute("CREATE FUNCTION keep_sessions() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.id = 2 THEN NEW.sessions_valid_from := OLD.sessions_valid_from; END IF;"
                        + " RETURN NEW; END $$");
                statement.execute("CREATE TRIGGER keep_sessions BEFORE UPDATE ON users FOR EACH ROW"
                        + " EXECUTE FUNCTION keep_sessions()");
            } else {
                statement.execute("CREATE TRIGGER keep_sessions AFTER UPDATE OF sessions_valid_from ON users"
                        + " WHEN NEW.id = 2 BEGIN"
                        + " UPDATE users SET sessions_valid_from = OLD.sessions_valid_from WHERE id = 2; END");
            }
        }
    }
}
