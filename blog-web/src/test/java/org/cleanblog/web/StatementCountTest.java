package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.SoftAssertions;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.content.ContentVersion;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
import org.cleanblog.web.support.StatementCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every page runs a bounded number of SQL statements, the same for a small blog and a larger one (no N+1), and at most
 * the number written in {@link #MOST_STATEMENTS} (also in docs/performance.md). Statements are counted at the JDBC level
 * by a {@link StatementCounter} around the DataSource handed to {@code BlogDatabase.open(DataSource)}, twice per page
 * and visitor: on a cache miss (right after the content cache was dropped, as a write drops it, so the cache cannot
 * hide a statement that a page needs when it must be rendered afresh) and on the next request, a hit, which must run
 * none (ADR 0034). The background read of the content version ({@link #POLL}) is not a page's and is left out.
 */
class StatementCountTest {
    /** The content version poller's statement, which may run on its own thread while a page is counted. */
    static final String POLL = "SELECT version FROM content_version WHERE id = 1";
    /** Tries of a cache hit, the fewest statements counted: a hit needs the cache fresh, which a stalled poller ends. */
    private static final int HIT_TRIES = 3;

    /**
     * The most statements each page may run, as measured when this test was written: a page of posts is the page
     * (with each post's comment count in a subquery) and the post total ({@code row_counts}); a post is the post and
     * its comments; the feed is one query (the 20 newest posts), the sitemap index one (the post count, a counter
     * row) and a part of the sitemap one (its slice of at most 5,000 positions, ADR 0038); {@code /about} reads nothing.
     * A logged-in visitor costs one more, the {@code users().findById} of {@code Viewers}, except on the feed and the
     * sitemap, which do not look at the visitor.
     */
    static final Map<String, Integer> MOST_STATEMENTS = Map.ofEntries(
            Map.entry("/ anonymous", 2),
            Map.entry("/ logged in", 3),
            Map.entry("/?page=2 anonymous", 2),
            Map.entry("/?page=2 logged in", 3),
            Map.entry("/post/{id} anonymous", 3), // the post, a page of 50 comments, the comment count
            Map.entry("/post/{id} logged in", 4),
            Map.entry("/feed.xml anonymous", 1),
            Map.entry("/feed.xml logged in", 1),
            Map.entry("/sitemap.xml anonymous", 1),
            Map.entry("/sitemap.xml logged in", 1),
            Map.entry("/sitemap/1.xml anonymous", 1),
            Map.entry("/sitemap/1.xml logged in", 1),
            Map.entry("/about anonymous", 0),
            Map.entry("/about logged in", 1));

    private static final List<String> PAGES =
            List.of("/", "/?page=2", "/post/{id}", "/feed.xml", "/sitemap.xml", "/sitemap/1.xml", "/about");
    private static final int SMALL_POSTS = 13; // a second page of 3 posts: /?page=2 exists at both sizes
    private static final int LARGE_POSTS = 60;
    private static final int SMALL_COMMENTS = 2;
    private static final int LARGE_COMMENTS = 40;

    @Nested
    class OnSqlite extends Cases {
        OnSqlite() {
            super(Dialect.SQLITE);
        }
    }

    @Nested
    class OnPostgresql extends Cases {
        OnPostgresql() {
            super(Dialect.POSTGRESQL);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Cases {
        private final Dialect dialect;
        private final StatementCounter counter = new StatementCounter();
        private final List<Runnable> dropCache = new CopyOnWriteArrayList<>();
        private HikariDataSource pool;
        private RunningBlog blog;

        Cases(Dialect dialect) {
            this.dialect = dialect;
        }

        @BeforeAll
        void startBlogOnACountedDataSource() {
            TestDatabase database = TestDatabase.create(dialect, "StatementCountTest");
            pool = pool(database);
            blog = RunningBlog.start(
                    database,
                    db -> BlogDatabase.open(counter.wrap(pool)),
                    db -> new BlogStorage(db, db, db::isReachable, db, new ContentVersion() {
                        @Override
                        public long readContentVersion() {
                            return db.readContentVersion();
                        }

                        @Override
                        public void whenContentWrittenHere(Runnable listener) {
                            // The web's cache drops everything when told of a write: the test tells it before a miss.
                            dropCache.add(listener);
                            db.whenContentWrittenHere(listener);
                        }
                    }));
        }

        @AfterAll
        void stopBlog() throws Exception {
            try {
                if (blog != null) {
                    blog.close();
                }
            } finally {
                if (pool != null) {
                    pool.close();
                }
            }
        }

        @Test
        void shouldRunTheSameBoundedNumberOfStatementsPerPageWhateverTheBlogsSize() {
            registered("Ada Admin", "ada@example.org"); // the first user is the admin: the reader is not
            Browser reader = registered("Rita Reader", "rita@example.org");
            long adminId = blog.db()
                    .users()
                    .findByEmail("ada@example.org")
                    .orElseThrow()
                    .id();
            long readerId = blog.db()
                    .users()
                    .findByEmail("rita@example.org")
                    .orElseThrow()
                    .id();
            long postId = writePosts(adminId, 1, SMALL_POSTS).get(0);
            writeComments(postId, readerId, 1, SMALL_COMMENTS);

            Map<String, Counts> small = countEveryPage(postId, reader, SMALL_COMMENTS);
            for (long newer : writePosts(adminId, SMALL_POSTS + 1, LARGE_POSTS)) {
                writeComments(newer, readerId, 1, 2); // comments counted on the home page
            }
            writeComments(postId, readerId, SMALL_COMMENTS + 1, LARGE_COMMENTS);
            Map<String, Counts> large = countEveryPage(postId, reader, LARGE_COMMENTS);

            System.out.printf(
                    "%nStatements per page on %s (%d posts/%d comments -> %d/%d), a miss and a hit:%n",
                    dialect, SMALL_POSTS, SMALL_COMMENTS, LARGE_POSTS, LARGE_COMMENTS);
            SoftAssertions softly = new SoftAssertions();
            small.forEach((page, counts) -> {
                Counts atLargeSize = large.get(page);
                System.out.printf(
                        "  %-24s miss %d -> %d, hit %d -> %d%n",
                        page,
                        counts.miss().size(),
                        atLargeSize.miss().size(),
                        counts.hit().size(),
                        atLargeSize.hit().size());
                softly.assertThat(atLargeSize.miss().size())
                        .as(
                                "statements of %s on a miss with %d posts (%s) and with %d (%s)",
                                page, SMALL_POSTS, counts.miss(), LARGE_POSTS, atLargeSize.miss())
                        .isEqualTo(counts.miss().size());
                softly.assertThat(atLargeSize.miss().size())
                        .as("statements of %s on a miss, at most %s (%s)", page, MOST_STATEMENTS.get(page), atLargeSize)
                        .isLessThanOrEqualTo(MOST_STATEMENTS.get(page));
                for (Counts c : List.of(counts, atLargeSize)) {
                    softly.assertThat(c.hit())
                            .as("statements of %s on a hit", page)
                            .isEmpty();
                }
            });
            softly.assertAll();
        }

        /**
         * The statements of each page, anonymous and logged in, on a miss and on a hit, each page checked to show what
         * it should.
         */
        private Map<String, Counts> countEveryPage(long postId, Browser reader, int comments) {
            Browser anonymous = blog.browser();
            Map<String, Counts> counts = new LinkedHashMap<>();
            for (String page : PAGES) {
                String path = page.replace("{id}", Long.toString(postId));
                for (Map.Entry<String, Browser> visitor :
                        List.of(Map.entry("anonymous", anonymous), Map.entry("logged in", reader))) {
                    dropCache.forEach(Runnable::run);
                    List<String> miss = count(visitor.getValue(), path, page, comments);
                    List<String> hit = miss;
                    for (int i = 0; i < HIT_TRIES && !hit.isEmpty(); i++) {
                        hit = count(visitor.getValue(), path, page, comments);
                    }
                    counts.put(page + " " + visitor.getKey(), new Counts(miss, hit));
                }
            }
            return counts;
        }

        private List<String> count(Browser visitor, String path, String page, int comments) {
            StatementCounter.Counted<Response> counted = counter.during(() -> visitor.get(path));
            assertThat(counted.result().status()).as(path).isEqualTo(200);
            if (page.startsWith("/post/")) {
                assertThat(counted.result().body()).contains("Comment " + comments + " on the post");
            }
            return counted.statements().stream()
                    .filter(sql -> !sql.equals(POLL))
                    .toList();
        }

        private Browser registered(String name, String email) {
            Browser browser = blog.browser();
            Response r = browser.register(name, email, BlogHttpTest.PASSWORD);
            assertThat(r.status()).as("registering " + email).isEqualTo(303);
            return browser;
        }

        /** Writes posts {@code from} to {@code to} and returns their ids. */
        private List<Long> writePosts(long authorId, int from, int to) {
            List<Long> ids = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                ids.add(blog.db()
                        .posts()
                        .create(authorId, new PostContent("Post " + i, "About " + i, "", "Body", "<p>Body</p>"))
                        .id());
            }
            return ids;
        }

        private void writeComments(long postId, long authorId, int from, int to) {
            for (int i = from; i <= to; i++) {
                String text = "Comment " + i + " on the post";
                blog.db().comments().create(new NewComment(postId, authorId, text, "<p>" + text + "</p>"));
            }
        }

        /** The statements of one page on a cache miss and on a hit. */
        private record Counts(List<String> miss, List<String> hit) {}

        /** A pool configured as the library's own for a JDBC URL, so that the pages run as in production. */
        private static HikariDataSource pool(TestDatabase database) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(database.jdbcUrl());
            config.setMaximumPoolSize(4);
            if (database.dialect() == Dialect.SQLITE) {
                config.addDataSourceProperty("foreign_keys", "true");
                config.addDataSourceProperty("journal_mode", "WAL");
                config.addDataSourceProperty("busy_timeout", "10000");
                config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            }
            return new HikariDataSource(config);
        }
    }
}
