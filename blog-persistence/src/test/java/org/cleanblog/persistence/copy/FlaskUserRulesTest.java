package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Tutorial users who could never log in, or who break the blog's own rules, are rejected with a reason. */
class FlaskUserRulesTest {
    private static final String VALID_HASH = "'pbkdf2:sha256:1$a$" + "c".repeat(64) + "'";

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("org.cleanblog.persistence.copy.CopyTestData#sourceAndTarget")
    void shouldRejectUsersWhoCouldNeverLogInAndStripSpacesAsRegistrationDoes(Dialect from, Dialect dialect)
            throws Exception {
        try (TestDatabase flask = CopyTestData.flaskBlog(
                        from,
                        user(3, "'bob'", VALID_HASH, "'Bob'"),
                        // Shortened to fit the tutorial's VARCHAR(100), which PostgreSQL enforces: the prefix decides.
                        user(4, "'s@example.org'", "'scrypt:32768:8:1$salt$" + "ab".repeat(32) + "'", "'Scrypt'"),
                        user(5, "'m@example.org'", "'pbkdf2:sha256:260000$salt$tooshort'", "'Malformed'"),
                        user(6, "'blank@example.org'", VALID_HASH, "'   '"),
                        user(7, "'  Spaced@Example.org '", VALID_HASH, "' Spaced Name  '"),
                        // Each login attempt on it would cost minutes of CPU (issue 9, 1.5).
                        user(8, "'costly@example.org'", "'pbkdf2:sha256:100000000$salt$" + "c".repeat(64) + "'", "'C'"),
                        "DELETE FROM comments WHERE post_id IS NULL");
                TestDatabase target = TestDatabase.create(dialect, "flaskusers")) {
            CopyReport report = CopyTestData.copy(flask, target)
                    .skipInvalid(folder.resolve("rejects.jsonl"))
                    .run();

            assertThat(report.verified()).isTrue();
            Map<Long, String> reasons = rejectsOf(flask);
            assertThat(reasons).containsOnlyKeys(3L, 4L, 5L, 6L, 8L);
            assertThat(reasons.get(3L)).contains("email 'bob' is not an e-mail address");
            assertThat(reasons.get(4L))
                    .contains("password is a scrypt hash", "cannot verify", "must be given a new password");
            assertThat(reasons.get(5L)).contains("password is not a pbkdf2:sha256", "could never log in");
            assertThat(reasons.get(6L)).contains("name must not be empty");
            assertThat(reasons.get(8L))
                    .contains("password hash has 100000000 iterations, more than the 1200000", "could never log in");
            try (BlogDatabase blog = target.open()) {
                User spaced = blog.users().findById(7).orElseThrow();
                assertThat(spaced.email()).isEqualTo("Spaced@Example.org");
                assertThat(spaced.name()).isEqualTo("Spaced Name");
                assertThat(blog.users().findByEmail("spaced@example.org")).isPresent();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldApplyTheSameRulesToOurOwnSchema(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "ownusers");
                TestDatabase target = TestDatabase.create(dialect, "ownuserstarget")) {
            try (BlogDatabase blog = source.open()) {
                CopyTestData.writeBlog(blog);
            }
            try (var connection = source.connect();
                    var statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE users SET password_hash = 'scrypt:32768:8:1$x$y' WHERE id = 2");
            }

            CopyException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                    CopyException.class, () -> CopyTestData.copy(source, target).run());

            assertThat(failure.reason()).isEqualTo(CopyException.Reason.INVALID_ROWS);
            assertThat(failure.rejects()).first().satisfies(r -> {
                assertThat(r.table() + " " + r.id()).isEqualTo("users 2");
                assertThat(r.reason()).contains("scrypt");
            });
        }
    }

    private static String user(long id, String email, String hash, String name) {
        return "INSERT INTO users (id, email, password, name) VALUES (" + id + ", " + email + ", " + hash + ", " + name
                + ")";
    }

    /** Reasons by user id, from a second run that lists the rejects (the same source gives the same list). */
    private static Map<Long, String> rejectsOf(TestDatabase flask) throws Exception {
        try (TestDatabase scratch = TestDatabase.sqlite()) {
            CopyException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                    CopyException.class, () -> CopyTestData.copy(flask, scratch).run());
            List<Reject> rejects = failure.rejects();
            return rejects.stream()
                    .filter(r -> r.table().equals("users"))
                    .collect(Collectors.toMap(Reject::id, Reject::reason));
        }
    }
}
