package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cleanblog.persistence.testing.Fixtures.comment;
import static org.cleanblog.persistence.testing.Fixtures.content;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.cleanblog.core.NotFoundException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.comment.Comment;
import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.post.PostStamp;
import org.cleanblog.core.post.PostSummary;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.testing.DatabaseContract;
import org.cleanblog.persistence.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link org.cleanblog.core.post.PostRepository} contract, run on each dialect by its subclasses. */
abstract class PostRepositoryContract extends DatabaseContract {
    private User author;

    PostRepositoryContract(Dialect dialect) {
        super(dialect);
    }

    @BeforeEach
    void createAuthor() {
        author = db.users().create(newUser("author@example.org"));
    }

    @Test
    void shouldStoreEveryFieldWithTheAuthorsNameWhenCreatingAPost() {
        Instant now = clock.peek();

        Post post = db.posts().create(author.id(), content("Hello"));

        assertThat(post.id()).isPositive();
        assertThat(post.authorId()).isEqualTo(author.id());
        assertThat(post.authorName()).isEqualTo(author.name());
        assertThat(post.title()).isEqualTo("Hello");
        assertThat(post.subtitle()).isEqualTo("Subtitle of Hello");
        assertThat(post.imgUrl()).isEqualTo(content("Hello").imgUrl());
        assertThat(post.body()).isEqualTo("Body of *Hello*");
        assertThat(post.bodyHtml()).isEqualTo("<p>Body of <em>Hello</em></p>");
        assertThat(post.createdAt()).isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(post.updatedAt()).isEqualTo(post.createdAt());
        assertThat(db.posts().findById(post.id())).contains(post);
    }

    @Test
    void shouldStoreOnlySanitisedHtmlWhateverTheCallerPasses() {
        String unsafe = "<p onclick=\"steal()\">Hi<script>alert(1)</script> <a href=\"javascript:x()\">l</a></p>";

        Post created = db.posts().create(author.id(), new PostContent("Unsafe", "", "", "Hi", unsafe));
        Post updated = db.posts().update(created.id(), new PostContent("Unsafe", "", "", "Hi", unsafe + "<iframe>"));

        for (Post post :
                new Post[] {created, updated, db.posts().findById(created.id()).orElseThrow()}) {
            assertThat(post.bodyHtml())
                    .isEqualTo("<p>Hi <a rel=\"nofollow\">l</a></p>")
                    .doesNotContainIgnoringCase("script");
        }
        assertThat(created.body()).isEqualTo("Hi");
    }

