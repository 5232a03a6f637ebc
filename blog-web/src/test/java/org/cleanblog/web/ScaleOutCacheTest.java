package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, point 3: the pages each instance keeps in memory (ADR 0034) stay correct when several processes write one
 * database. Two real server processes ({@link ServerProcess}) on one PostgreSQL database, and on one SQLite file: a
 * comment posted through A shows on A at once and on B within the poll of the content version (the assertion waits up
 * to {@link #DEADLINE}, a generous bound for a loaded machine; the time it took is printed). On SQLite, {@code copy-db
 * --replace} run by another process into the file that A serves leaves no stale page either.
 */
class ScaleOutCacheTest {
    /** Far above the poll interval (250 ms): only a cache that never learns of the change fails. */
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldShowACommentPostedThroughOneInstanceOnItAtOnceAndOnTheOtherSoon(Dialect dialect) throws Exception {
        try (TestDatabase database = TestDatabase.create(dialect, "ScaleOutCacheTest");
                ServerProcess a = ServerProcess.start(database.jdbcUrl(), folder, "a");
                ServerProcess b = ServerProcess.start(database.jdbcUrl(), folder, "b")) {
            Browser admin = a.browser();
            assertThat(admin.register("Ada Admin", "ada@example.org", BlogHttpTest.PASSWORD)
                            .status())
                    .isEqualTo(303);
            long id = admin.writePost("Shared", "", "Read through two instances.");
            String post = "/post/" + id;
            // Both instances keep the post without the comment, for anonymous visitors and as data.
            for (ServerProcess server : new ServerProcess[] {a, b}) {
                assertThat(server.browser().get(post).body()).contains("Read through two instances.", "no comments");
                assertThat(server.browser().get("/").body()).contains("no comments");
            }

            Response commented = admin.submit(post, post, Map.of("comment_text", "Seen everywhere"));
            assertThat(commented.status()).isEqualTo(303);

            assertThat(admin.get(post).body()).as("A, to the commenter").contains("Seen everywhere");
            assertThat(a.browser().get(post).body()).as("A, to anyone").contains("Seen everywhere", "1 comment");
            assertThat(a.browser().get("/").body()).as("A's home page").contains("1 comment");
            long took = await(b.browser(), post, body -> body.contains("Seen everywhere"));
            await(b.browser(), "/", body -> body.contains("1 comment"));
            System.out.printf("ScaleOutCacheTest (%s): the comment showed on B after %d ms%n", dialect, took);
        }
    }

    @Test
    void shouldShowWhatCopyDbReplacedInTheSqliteFileAnInstanceServes() throws Exception {
        String target = "jdbc:sqlite:" + folder.resolve("blog.db");
        String source = "jdbc:sqlite:" + folder.resolve("source.db");
        writeBlog(target, "Before the copy");
        writeBlog(source, "After the copy");
        try (ServerProcess a = ServerProcess.start(target, folder, "a")) {
            assertThat(a.browser().get("/").body()).contains("Before the copy");
            assertThat(a.browser().get("/post/1").body()).contains("Before the copy");

            ServerProcess.Finished copy = ServerProcess.run(
                    folder, Duration.ofMinutes(2), "copy-db", "--from", source, "--to", target, "--replace");
            assertThat(copy.status()).as(copy.output()).isZero();

            await(a.browser(), "/", body -> body.contains("After the copy") && !body.contains("Before the copy"));
            await(a.browser(), "/post/1", body -> body.contains("After the copy"));
        }
    }

    /** A blog of one user and one post titled {@code title}, written through the library. */
    private static void writeBlog(String jdbcUrl, String title) {
        try (BlogDatabase db = BlogDatabase.open(jdbcUrl, null, null)) {
            long author = db.users()
                    .create(new NewUser(
                            new Email("ada@example.org"), "Ada", "pbkdf2:sha256:1000$salt$" + "ab".repeat(32)))
                    .id();
            db.posts().create(author, new PostContent(title, "", "", title, "<p>" + title + "</p>"));
        }
    }

    /**
     * Asks {@code path} until its body satisfies {@code shown}; returns how long that took in milliseconds.
     *
     * @throws AssertionError when it does not within {@link #DEADLINE}
     */
    private static long await(Browser visitor, String path, Predicate<String> shown) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + DEADLINE.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            Response r = visitor.get(path);
            body = r.body();
            if (r.status() == 200 && shown.test(body)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " still did not show the change after " + DEADLINE + ":\n" + body);
    }
}
