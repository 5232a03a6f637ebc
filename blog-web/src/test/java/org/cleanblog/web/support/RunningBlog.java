package org.cleanblog.web.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.cleanblog.config.TrustedProxies;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.BlogApplication;
import org.cleanblog.web.BlogStorage;
import org.cleanblog.web.Limits;
import org.cleanblog.web.WebSettings;
import org.cleanblog.web.http.BlogServer;
import org.cleanblog.web.http.ConcurrencyLimit;
import org.cleanblog.web.http.Throttle;

/**
 * The real blog on a real server (port 0) and a fresh database of one dialect, for one test class. Passwords are
 * hashed with {@link #TEST_ITERATIONS} iterations to keep the tests fast; production code always uses the default.
 */
public final class RunningBlog implements AutoCloseable {
    public static final int TEST_ITERATIONS = 1_000;
    public static final String SECRET = "test-secret-key-that-is-long-enough-for-hmac-sha256";
    /** Limits that the tests' many registrations from one address never reach; {@code ThrottlingTest} sets tight ones. */
    public static final Throttle NO_THROTTLE = new Throttle(Integer.MAX_VALUE, 1, 16, System::currentTimeMillis);

    public static final Limits UNLIMITED = new Limits(new ConcurrencyLimit(64), NO_THROTTLE, NO_THROTTLE, NO_THROTTLE);

    private final TestDatabase database;
    private final BlogDatabase db;
    private final BlogServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private RunningBlog(TestDatabase database, BlogDatabase db, BlogServer server) {
        this.database = database;
        this.db = db;
        this.server = server;
    }

    public static RunningBlog start(Dialect dialect, String label) {
        return start(dialect, label, WebSettings.DEFAULT_MAX_REQUEST_BYTES);
    }

    public static RunningBlog start(Dialect dialect, String label, long maxRequestBytes) {
        return start(TestDatabase.create(dialect, label), TestDatabase::open, maxRequestBytes);
    }

    /**
     * The blog on {@code database} opened by {@code open}, e.g. through a DataSource the test controls; the
     * BlogDatabase and the TestDatabase are closed with the blog.
     */
    public static RunningBlog start(
            TestDatabase database, Function<TestDatabase, BlogDatabase> open, long maxRequestBytes) {
        return start(
                database,
                open,
                db -> new BlogStorage(db, db, db::isReachable, db, db),
                maxRequestBytes,
                UNLIMITED,
                TrustedProxies.loopback());
    }

    /**
     * The blog on {@code database} opened by {@code open} and wired to the storage that {@code storage} builds around
     * it, e.g. a content version whose listeners the test calls itself.
     */
    public static RunningBlog start(
            TestDatabase database,
            Function<TestDatabase, BlogDatabase> open,
            Function<BlogDatabase, BlogStorage> storage) {
        return start(
                database, open, storage, WebSettings.DEFAULT_MAX_REQUEST_BYTES, UNLIMITED, TrustedProxies.loopback());
    }

    /** The blog on a fresh database with the given request limits. */
    public static RunningBlog start(Dialect dialect, String label, Limits limits) {
        return start(dialect, label, limits, TrustedProxies.loopback());
    }

    /** The blog on a fresh database with the given request limits, believing forwarding headers from {@code proxies}. */
    public static RunningBlog start(Dialect dialect, String label, Limits limits, TrustedProxies proxies) {
        return start(
                TestDatabase.create(dialect, label),
                TestDatabase::open,
                db -> new BlogStorage(db, db, db::isReachable, db, db),
                WebSettings.DEFAULT_MAX_REQUEST_BYTES,
                limits,
                proxies);
    }

    /** The blog on a fresh database with the production limits, their buckets in that database (ADR 0030). */
    public static RunningBlog startWithSharedLimits(Dialect dialect, String label) {
        return start(
                TestDatabase.create(dialect, label),
                TestDatabase::open,
                db -> new BlogStorage(db, db, db::isReachable, db, db),
                WebSettings.DEFAULT_MAX_REQUEST_BYTES,
                null,
                TrustedProxies.loopback());
    }