    @Test
    void shouldReportTheMissingAuthorWhenCreatingAPostForAnUnknownUser() {
        assertThatThrownBy(() -> db.posts().create(777777, content("Orphan")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("user 777777 does not exist");
        assertThat(db.posts().count()).isZero();
    }

    @Test
    void shouldReplaceTheContentAndKeepAuthorAndCreationTimeWhenUpdating() {
        Post original = db.posts().create(author.id(), content("Draft"));

        Post updated = db.posts().update(original.id(), new PostContent("Final", "", "", "new body", "<p>new</p>"));

        assertThat(updated.title()).isEqualTo("Final");
        assertThat(updated.subtitle()).isEmpty();
        assertThat(updated.body()).isEqualTo("new body");
        assertThat(updated.authorId()).isEqualTo(original.authorId());
        assertThat(updated.createdAt()).isEqualTo(original.createdAt());
        assertThat(updated.updatedAt()).isAfter(original.updatedAt());
        assertThat(db.posts().findById(original.id())).contains(updated);
    }

    @Test
    void shouldReportAMissingPostWhenUpdatingOrDeletingIt() {
        assertThatThrownBy(() -> db.posts().update(555, content("Nothing")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("post 555 does not exist");
        assertThatThrownBy(() -> db.posts().delete(555))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("post 555 does not exist");
    }

    @Test
    void shouldNeverHandOutTheIdOfADeletedPostAgain() {
        Post older = db.posts().create(author.id(), content("Older"));
        Post newest = db.posts().create(author.id(), content("Newest"));
        Comment onNewest = db.comments().create(comment(newest.id(), author.id(), "on the newest"));

        db.posts().delete(newest.id());
        Post next = db.posts().create(author.id(), content("Next"));
        Comment nextComment = db.comments().create(comment(next.id(), author.id(), "on the next"));

        // An old link to /post/{newest} must not lead to a different post, on SQLite as on PostgreSQL.
        assertThat(next.id()).isGreaterThan(newest.id()).isGreaterThan(older.id());
        assertThat(nextComment.id()).isGreaterThan(onNewest.id());
    }

    @Test
    void shouldDeleteThePostAndItsCommentsWhenDeletingAPost() {
        Post doomed = db.posts().create(author.id(), content("Doomed"));
        Post kept = db.posts().create(author.id(), content("Kept"));
        db.comments().create(comment(doomed.id(), author.id(), "first"));
        db.comments().create(comment(doomed.id(), author.id(), "second"));
        db.comments().create(comment(kept.id(), author.id(), "stays"));

        db.posts().delete(doomed.id());

        assertThat(db.posts().findById(doomed.id())).isEmpty();
        assertThat(db.comments().findByPost(doomed.id())).isEmpty();
        assertThat(db.comments().count()).isEqualTo(1);
        assertThat(db.posts().count()).isEqualTo(1);
    }

    @Test
    void shouldListSummariesNewestFirstWithCommentCountsAndTotal() {
        Post oldest = db.posts().create(author.id(), content("Oldest"));
        Post middle = db.posts().create(author.id(), content("Middle"));
        Post newest = db.posts().create(author.id(), content("Newest"));
        db.comments().create(comment(middle.id(), author.id(), "one"));
        db.comments().create(comment(middle.id(), author.id(), "two"));

        Page<PostSummary> page = db.posts().findPage(PageRequest.first(10));

        assertThat(page.items()).extracting(PostSummary::id).containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(page.items()).extracting(PostSummary::commentCount).containsExactly(0L, 2L, 0L);
        assertThat(page.items().get(0))
                .isEqualTo(new PostSummary(
                        newest.id(), "Newest", "Subtitle of Newest", author.name(), newest.createdAt(), 0));
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void shouldBreakTiesOfCreationTimeByNewestIdFirst() {
        Instant sameTime = Instant.parse("2025-05-05T05:05:05.555555Z");
        clock.set(sameTime);
        Post first = db.posts().create(author.id(), content("First"));
        clock.set(sameTime);
        Post second = db.posts().create(author.id(), content("Second"));

        assertThat(db.posts().findPage(PageRequest.first(10)).items())
                .extracting(PostSummary::id)
                .containsExactly(second.id(), first.id());
    }

    @Test
    void shouldSplitPostsIntoPagesThatTogetherHoldEveryPostOnce() {
        List<Long> newestFirst = new ArrayList<>();
        for (String title : List.of("a", "b", "c", "d", "e")) {
            newestFirst.add(0, db.posts().create(author.id(), content(title)).id());
        }

        Page<PostSummary> first = db.posts().findPage(new PageRequest(1, 2));
        Page<PostSummary> second = db.posts().findPage(new PageRequest(2, 2));
        Page<PostSummary> third = db.posts().findPage(new PageRequest(3, 2));
        Page<PostSummary> beyond = db.posts().findPage(new PageRequest(4, 2));

        assertThat(Stream.of(first, second, third)
                        .flatMap(page -> page.items().stream())
                        .map(PostSummary::id))
                .containsExactlyElementsOf(newestFirst);
        assertThat(third.items()).hasSize(1);
        assertThat(beyond.items()).isEmpty();
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void shouldStreamEveryPostNewestFirstWithItsBody() {
        Post older = db.posts().create(author.id(), content("Older"));
        Post newer = db.posts().create(author.id(), content("Newer"));

        try (Stream<Post> posts = db.posts().streamAll()) {
            assertThat(posts).containsExactly(newer, older);
        }
    }

    @Test
    void shouldGiveTheNewestPostsInFullNewestFirstUpToTheLimit() {
        Post oldest = db.posts().create(author.id(), content("Oldest"));
        Post middle = db.posts().create(author.id(), content("Middle"));
        Post newest = db.posts().create(author.id(), content("Newest"));

        assertThat(db.posts().findNewest(2)).containsExactly(newest, middle);
        assertThat(db.posts().findNewest(PageRequest.MAX_SIZE)).containsExactly(newest, middle, oldest);
    }

    @Test
    void shouldGiveNoNewestPostsFromAnEmptyBlog() {
        assertThat(db.posts().findNewest(20)).isEmpty();
    }

    @Test
    void shouldRefuseANumberOfNewestPostsOutsideOneToTheMaximumPageSize() {
        for (int limit : new int[] {0, -1, PageRequest.MAX_SIZE + 1}) {
            assertThatThrownBy(() -> db.posts().findNewest(limit))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("the number of newest posts must be between 1 and " + PageRequest.MAX_SIZE + ", was "
                            + limit);
        }
    }

    @Test
    void shouldGiveEveryPostsIdAndUpdateTimeOldestFirstInSlices() {
        Post first = db.posts().create(author.id(), content("First"));
        Post second = db.posts().create(author.id(), content("Second"));
        Post third = db.posts().create(author.id(), content("Third"));
        Post edited = db.posts().update(first.id(), content("First, edited"));

        assertThat(db.posts().findStamps(0, PostStamp.MAX_BATCH))
                .containsExactly(
                        new PostStamp(first.id(), edited.updatedAt()),
                        new PostStamp(second.id(), second.updatedAt()),
                        new PostStamp(third.id(), third.updatedAt()));
        assertThat(edited.updatedAt()).isAfter(first.updatedAt());
        assertThat(db.posts().findStamps(1, 1)).containsExactly(new PostStamp(second.id(), second.updatedAt()));
        assertThat(db.posts().findStamps(2, 5)).containsExactly(new PostStamp(third.id(), third.updatedAt()));
    }

    @Test
    void shouldBreakTiesOfCreationTimeByLowestIdFirstInStamps() {
        Instant sameTime = Instant.parse("2025-05-05T05:05:05.555555Z");
        clock.set(sameTime);
        Post first = db.posts().create(author.id(), content("First"));
        clock.set(sameTime);
        Post second = db.posts().create(author.id(), content("Second"));

        assertThat(db.posts().findStamps(0, 10)).extracting(PostStamp::id).containsExactly(first.id(), second.id());
    }

    @Test
    void shouldGiveNoStampsPastTheLastPost() {
        assertThat(db.posts().findStamps(0, 10)).as("an empty blog").isEmpty();
        db.posts().create(author.id(), content("a"));
        db.posts().create(author.id(), content("b"));

        assertThat(db.posts().findStamps(2, 10)).isEmpty();
        assertThat(db.posts().findStamps(1_000_000, PostStamp.MAX_BATCH)).isEmpty();
        assertThat(db.posts().findStamps(Long.MAX_VALUE - 1, PostStamp.MAX_BATCH))
                .isEmpty();
    }

    @Test
    void shouldRefuseANegativeSkipOrANumberOfStampsOutsideOneToTheMaximumBatch() {
        for (long skip : new long[] {-1, Long.MIN_VALUE}) {
            assertThatThrownBy(() -> db.posts().findStamps(skip, 10))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("the number of posts to skip must be 0 or more, was " + skip);
        }
        for (int limit : new int[] {0, -1, PostStamp.MAX_BATCH + 1}) {
            assertThatThrownBy(() -> db.posts().findStamps(0, limit))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("the number of post stamps must be between 1 and 50000, was " + limit);
        }
    }

    @Test
    void shouldStreamNothingFromAnEmptyBlog() {
        try (Stream<Post> posts = db.posts().streamAll()) {
            assertThat(posts).isEmpty();
        }
    }

    @Test
    void shouldGiveBackTheStreamsConnectionWhenTheStreamIsClosed() {
        db.posts().create(author.id(), content("Only"));

        // More streams than the pool has connections: each must return its connection on close.
        for (int i = 0; i < 30; i++) {
            try (Stream<Post> posts = db.posts().streamAll()) {
                assertThat(posts.findFirst()).isPresent();
            }
        }
        assertThat(db.posts().count()).isEqualTo(1);
    }

    @Test
    void shouldCountPostsAfterCreatesAndDeletes() {
        Post one = db.posts().create(author.id(), content("one"));
        db.posts().create(author.id(), content("two"));
        db.posts().delete(one.id());

        assertThat(db.posts().count()).isEqualTo(1);
        assertThat(db.posts().findPage(PageRequest.first(5)).total()).isEqualTo(1);
    }

    @Test
    void shouldPlaceAPostWithAnOlderCreationTimeAmongTheOlderPostsOnEveryPage() throws SQLException {
        for (String title : List.of("a", "b", "c", "d", "e")) {
            db.posts().create(author.id(), content(title));
        }
        // Between the second and the third post: an import, or a clock that was behind.
        clock.set(TestClock.DEFAULT_START.plus(Duration.ofMillis(1_500)));
        Post late = db.posts().create(author.id(), content("late"));
        // Older than all of them, then the same instant as the newest with a higher id.
        clock.set(TestClock.DEFAULT_START.minus(Duration.ofDays(1)));
        db.posts().create(author.id(), content("oldest"));
        clock.set(TestClock.DEFAULT_START.plus(Duration.ofSeconds(4)));
        db.posts().create(author.id(), content("tie"));

        assertThat(newestFirstByOffset().indexOf(late.id())).isEqualTo(5);
        assertPagesFollowTheOffsetOrder();
    }

    @Test
    void shouldCloseTheGapOnEveryPageWhenPostsInTheMiddleAreDeleted() throws SQLException {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            posts.add(db.posts().create(author.id(), content("p" + i)));
        }

        db.posts().delete(posts.get(4).id());
        db.posts().delete(posts.get(0).id());
        db.posts().delete(posts.get(8).id());
        assertPagesFollowTheOffsetOrder();

        db.posts().create(author.id(), content("after the deletes"));
        assertPagesFollowTheOffsetOrder();
    }

    @Test
    void shouldKeepPositionsDenseWhenSeveralThreadsCreateAndDeletePostsAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                writers.add(() -> {
                    for (int i = 0; i < 12; i++) {
                        Post post = db.posts().create(author.id(), content("t" + thread + "-" + i));
                        if (i % 3 == 0) {
                            db.posts().delete(post.id());
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> writer : threads.invokeAll(writers)) {
                writer.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(db.posts().count()).isEqualTo(6 * 8);
        assertPagesFollowTheOffsetOrder();
    }

    /**
     * Positions are 1..count in (created_at, id) order, and every page size gives, page by page, the posts that the
     * order with OFFSET gives; slices of stamps of every size give them the other way round, oldest first.
     */
    private void assertPagesFollowTheOffsetOrder() throws SQLException {
        List<Long> expected = newestFirstByOffset();
        List<Long> oldestFirst = new ArrayList<>(expected);
        Collections.reverse(oldestFirst);
        assertThat(positionsOldestFirst())
                .as("positions in (created_at, id) order")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, expected.size()).boxed().toList());
        for (int size : new int[] {1, 2, 3, 7}) {
            List<Long> paged = new ArrayList<>();
            int pages = (expected.size() + size - 1) / size;
            for (int number = 1; number <= pages + 1; number++) {
                paged.addAll(db.posts().findPage(new PageRequest(number, size)).items().stream()
                        .map(PostSummary::id)
                        .toList());
            }
            assertThat(paged).as("pages of %d", size).containsExactlyElementsOf(expected);

            List<Long> sliced = new ArrayList<>();
            for (long skip = 0; skip <= expected.size(); skip += size) {
                List<PostStamp> slice = db.posts().findStamps(skip, size);
                assertThat(slice).as("stamps after %d, %d of them", skip, size).hasSizeLessThanOrEqualTo(size);
                slice.forEach(stamp -> sliced.add(stamp.id()));
            }
            assertThat(sliced).as("slices of %d stamps", size).containsExactlyElementsOf(oldestFirst);
        }
    }

    private List<Long> newestFirstByOffset() throws SQLException {
        return longs("SELECT id FROM posts ORDER BY created_at DESC, id DESC");
    }

    private List<Long> positionsOldestFirst() throws SQLException {
        return longs("SELECT position FROM posts ORDER BY created_at, id");
    }

    private List<Long> longs(String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection connection = testDatabase.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }
}
