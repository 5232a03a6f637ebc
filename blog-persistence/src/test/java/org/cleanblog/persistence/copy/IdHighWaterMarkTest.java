package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.cleanblog.core.comment.Comment;
import org.cleanblog.core.post.Post;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A copy carries the ids the source handed out, so the target never hands out one again (ADR 0010). */
class IdHighWaterMarkTest {
    @ParameterizedTest(name = "from {0}")
    @EnumSource(Dialect.class)
    void shouldGiveANewPostAnIdAboveTheSourcesDeletedNewestPostWhenCopyingIntoAnEmptyTarget(Dialect from)
            throws Exception {
        try (TestDatabase source = TestDatabase.create(from, "marksource");
                TestDatabase target = TestDatabase.create(CopyTestData.other(from), "marktarget")) {
            long deletedPost = writeBlogWithoutItsNewestPost(source);

            CopyTestData.copy(source, target).run();

            try (BlogDatabase blog = target.open()) {
                Post post = blog.posts().create(1, Fixtures.content("first on the target"));
                Comment comment = blog.comments().create(Fixtures.comment(post.id(), 1, "first comment there"));

                assertThat(deletedPost).isEqualTo(4);
                assertThat(post.id()).isEqualTo(5);
                // The deleted post took its comment (id 4) along.
                assertThat(comment.id()).isEqualTo(5);
            }
        }
    }

    @ParameterizedTest(name = "from {0}")
    @EnumSource(Dialect.class)
    void shouldGiveANewPostAnIdAboveTheSourcesDeletedNewestPostWhenReplacingATargetWithData(Dialect from)
            throws Exception {
        try (TestDatabase source = TestDatabase.create(from, "marksource");
                TestDatabase target = TestDatabase.create(CopyTestData.other(from), "marktarget")) {
            writeBlogWithoutItsNewestPost(source);
            try (BlogDatabase blog = target.open()) {
                blog.posts()
                        .create(
                                blog.users()
                                        .create(Fixtures.newUser("t@example.org"))
                                        .id(),
                                Fixtures.content("t"));
            }

            CopyTestData.copy(source, target).replace(true).run();

            try (BlogDatabase blog = target.open()) {
                assertThat(blog.posts().create(1, Fixtures.content("new")).id()).isEqualTo(5);
            }
        }
    }

    @ParameterizedTest(name = "from {0}")
    @EnumSource(Dialect.class)
    void shouldKeepTheTargetsOwnHigherMarkWhenReplacingItsData(Dialect from) throws Exception {
        try (TestDatabase source = TestDatabase.create(from, "marksource");
                TestDatabase target = TestDatabase.create(CopyTestData.other(from), "marktarget")) {
            try (BlogDatabase blog = source.open()) {
                CopyTestData.writeBlog(blog);
            }
            try (BlogDatabase blog = target.open()) {
                long author =
                        blog.users().create(Fixtures.newUser("t@example.org")).id();
                for (int i = 1; i <= 7; i++) {
                    blog.posts().create(author, Fixtures.content("target post " + i));
                }
            }

            CopyTestData.copy(source, target).replace(true).run();

            try (BlogDatabase blog = target.open()) {
                assertThat(blog.posts().findById(7)).isEmpty();
                assertThat(blog.posts().create(1, Fixtures.content("new")).id()).isEqualTo(8);
            }
        }
    }

    /** {@link CopyTestData#writeBlog}, then a fourth post with a comment, deleted: returns the deleted post's id. */
    private static long writeBlogWithoutItsNewestPost(TestDatabase db) {
        try (BlogDatabase blog = db.open()) {
            CopyTestData.writeBlog(blog);
            Post newest = blog.posts().create(1, Fixtures.content("newest, then deleted"));
            blog.comments().create(Fixtures.comment(newest.id(), 2, "goes with it"));
            blog.posts().delete(newest.id());
            return newest.id();
        }
    }
}
