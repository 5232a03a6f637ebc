package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cleanblog.core.StorageException;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.PostgresServer;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.http.ConcurrencyLimit;
import org.cleanblog.web.support.BlogOnDatabase;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.CommandProcess;
import org.cleanblog.web.support.PgBouncer;
import org.cleanblog.web.support.PgBouncerExecutable;
import org.cleanblog.web.support.RunningBlog;
import org.cleanblog.web.support.ServerDatabase;
import org.cleanblog.web.support.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blog behind PgBouncer in transaction-pooling mode (ADR 0031): every page and every write as {@code serve} runs
 * with DATABASE_URL direct and DATABASE_CONNECTION_POOL_URL at a pooler of one server connection; twenty visitors at
 * once on {@value #SERVER_CONNECTIONS} server connections; copy-db; and what migrating through a pooler needs. URLs of
 * the pooler given to the library or as DATABASE_URL carry the driver setting a pooler needs ({@value
 * #POOLER_PARAMETERS}); the first test shows why. Skipped, saying so, where PgBouncer is not installed, unless it is
 * required (see {@link PgBouncerExecutable}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBouncerTest {
    static final int SERVER_CONNECTIONS = 3;
    static final int VISITORS = 20;
    static final String POOLER_PARAMETERS = "prepareThreshold=0";
    private static final String PASSWORD = "correct horse battery";
    private static final Duration VISIT_BOUND = Duration.ofMinutes(2);

    /** Wait for a server connection of {@link #single} before the pooler gives up on the client. */
    private static final Duration SINGLE_QUERY_WAIT = Duration.ofSeconds(5);

    private PgBouncer pgbouncer;
    /** A pooler with one server connection, that every client shares. */
    private PgBouncer single;

    @TempDir
    Path folder;

    @BeforeAll
    void startPgBouncer() throws Exception {
        pgbouncer = PgBouncer.start(
                PgBouncerExecutable.forThisRun(), PostgresServer.get().baseUrl(), SERVER_CONNECTIONS);
        single = PgBouncer.start(
                PgBouncerExecutable.forThisRun(), PostgresServer.get().baseUrl(), 1, SINGLE_QUERY_WAIT);
    }

    @AfterAll
    void stopPgBouncer() {
        try {
            if (pgbouncer != null) {
                pgbouncer.close();
            }
        } finally {
            if (single != null) {
                single.close();
            }
        }
    }

    @Test
    void shouldShareServerConnectionsBetweenClientsSoThatNamedPreparedStatementsBreak() throws Exception {
        // The premise of the other tests: two clients' transactions run on the same server connection, so the
        // statement that pgjdbc prepares by name on its fifth execution (prepareThreshold=5) clashes with the other's.
        try (ServerDatabase database = ServerDatabase.create("pgbouncernamed");
                Connection first = DriverManager.getConnection(pgbouncer.jdbcUrl(database.name()));
                Connection second = DriverManager.getConnection(pgbouncer.jdbcUrl(database.name()))) {
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 10; i++) {
                            selectOne(first, i);
                            selectOne(second, i);
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("prepared statement \"S_1\"");
        }
    }

    @Test
    void shouldMigrateDirectlyThenServeEveryPageAndWriteThroughOneSharedServerConnection() throws Exception {
        // As on Heroku: DATABASE_URL reaches the database directly, DATABASE_CONNECTION_POOL_URL the pooler, without
        // any driver setting in it. Through the pooler's one server connection migrating an empty database would
        // stall (below), and the blog's connections' prepared statements would clash.
        try (ServerDatabase database = ServerDatabase.create("pgbouncerserve");
                ServerProcess blog = ServerProcess.start(
                        database.jdbcUrl(),
                        folder,
                        "behind-pgbouncer",
                        Map.of("DATABASE_CONNECTION_POOL_URL", single.databaseUrl(database.name())))) {
            try {
                EveryPage.visit(blog.browser(), blog.browser());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nthe blog's log ends:\n" + blog.logTail(), e);
            }
            assertThat(blog.log())
                    .contains("serving http://127.0.0.1:")
                    .contains("on " + single.databaseUrl(database.name()))
                    .doesNotContainIgnoringCase("prepared statement");
        }
    }

    @Test
    void shouldNeedTwoServerConnectionsToApplyMigrationsThroughAPooler() throws Exception {
        // Flyway holds its lock in a transaction on the history table's connection while a second connection applies
        // the migrations: through a pool of one server connection the second waits until the pooler gives up on it.
        // Hence the blog migrates over DATABASE_URL, a direct connection, and serves through the pooler (ADR 0031).
        try (ServerDatabase database = ServerDatabase.create("pgbouncermigrate")) {
            String pooled = single.jdbcUrl(database.name()) + "&" + POOLER_PARAMETERS;

            assertThatThrownBy(() -> BlogDatabase.open(pooled, null, null).close())
                    .isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("could not migrate the POSTGRESQL schema");
            assertThat(single.log()).contains("query_wait_timeout");

            BlogDatabase.open(database.jdbcUrl(), null, null).close();
            try (BlogDatabase served = BlogDatabase.open(pooled, null, null)) {
                assertThat(served.users().count()).isZero();
            }
        }
    }

    @Test
    void shouldMigrateThroughAPoolerWithTwoServerConnectionsFree() throws Exception {
        try (ServerDatabase database = ServerDatabase.create("pgbouncermigrate")) {
            String url = pgbouncer.databaseUrl(database.name()) + "?" + POOLER_PARAMETERS;

            CommandProcess migrate = CommandProcess.run(folder, Map.of("DATABASE_URL", url), "migrate");

            assertThat(migrate.status()).as(migrate.output()).isZero();
            assertThat(migrate.output()).contains("Schema is up to date");
        }
    }

    @Test
    void shouldServeManyVisitorsAtOnceOnAFewServerConnections() throws Exception {
        try (ServerDatabase database = ServerDatabase.create("pgbouncerload");
                BlogOnDatabase blog = BlogOnDatabase.start(
                        pgbouncer.jdbcUrl(database.name()) + "&" + POOLER_PARAMETERS,
                        PasswordHasher.withIterations(RunningBlog.TEST_ITERATIONS),
                        PgBouncerTest::limitsOfManyVisitors)) {
            Browser admin = blog.browser();
            assertThat(admin.register("Ada Admin", "ada@example.org", PASSWORD).status())
                    .isEqualTo(303);
            long postId = admin.writePost("Pooled", "through PgBouncer", "Many visitors, few connections.");

            Queue<String> failures = new ConcurrentLinkedQueue<>();
            List<PooledVisitor> registered = new ArrayList<>();
            for (int i = 0; i < VISITORS; i++) {
                // One after the other: registrations queue for one row lock (the first-admin check) anyway, and twenty
                // at once on a busy machine outwait the pool's 1.5 s bound (ADR 0025) without telling us more.
                PooledVisitor visitor = new PooledVisitor(blog.browser(), i, postId, failures);
                visitor.register();
                registered.add(visitor);
            }
            ExecutorService visitors = Executors.newFixedThreadPool(VISITORS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (PooledVisitor visitor : registered) {
                    done.add(visitors.submit(visitor::visit));
                }
                for (Future<?> visit : done) {
                    try {
                        visit.get(VISIT_BOUND.toSeconds(), TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        // A bound so that a blog stuck behind the pooler fails the test instead of hanging the build.
                        throw new AssertionError("the visitors were still waiting for the blog after " + VISIT_BOUND
                                + "; failures so far: " + failures);
                    }
                }
            } finally {
                visitors.shutdownNow();
            }

            assertThat(failures).isEmpty();
            assertThat(blog.db().comments().count()).isEqualTo((long) VISITORS * PooledVisitor.COMMENTS);
            assertThat(blog.db().contactMessages().count()).isEqualTo(VISITORS);
            assertThat(blog.db().users().count()).isEqualTo(VISITORS + 1L);
        }
    }

    @Test
    void shouldCopyASqliteBlogIntoPostgresqlThroughThePooler() throws Exception {
        try (TestDatabase source = TestDatabase.sqlite();
                ServerDatabase target = ServerDatabase.create("pgbouncercopy")) {
            try (BlogDatabase blog = source.open()) {
                for (int i = 0; i < 3; i++) {
                    var owner = blog.users().create(Fixtures.newUser("owner" + i + "@example.org"));
                    var post = blog.posts().create(owner.id(), Fixtures.content("Post " + i));
                    blog.comments().create(Fixtures.comment(post.id(), owner.id(), "a comment on " + i));
                }
            }
            String url = pgbouncer.databaseUrl(target.name()) + "?" + POOLER_PARAMETERS;

            CommandProcess copy = CommandProcess.run(
                    folder, Map.of(), "copy-db", "--from", source.jdbcUrl(), "--to", url, "--progress", "lines");

            assertThat(copy.status()).as(copy.output()).isZero();
            assertThat(copy.output()).contains("verified:").doesNotContain("DIFFERENT");
            // The copied blog goes on through the pooler: new ids follow the copied ones.
            try (BlogDatabase blog =
                    BlogDatabase.open(pgbouncer.jdbcUrl(target.name()) + "&" + POOLER_PARAMETERS, null, null)) {
                assertThat(blog.posts().count()).isEqualTo(3);
                var user = blog.users().create(Fixtures.newUser("newcomer@example.org"));
                assertThat(user.id()).isGreaterThan(3);
            }
        }
    }

    /**
     * The production throttles, their buckets in the database (so that the upsert runs through the pooler too), with
     * a hash for every visitor at once: on a busy test machine the production bound (one per core) answers 503.
     */
    private static Limits limitsOfManyVisitors(BlogDatabase db) {
        Limits production = Limits.shared(db);
        return new Limits(
                new ConcurrencyLimit(VISITORS), production.forms(), production.logins(), production.comments());
    }

    private static void selectOne(Connection connection, int value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT ?::int")) {
            select.setInt(1, value);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
            }
        }
    }
}