    /**
     * The blog on a fresh database, wired to the storage that {@code storage} builds around it, e.g. repositories that
     * fail on demand to reach the error paths.
     */
    public static RunningBlog start(Dialect dialect, String label, Function<BlogDatabase, BlogStorage> storage) {
        return start(
                TestDatabase.create(dialect, label),
                TestDatabase::open,
                storage,
                WebSettings.DEFAULT_MAX_REQUEST_BYTES,
                UNLIMITED,
                TrustedProxies.loopback());
    }

    private static RunningBlog start(
            TestDatabase database,
            Function<TestDatabase, BlogDatabase> open,
            Function<BlogDatabase, BlogStorage> storage,
            long maxRequestBytes,
            Limits limits,
            TrustedProxies proxies) {
        BlogDatabase db;
        try {
            db = open.apply(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        WebSettings settings = new WebSettings(
                "127.0.0.1",
                0,
                List.of(SECRET, "an-older-key-still-accepted-for-verification"),
                proxies,
                WebSettings.DEFAULT_SESSION_LIFETIME,
                maxRequestBytes,
                "");
        try {
            BlogStorage wired = storage.apply(db);
            // No limits given: the production ones, as the blog's main() starts it.
            BlogServer server = limits == null
                    ? BlogApplication.start(wired, settings, PasswordHasher.withIterations(TEST_ITERATIONS))
                    : BlogApplication.start(wired, settings, PasswordHasher.withIterations(TEST_ITERATIONS), limits);
            return new RunningBlog(database, db, server);
        } catch (Exception e) {
            db.close();
            database.close();
            throw new IllegalStateException("the blog did not start on " + database, e);
        }
    }

    /** A new visitor with no cookies. */
    public Browser browser() {
        return new Browser(client, server.uri());
    }

    public URI uri() {
        return server.uri();
    }

    /** The database, to arrange data and to check what was (not) stored. */
    public BlogDatabase db() {
        return db;
    }

    public Dialect dialect() {
        return database.dialect();
    }

    /** The test database itself, to store what the library refuses (data imported or stored before its rules). */
    public TestDatabase database() {
        return database;
    }

    /**
     * Another instance of the blog on the same database, signing sessions with the first of {@code secretKeys} and
     * verifying with all of them (SECRET_KEY then SECRET_KEY_FALLBACKS), e.g. the same blog after a key rotation.
     * Closing it stops that server only.
     */
    public Instance startInstance(List<String> secretKeys) throws Exception {
        return startInstance(secretKeys, UNLIMITED);
    }

    /** As {@link #startInstance(List)}, with the given request limits, e.g. {@link Limits#shared} on {@link #db()}. */
    public Instance startInstance(List<String> secretKeys, Limits limits) throws Exception {
        WebSettings settings = new WebSettings(
                "127.0.0.1",
                0,
                secretKeys,
                TrustedProxies.loopback(),
                WebSettings.DEFAULT_SESSION_LIFETIME,
                WebSettings.DEFAULT_MAX_REQUEST_BYTES,
                "");
        BlogServer other = BlogApplication.start(
                new BlogStorage(db, db, db::isReachable, db, db),
                settings,
                PasswordHasher.withIterations(TEST_ITERATIONS),
                limits);
        return new Instance(other, client);
    }

    /** A further server of this blog (see {@link #startInstance}). */
    public static final class Instance implements AutoCloseable {
        private final BlogServer server;
        private final HttpClient client;

        private Instance(BlogServer server, HttpClient client) {
            this.server = server;
            this.client = client;
        }

        /** A new visitor of this instance with no cookies. */
        public Browser browser() {
            return new Browser(client, server.uri());
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            db.close();
            database.close();
        }
    }
}
