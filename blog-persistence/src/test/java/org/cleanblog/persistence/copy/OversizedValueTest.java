package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every value is bounded by blog-core's limits (issue 9, 1.7): an 80 MB body is a reject, refused by the database's
 * own size check before it is read (blog-web's CopyDbOversizedValueTest runs the command under {@code -Xmx64m}); a
 * value one character over is refused by the exact count; four-byte characters up to the limit pass. On both source
 * dialects, for our schema and the Flask tutorial's.
 */
class OversizedValueTest {
    private static final int HUGE = 80_000_000;
    private static final String EMOJI = "\uD83D\uDE00";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldRejectOversizedValuesOfOurSchemaAndCopyTheRest(Dialect from) throws Exception {
        try (TestDatabase source = TestDatabase.create(from, "oversized");
                TestDatabase target = TestDatabase.create(CopyTestData.other(from), "oversizedtarget")) {
            try (BlogDatabase blog = source.open()) {
                User owner = blog.users().create(Fixtures.newUser("owner@example.org"));
                long huge = blog.posts()
                        .create(owner.id(), Fixtures.content("Huge"))
                        .id();
                long fine = blog.posts()
                        .create(owner.id(), Fixtures.content("Fine"))
                        .id();
                blog.comments().create(Fixtures.comment(fine, owner.id(), "one too many"));
                blog.comments().create(Fixtures.comment(fine, owner.id(), EMOJI.repeat(NewComment.MAX_BODY_LENGTH)));
                execute(source, "UPDATE posts SET body = " + huge(from) + " WHERE id = " + huge);
                execute(
                        source,
                        "UPDATE comments SET body = '" + "x".repeat(NewComment.MAX_BODY_LENGTH + 1) + "' WHERE id = 1");
            }

            CopyReport report = CopyTestData.copy(source, target)
                    .skipInvalid(folder.resolve("rejects.jsonl"))
                    .run();

            assertThat(report.verified()).isTrue();
            assertThat(rejectsOf(source))
                    .containsOnly(
                            Map.entry(
                                    "posts 1",
                                    "body is " + HUGE + " bytes long, more than its limit of "
                                            + PostContent.MAX_BODY_LENGTH + " characters allows"),
                            Map.entry("comments 1", "body is 10001 characters long, the limit is 10000"));
            try (BlogDatabase blog = target.open()) {
                assertThat(blog.posts().findById(1)).isEmpty();
                assertThat(blog.comments().findByPost(2))
                        .singleElement()
                        .satisfies(c -> assertThat(c.body()).isEqualTo(EMOJI.repeat(NewComment.MAX_BODY_LENGTH)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldRefuseATutorialSourceWithAnOversizedBodyUnlessSkipping(Dialect from) throws Exception {
        try (TestDatabase flask = CopyTestData.flaskBlog(
                        from,
                        "UPDATE blog_posts SET body = " + huge(from) + " WHERE id = 1",
                        "DELETE FROM comments WHERE post_id IS NULL");
                TestDatabase target = TestDatabase.create(CopyTestData.other(from), "oversizedflask")) {
            CopyException failure = catchThrowableOfType(
                    CopyException.class, () -> CopyTestData.copy(flask, target).run());

            assertThat(failure.reason()).isEqualTo(CopyException.Reason.INVALID_ROWS);
            assertThat(failure.rejects())
                    .extracting(Reject::toString)
                    .contains("posts id 1: body is " + HUGE + " bytes long, more than its limit of "
                            + PostContent.MAX_BODY_LENGTH + " characters allows");
            assertThat(CopyTestData.readAll(target).values())
                    .allSatisfy(rows -> assertThat(rows).isEmpty());
        }
    }

    /** An expression for {@link #HUGE} ASCII characters, made inside the database. */
    private static String huge(Dialect dialect) {
        return dialect == Dialect.SQLITE
                ? "replace(hex(zeroblob(" + HUGE / 2 + ")), '0', 'x')"
                : "repeat('x', " + HUGE + ")";
    }

    private static void execute(TestDatabase db, String sql) throws Exception {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static Map<String, String> rejectsOf(TestDatabase source) throws Exception {
        try (TestDatabase scratch = TestDatabase.sqlite()) {
            CopyException failure = catchThrowableOfType(
                    CopyException.class,
                    () -> CopyTestData.copy(source, scratch).run());
            return failure.rejects().stream().collect(Collectors.toMap(r -> r.table() + " " + r.id(), Reject::reason));
        }
    }
}
