package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.comment.CommentRepository;
import org.cleanblog.core.contact.ContactMessageRepository;
import org.cleanblog.core.post.PostRepository;
import org.cleanblog.core.user.UserRepository;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The 500 page: a handler fails with an exception that is no BlogException (a bug, not a database outage), and the
 * visitor sees the blog's error page with nothing of the failure in it. The failure is injected through the
 * application's wiring ({@link BlogStorage}): the real database, with repositories that fail on demand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerErrorTest {
    private static final String INTERNAL = "FailingRepositories secret-internal-detail";

    private final AtomicBoolean failing = new AtomicBoolean();
    private RunningBlog blog;

    @BeforeAll
    void start() {
        blog = RunningBlog.start(
                Dialect.SQLITE,
                "ServerErrorTest",
                db -> new BlogStorage(new FailingRepositories(db, failing), db, db::isReachable, db, db));
    }

    @AfterAll
    void stop() throws Exception {
        blog.close();
    }

    @Test
    void shouldShowTheErrorPageWithoutInternalsWhenAHandlerFailsUnexpectedly() {
        // Failing before the page was ever shown: once shown, the page comes from the content cache (ADR 0034).
        failing.set(true);
        Response r = blog.browser().get("/");
        failing.set(false);
        assertThat(blog.browser().get("/").status())
                .as("the same page, not failing")
                .isEqualTo(200);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.header("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(r.header("Content-Security-Policy")).isPresent();
        assertThat(r.body())
                .contains("<!DOCTYPE html>", "class=\"masthead", "Something went wrong")
                .doesNotContain(
                        "secret-internal-detail",
                        "FailingRepositories",
                        "IllegalStateException",
                        "Exception",
                        "at org.",
                        "java.",
                        "Jetty");
    }

    /** The database's repositories, except that {@code posts()} throws while {@code failing} is set. */
    private record FailingRepositories(BlogDatabase db, AtomicBoolean failing) implements BlogRepositories {
        @Override
        public UserRepository users() {
            return db.users();
        }

        @Override
        public PostRepository posts() {
            if (failing.get()) {
                throw new IllegalStateException(INTERNAL);
            }
            return db.posts();
        }

        @Override
        public CommentRepository comments() {
            return db.comments();
        }

        @Override
        public ContactMessageRepository contactMessages() {
            return db.contactMessages();
        }
    }
}
