package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.internal.JsoupHtmlSanitizer;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Flask tutorial's database imports from SQLite (development) and PostgreSQL (production) into either. */
class FlaskImportTest {
    private static final Instant IMPORTED_AT = Instant.parse("2025-05-06T07:08:09.123456Z");

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("org.cleanblog.persistence.copy.CopyTestData#sourceAndTarget")
    void shouldImportTheTutorialsBlogAndLetItsOwnerLogInAsAdmin(Dialect from, Dialect dialect) throws Exception {
        try (TestDatabase flask = CopyTestData.flaskBlog(from);
                TestDatabase target = TestDatabase.create(dialect, "flaskimport")) {
            Path rejects = folder.resolve("rejects.jsonl");

            CopyReport report = CopyTestData.copy(flask, target)
                    .clock(Clock.fixed(IMPORTED_AT, ZoneOffset.UTC))
                    .skipInvalid(rejects)
                    .run();

            assertThat(report.source())
                    .isEqualTo(
                            "Flask tutorial's blog database on " + (from == Dialect.SQLITE ? "SQLite" : "PostgreSQL"));
            assertThat(report.verified()).isTrue();
            assertThat(report.rejectedRows()).isEqualTo(1);
            assertThat(Files.readString(rejects))
                    .startsWith("{\"table\":\"comments\",\"id\":2,\"reason\":\"post_id is NULL");
            try (BlogDatabase blog = target.open()) {
                User owner = blog.users().findByEmail("OWNER@example.org").orElseThrow();
                assertThat(owner.id()).isEqualTo(1);
                assertThat(owner.admin()).isTrue();
                assertThat(owner.createdAt()).isEqualTo(IMPORTED_AT);
                assertThat(PasswordHasher.standard().verify("owner-password", owner.passwordHash()))
                        .isTrue();
                User reader = blog.users().findById(2).orElseThrow();
                assertThat(reader.admin()).isFalse();
                assertThat(PasswordHasher.standard().verify("reader-password", reader.passwordHash()))
                        .isTrue();

                Post post = blog.posts().findById(1).orElseThrow();
                assertThat(post.createdAt()).isEqualTo(Instant.parse("2020-10-20T00:00:00Z"));
                assertThat(post.updatedAt()).isEqualTo(post.createdAt());
                assertThat(post.body()).contains("<strong>broccoli</strong>");
                assertThat(post.bodyHtml()).isEqualTo(new JsoupHtmlSanitizer().sanitize(post.body()));
                assertThat(blog.posts().findById(2)).isEmpty();
                assertThat(blog.comments().findByPost(1)).singleElement().satisfies(c -> {
                    assertThat(c.id()).isEqualTo(1);
                    assertThat(c.authorId()).isEqualTo(2);
                    assertThat(c.bodyHtml()).isEqualTo("<p>Great post!</p>");
                });
                assertThat(blog.users().count()).isEqualTo(2);
                assertThat(blog.posts().count()).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("org.cleanblog.persistence.copy.CopyTestData#sourceAndTarget")
    void shouldSanitiseImportedHtmlWithTheLibrarysAllowList(Dialect from, Dialect dialect) throws Exception {
        try (TestDatabase flask = CopyTestData.flaskBlog(
                        from,
                        "UPDATE blog_posts SET body = '<p onclick=\"steal()\">hi</p><script>alert(1)</script>'",
                        "DELETE FROM comments WHERE post_id IS NULL");
                TestDatabase target = TestDatabase.create(dialect, "flasksanitise")) {
            CopyTestData.copy(flask, target).run();

            try (BlogDatabase blog = target.open()) {
                Post post = blog.posts().findById(1).orElseThrow();
                assertThat(post.bodyHtml()).isEqualTo("<p>hi</p>");
                assertThat(post.body()).contains("<script>");
            }
        }
    }
}
