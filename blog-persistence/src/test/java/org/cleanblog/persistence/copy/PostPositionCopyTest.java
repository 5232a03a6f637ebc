package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostSummary;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.TestClock;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Post positions are derived on the target (ADR 0033): whatever order the posts arrive in, a copy leaves them numbered
 * 1..count in (created_at, id) order, and leaves the triggers that keep them so in place, also when it fails.
 */
class PostPositionCopyTest {
    private static final Instant START = Instant.parse("2024-03-04T05:06:07.000001Z");

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("org.cleanblog.persistence.copy.CopyTestData#sourceAndTarget")
    void shouldNumberPostsThatArriveOutOfOrderAndKeepNumberingNewOnes(Dialect from, Dialect to) throws Exception {
        try (TestDatabase source = TestDatabase.create(from, "positionsfrom");
                TestDatabase target = TestDatabase.create(to, "positionsto")) {
            TestClock clock = new TestClock(START, Duration.ofSeconds(1));
            try (BlogDatabase blog = source.open(clock)) {
                User author = blog.users().create(Fixtures.newUser("a@example.org"));
                List<Post> posts = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    // Ids ascend while creation times jump back and forth: each post lands among the older ones.
                    clock.set(START.plus(Duration.ofMinutes((i * 7L) % 20)));
                    posts.add(blog.posts().create(author.id(), Fixtures.content("p" + i)));
                }
                blog.posts().delete(posts.get(3).id());
                blog.posts().delete(posts.get(11).id());
            }
            try (BlogDatabase blog = target.open()) {
                User other = blog.users().create(Fixtures.newUser("t@example.org"));
                for (int i = 0; i < 5; i++) {
                    blog.posts().create(other.id(), Fixtures.content("replaced " + i));
                }
            }

            assertThat(CopyTestData.replacing(source, target).run().verified()).isTrue();

            assertThat(ids(target, "SELECT id FROM posts ORDER BY created_at DESC, id DESC"))
                    .isEqualTo(ids(source, "SELECT id FROM posts ORDER BY created_at DESC, id DESC"));
            assertPositionsDenseAndPagesInOrder(target, 18);
            try (BlogDatabase blog = target.open(new TestClock(START.plus(Duration.ofSeconds(90)), Duration.ZERO))) {
                blog.posts().create(1, Fixtures.content("written after the copy, among the old posts"));
            }
            assertPositionsDenseAndPagesInOrder(target, 19);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldLeaveTheTriggersInPlaceWhenTheCopyFailsAfterTheLoad(Dialect to) throws Exception {
        try (TestDatabase source = TestDatabase.sqlite();
                TestDatabase target = TestDatabase.create(to, "positionsfailed")) {
            try (BlogDatabase blog = source.open()) {
                User author = blog.users().create(Fixtures.newUser("a@example.org"));
                blog.posts().create(author.id(), Fixtures.content("fine"));
            }
            try (Connection connection = source.connect();
                    Statement statement = connection.createStatement()) {
                // SQLite does not enforce lengths: a title PostgreSQL would refuse, so the copy refuses it.
                statement.executeUpdate("UPDATE posts SET title = '" + "x".repeat(300) + "'");
            }
            try (BlogDatabase blog = target.open()) {
                User author = blog.users().create(Fixtures.newUser("t@example.org"));
                blog.posts().create(author.id(), Fixtures.content("kept"));
            }

            assertThatThrownBy(() -> CopyTestData.replacing(source, target).run())
                    .isInstanceOf(CopyException.class)
                    .extracting(e -> ((CopyException) e).reason())
                    .isEqualTo(CopyException.Reason.INVALID_ROWS);

            try (BlogDatabase blog = target.open(new TestClock(START.minus(Duration.ofDays(1)), Duration.ZERO))) {
                blog.posts().create(1, Fixtures.content("older than the kept post"));
            }
            assertPositionsDenseAndPagesInOrder(target, 2);
        }
    }

    private static void assertPositionsDenseAndPagesInOrder(TestDatabase db, long posts) throws SQLException {
        assertThat(ids(db, "SELECT position FROM posts ORDER BY created_at, id"))
                .as("positions in (created_at, id) order")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, posts).boxed().toList());
        List<Long> paged = new ArrayList<>();
        try (BlogDatabase blog = db.open()) {
            for (int number = 1; number <= (posts + 2) / 3 + 1; number++) {
                blog.posts().findPage(new PageRequest(number, 3)).items().stream()
                        .map(PostSummary::id)
                        .forEach(paged::add);
            }
        }
        assertThat(paged).isEqualTo(ids(db, "SELECT id FROM posts ORDER BY created_at DESC, id DESC"));
    }

    private static List<Long> ids(TestDatabase db, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }
}
