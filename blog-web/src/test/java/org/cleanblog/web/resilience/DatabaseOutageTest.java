package org.cleanblog.web.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.web.cache.ContentCache;
import org.cleanblog.web.support.Acknowledged;
import org.cleanblog.web.support.BlogOnDatabase;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Load;
import org.cleanblog.web.support.OwnedPostgres;
import org.cleanblog.web.support.RunningBlog;
import org.cleanblog.web.support.Writers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, 2.2: the PostgreSQL server goes away while the blog serves readers and writers, and comes back. Meanwhile
 * every page answers 503 promptly (no request waits for the pool's patience, no thread is held), {@code /healthz}
 * answers 503 and pages without the database still answer; once the server is back the blog serves again without a
 * restart, and no comment acknowledged before, during or after the outage is lost. PostgreSQL only: it is the
 * database that lives on another host and can go away; the test runs a server of its own to stop it.
 */
class DatabaseOutageTest {
    private static final int WRITERS = 4;
    private static final int READERS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    /** The issue asks for a 503 within 2 s; the rest is slack for a loaded 2-core machine, far below a hang. */
    private static final long PROMPT_MILLIS = 3_000;

    private final HttpClient probe = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private OwnedPostgres postgres;
    private BlogOnDatabase blog;

    @AfterEach
    void stop() throws Exception {
        try {
            if (blog != null) {
                blog.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void shouldAnswer503PromptlyWhilePostgresqlIsDownAndServeAgainWhenItIsBackLosingNoAcknowledgedComment()
            throws Exception {
        postgres = OwnedPostgres.start();
        blog = BlogOnDatabase.start(
                postgres.jdbcUrl(), PasswordHasher.withIterations(RunningBlog.TEST_ITERATIONS), RunningBlog.UNLIMITED);
        Browser admin = blog.browser();
        Writers.register(admin, "Ada Admin", "ada@example.org", Load.address(0));
        long postId = admin.writePost("Outage", "", "The database will go away under this post.");
        Load load = new Load(blog.uri(), Duration.ofSeconds(20));
        Writers.add(load, blog::browser, WRITERS, postId, "writer", 1);
        for (int i = 0; i < READERS; i++) {
            load.reader("reader-" + i, Load.address(100 + i), "/", "/post/" + postId);
        }

        load.start();
        Thread.sleep(2_000);
        long acknowledgedBefore = load.acknowledgedSoFar();
        postgres.stop();
        long stopped = System.nanoTime();
        Thread.sleep(1_000);
        Timed healthz = get("/healthz");
        Timed about = get("/about");
        Thread.sleep(OUTAGE.minusSeconds(1).toMillis());
        long restarting = System.nanoTime();
        postgres.restart();
        long restarted = System.nanoTime();
        long recovered = waitForHome(restarted + Duration.ofSeconds(30).toNanos());
        Thread.sleep(2_000);
        List<Load.Sent> sent = load.stop();

        List<Load.Sent> duringOutage = sent.stream()
                .filter(s -> s.startNanos() > stopped && s.endNanos() < restarting)
                .toList();
        List<Load.Sent> afterRecovery =
                sent.stream().filter(s -> s.startNanos() > recovered).toList();
        System.out.printf(
                "DatabaseOutageTest: %d requests, statuses %s; during the outage %s, slowest %d ms; /healthz %s;"
                        + " PostgreSQL restarted in %d ms, blog serving %d ms later; after: %s%n",
                sent.size(),
                Load.statuses(sent),
                Load.statuses(duringOutage),
                duringOutage.stream().mapToLong(Load.Sent::millis).max().orElse(0),
                healthz,
                (restarted - restarting) / 1_000_000,
                (recovered - restarted) / 1_000_000,
                Load.statuses(afterRecovery));

        assertThat(acknowledgedBefore)
                .as("comments acknowledged before the outage")
                .isPositive();
        assertThat(sent)
                .as("requests that failed, hung past the client's timeout or got another 5xx than 503")
                .filteredOn(s -> s.status() == 0 || (s.status() >= 500 && s.status() != 503))
                .isEmpty();
        assertThat(duringOutage)
                .as("requests sent and answered during the outage")
                .hasSizeGreaterThan(WRITERS);
        // A page kept in memory (ADR 0034) may still be read until the content cache stops being used, at most
        // ContentCache.FRESH_FOR after the database stopped answering (before stop() returned); every write, and every
        // read after that bound, gets 503.
        long cacheUsedAtMostUntil = stopped + ContentCache.FRESH_FOR.toNanos();
        assertThat(duringOutage)
                .filteredOn(s -> s.comment() != null || s.startNanos() > cacheUsedAtMostUntil || s.status() != 200)
                .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(503));
        assertThat(sent)
                .as("requests slower than " + PROMPT_MILLIS + " ms")
                .filteredOn(s -> s.millis() > PROMPT_MILLIS)
                .isEmpty();
        assertThat(healthz.status()).isEqualTo(503);
        assertThat(healthz.millis()).isLessThanOrEqualTo(PROMPT_MILLIS);
        assertThat(about.status())
                .as("a page without the database, during the outage")
                .isEqualTo(200);
        assertThat(afterRecovery).extracting(Load.Sent::status).isNotEmpty().isSubsetOf(Set.of(200, 303));
        assertThat(afterRecovery).as("comments acknowledged after recovery").anyMatch(Load.Sent::acknowledged);
        assertThat(get("/healthz").status()).isEqualTo(200);
        Map<Long, String> acknowledged = Acknowledged.comments(sent);
        assertThat(Acknowledged.stored(postgres.connect(), postId)).containsAllEntriesOf(acknowledged);
    }

    /** Polls the home page until it answers 200; returns when it did. */
    private long waitForHome(long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            if (get("/").status() == 200) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the blog did not serve its home page again within 30 s of PostgreSQL's restart");
    }

    private Timed get(String path) throws Exception {
        URI uri = blog.uri().resolve(path);
        long start = System.nanoTime();
        HttpResponse<Void> r = probe.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.discarding());
        return new Timed(r.statusCode(), (System.nanoTime() - start) / 1_000_000);
    }

    private record Timed(int status, long millis) {
        @Override
        public String toString() {
            return status + " in " + millis + " ms";
        }
    }
}
