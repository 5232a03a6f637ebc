package org.cleanblog.web.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.cleanblog.config.TrustedProxies;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.web.BlogApplication;
import org.cleanblog.web.BlogStorage;
import org.cleanblog.web.Limits;
import org.cleanblog.web.WebSettings;
import org.cleanblog.web.http.BlogServer;

/**
 * The real blog on a real server (port 0) over a database the test prepared itself (imported, say), with the
 * password hasher the test chooses: {@link PasswordHasher#standard()} to see hashes upgraded as in production. Closing
 * it stops the server and closes the BlogDatabase, not the test's database.
 */
public final class BlogOnDatabase implements AutoCloseable {
    private final BlogDatabase db;
    private final BlogServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private BlogOnDatabase(BlogDatabase db, BlogServer server) {
        this.db = db;
        this.server = server;
    }

    /** Opens (and migrates) the database at {@code jdbcUrl} and starts the blog on it. */
    public static BlogOnDatabase start(String jdbcUrl, PasswordHasher hasher) {
        return start(jdbcUrl, hasher, Limits::shared);
    }

    /** As {@link #start(String, PasswordHasher)}, with the given request limits ({@link RunningBlog#UNLIMITED}, say). */
    public static BlogOnDatabase start(String jdbcUrl, PasswordHasher hasher, Limits limits) {
        return start(jdbcUrl, hasher, db -> limits);
    }

    /** As {@link #start(String, PasswordHasher)}, with request limits made for the opened database. */
    public static BlogOnDatabase start(String jdbcUrl, PasswordHasher hasher, Function<BlogDatabase, Limits> limits) {
        BlogDatabase db = BlogDatabase.open(jdbcUrl, null, null);
        WebSettings settings = new WebSettings(
                "127.0.0.1",
                0,
                List.of(RunningBlog.SECRET),
                TrustedProxies.loopback(),
                WebSettings.DEFAULT_SESSION_LIFETIME,
                WebSettings.DEFAULT_MAX_REQUEST_BYTES,
                "");
        try {
            return new BlogOnDatabase(
                    db,
                    BlogApplication.start(
                            new BlogStorage(db, db, db::isReachable, db, db), settings, hasher, limits.apply(db)));
        } catch (Exception e) {
            db.close();
            throw new IllegalStateException("the blog did not start on " + jdbcUrl.replaceAll("\\?.*", "?…"), e);
        }
    }

    /** A new visitor with no cookies. */
    public Browser browser() {
        return new Browser(client, server.uri());
    }

    public URI uri() {
        return server.uri();
    }

    public BlogDatabase db() {
        return db;
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            db.close();
        }
    }
}
