package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanblog.persistence.testing.Fixtures.comment;
import static org.cleanblog.persistence.testing.Fixtures.content;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cleanblog.core.comment.Comment;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** SQLite as a server database: many writers at once never see "database is locked", and nothing is lost. */
class SqliteConcurrentWritesTest {
    private static final int THREADS = 50;
    private static final int COMMENTS_PER_THREAD = 20;

    @Test
    void shouldStoreEveryCommentWhenFiftyThreadsWriteAtOnce() throws Exception {
        try (TestDatabase file = TestDatabase.sqlite();
                BlogDatabase db = file.open()) {
            User author = db.users().create(newUser("busy@example.org"));
            Post post = db.posts().create(author.id(), content("Popular"));

            List<Long> ids = writeConcurrently(List.of(db), author.id(), post.id());

            assertAllStored(db, post, ids);
        }
    }

    @Test
    void shouldStoreEveryCommentWhenTwoPoolsOnOneFileWriteAtOnce() throws Exception {
        // Two BlogDatabase objects share no Java lock, as two processes would not: BEGIN IMMEDIATE and
        // busy_timeout alone must keep them apart.
        try (TestDatabase file = TestDatabase.sqlite();
                BlogDatabase first = file.open();
                BlogDatabase second = file.open()) {
            User author = first.users().create(newUser("busy@example.org"));
            Post post = first.posts().create(author.id(), content("Popular"));

            List<Long> ids = writeConcurrently(List.of(first, second), author.id(), post.id());

            assertAllStored(second, post, ids);
        }
    }

    private static List<Long> writeConcurrently(List<BlogDatabase> databases, long authorId, long postId)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                BlogDatabase db = databases.get(t % databases.size());
                int thread = t;
                Callable<List<Long>> writer = () -> {
                    start.await();
                    List<Long> written = new ArrayList<>();
                    for (int i = 0; i < COMMENTS_PER_THREAD; i++) {
                        written.add(db.comments()
                                .create(comment(postId, authorId, "thread " + thread + " comment " + i))
                                .id());
                        // Readers in between, as page views would be.
                        db.posts().findById(postId).orElseThrow();
                    }
                    return written;
                };
                results.add(pool.submit(writer));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                // Any "database is locked" would surface here as the failure of that thread.
                ids.addAll(result.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertAllStored(BlogDatabase db, Post post, List<Long> ids) {
        Set<Long> distinct = new HashSet<>(ids);
        assertThat(distinct).hasSize(THREADS * COMMENTS_PER_THREAD);
        List<Comment> stored = db.comments().findByPost(post.id());
        assertThat(stored).extracting(Comment::id).containsExactlyInAnyOrderElementsOf(distinct);
        assertThat(db.comments().count()).isEqualTo(THREADS * COMMENTS_PER_THREAD);
        for (int thread = 0; thread < THREADS; thread++) {
            String prefix = "thread " + thread + " comment ";
            assertThat(stored).filteredOn(c -> c.body().startsWith(prefix)).hasSize(COMMENTS_PER_THREAD);
        }
    }
}
