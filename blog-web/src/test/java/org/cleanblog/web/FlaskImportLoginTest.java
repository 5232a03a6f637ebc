package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.copy.BlogCopy;
import org.cleanblog.persistence.copy.CopyReport;
import org.cleanblog.persistence.testing.FlaskTutorialDatabase;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.support.BlogOnDatabase;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tutorial's users keep their passwords: the Flask {@code blog.db} imported with copy-db, the blog started on the
 * result with the production hasher, and the tutorial's owner logs in with the old password, as an admin, and leaves
 * with a hash of today's strength.
 */
class FlaskImportLoginTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldLetTheTutorialsOwnerLogInWithTheOldPasswordAsAdminAndUpgradeTheHash(Dialect dialect) throws Exception {
        try (TestDatabase flask =
                        FlaskTutorialDatabase.create(Dialect.SQLITE, "DELETE FROM comments WHERE post_id IS NULL");
                TestDatabase target = TestDatabase.create(dialect, "flasklogin")) {
            CopyReport report = BlogCopy.from(flask.jdbcUrl(), null, null)
                    .to(target.jdbcUrl(), null, null)
                    .run();
            assertThat(report.verified()).isTrue();

            try (BlogOnDatabase blog = BlogOnDatabase.start(target.jdbcUrl(), PasswordHasher.standard())) {
                Browser owner = blog.browser();
                assertThat(owner.get("/new-post").status())
                        .as("not logged in yet")
                        .isNotEqualTo(200);

                Response login = owner.submit(
                        "/login", "/login", Map.of("email", "owner@example.org", "password", "owner-password"));

                assertThat(login.status()).as(login.body()).isEqualTo(303);
                assertThat(login.location()).doesNotContain("/login");
                User stored = blog.db().users().findById(1).orElseThrow();
                assertThat(stored.passwordHash()).startsWith("pbkdf2:sha256:600000$");
                assertThat(PasswordHasher.standard().verify("owner-password", stored.passwordHash()))
                        .isTrue();
                assertThat(owner.get("/new-post").status()).isEqualTo(200);

                Browser stranger = blog.browser();
                Response wrong = stranger.submit(
                        "/login", "/login", Map.of("email", "owner@example.org", "password", "not-the-password"));
                assertThat(wrong.status()).isNotEqualTo(303);
            }
        }
    }
}
