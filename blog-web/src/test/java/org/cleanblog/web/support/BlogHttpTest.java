package org.cleanblog.web.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.cleanblog.persistence.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the HTTP tests: one running blog on a fresh database per test class and dialect, with its admin (the first
 * registered user) logged in. Each test class declares its cases in an abstract nested class and runs them with one
 * {@code @Nested} subclass per dialect, so every case runs on SQLite and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BlogHttpTest {
    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger USERS = new AtomicInteger();

    protected RunningBlog blog;
    /** The first registered user, logged in. */
    protected Browser admin;

    protected final Dialect dialect;

    protected BlogHttpTest(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Override to start the blog with a smaller request size limit. */
    protected RunningBlog startBlog() {
        return RunningBlog.start(dialect, getClass().getSimpleName());
    }

    @BeforeAll
    void startBlogWithAdmin() {
        blog = startBlog();
        admin = blog.browser();
        Response registered = admin.register("Ada Admin", "ada@example.org", PASSWORD);
        if (registered.status() != 303) {
            throw new AssertionError("registering the admin failed: " + registered.status() + " " + registered.body());
        }
    }

    @AfterAll
    void stopBlog() throws Exception {
        blog.close();
    }

    /** A newly registered, logged-in user who is not an admin. */
    protected Browser newUser() {
        Browser user = blog.browser();
        int n = USERS.incrementAndGet();
        Response r = user.register("Reader " + n, "reader" + n + "@example.org", PASSWORD);
        if (r.status() != 303) {
            throw new AssertionError("registering a user failed: " + r.status() + " " + r.body());
        }
        return user;
    }
}
