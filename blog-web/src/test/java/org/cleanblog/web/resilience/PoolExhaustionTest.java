package org.cleanblog.web.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, 3: a {@code serve} process configured as an operator would ({@code DATABASE_POOL_SIZE=1},
 * {@code DATABASE_POOL_TIMEOUT=1}) whose only connection is held by a request stuck behind a lock another program
 * holds: the next request that needs the database waits the bounded time and gets the 503 page, it does not hang; the
 * stuck request completes once the lock is gone, and the blog serves again with nothing lost (ADR 0029).
 */
class PoolExhaustionTest {
    /** Far above the 1 s the request should wait: a guard against a hang, not a speed check. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

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

    abstract static class Cases {
        private final Dialect dialect;

        @TempDir
        Path folder;

        private TestDatabase database;
        private ServerProcess server;

        Cases(Dialect dialect) {
            this.dialect = dialect;
        }

        @AfterEach
        void stop() throws InterruptedException {
            if (server != null) {
                server.close();
            }
            if (database != null) {
                database.close();
            }
        }

        @Test
        void shouldAnswer503AfterTheBoundedWaitWhenEveryConnectionIsHeldThenServeAgain() throws Exception {
            database = TestDatabase.create(dialect, "PoolExhaustion");
            server = ServerProcess.start(
                    database.jdbcUrl(),
                    folder,
                    "pool-of-one",
                    Map.of("DATABASE_POOL_SIZE", "1", "DATABASE_POOL_TIMEOUT", "1"));
            Browser admin = server.browser();
            admin.register("Ada", "ada@example.org", "correct horse battery");
            long postId = admin.writePost("Busy", "", "One connection for everyone.");
            String postPath = "/post/" + postId;

            CompletableFuture<Response> stuck;
            try (Connection other = database.connect()) {
                holdTheWriteLock(other);
                // A comment waits for the lock, holding the pool's only connection.
                stuck = CompletableFuture.supplyAsync(
                        () -> admin.submit(postPath, postPath, Map.of("comment_text", "Patience")));

                // The admin's contact messages: read from the database on every request (pages that the content
                // cache keeps would be served without a connection).
                Browser reader = server.browser();
                reader.setSessionCookie(admin.sessionCookie());
                Response refused = firstAnswerOtherThan200(reader, "/messages");
                assertThat(refused.status())
                        .as("a page while the only connection is held")
                        .isEqualTo(503);
                assertThat(refused.body()).contains("Temporarily unavailable");
                assertThat(stuck).as("the request holding the connection").isNotDone();

                releaseTheWriteLock(other);
            }
            assertThat(stuck.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).status())
                    .as("the comment that waited for the lock")
                    .isEqualTo(303);
            Response served = server.browser().get(postPath);
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.body()).contains("Patience");
            assertThat(server.log()).doesNotContain("Exception in thread");
        }

        /** Takes the lock a comment needs, from a connection of the test's own, in a transaction left open. */
        private void holdTheWriteLock(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                if (dialect == Dialect.SQLITE) {
                    // The file's one write lock, at once (in auto-commit mode the driver leaves BEGIN to us).
                    statement.execute("BEGIN IMMEDIATE");
                } else {
                    connection.setAutoCommit(false);
                    statement.execute("LOCK TABLE comments IN EXCLUSIVE MODE");
                }
            }
        }

        private void releaseTheWriteLock(Connection connection) throws SQLException {
            if (dialect == Dialect.SQLITE) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK");
                }
            } else {
                connection.rollback();
            }
        }

        /**
         * Asks for {@code path} until an answer is not a 200, that is once the stuck request holds the connection.
         * Each answer comes within the pool timeout; only the number of tries is bounded.
         */
        private static Response firstAnswerOtherThan200(Browser visitor, String path) {
            for (int i = 0; i < 60; i++) {
                Response response = visitor.get(path);
                if (response.status() != 200) {
                    return response;
                }
            }
            throw new AssertionError("every request to " + path + " was served while the pool's only connection"
                    + " should have been held");
        }
    }
}
