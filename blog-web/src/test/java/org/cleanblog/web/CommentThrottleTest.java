package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.http.ConcurrencyLimit;
import org.cleanblog.web.http.Throttle;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 1.8: comments are throttled per account and per client address (a burst of 2 and a clock moved by
 * hand here; the blog's own limits are in {@link Limits}). A refused comment is not stored.
 */
class CommentThrottleTest {
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

    abstract static class Cases extends BlogHttpTest {
        private final AtomicLong now = new AtomicLong();

        Cases(Dialect dialect) {
            super(dialect);
        }

        @Override
        protected RunningBlog startBlog() {
            return RunningBlog.start(
                    dialect,
                    getClass().getSimpleName(),
                    new Limits(
                            new ConcurrencyLimit(4),
                            RunningBlog.NO_THROTTLE,
                            RunningBlog.NO_THROTTLE,
                            new Throttle(2, 30_000, 100, now::get)));
        }

        private static Response comment(Browser user, long postId, String text, String address) {
            String token = user.csrfToken("/post/" + postId);
            return user.post(
                    "/post/" + postId, Map.of("comment_text", text, "csrf_token", token), "X-Forwarded-For", address);
        }

        private long stored(long postId) {
            return blog.db().comments().findByPost(postId).size();
        }

        @Test
        void shouldAnswer429WithRetryAfterOnceAnAccountCommentedItsBurstAndStoreNothing() {
            long id = admin.writePost("Busy", "", "Body");
            Browser user = newUser();

            Response first = comment(user, id, "one", "192.0.2.1");
            Response second = comment(user, id, "two", "192.0.2.2");
            Response third = comment(user, id, "three", "192.0.2.3");

            assertThat(first.status()).isEqualTo(303);
            assertThat(second.status()).isEqualTo(303);
            assertThat(third.status())
                    .as("the account's budget, from any address")
                    .isEqualTo(429);
            assertThat(third.header("Retry-After")).hasValue("30");
            assertThat(third.body()).contains("Too many comments", "Wait 30 seconds");
            assertThat(stored(id)).isEqualTo(2);

            now.addAndGet(30_000);
            assertThat(comment(user, id, "four", "192.0.2.4").status()).isEqualTo(303);
            assertThat(stored(id)).isEqualTo(3);
        }

        @Test
        void shouldAnswer429OnceAnAddressCommentedItsBurstWhateverTheAccount() {
            long id = admin.writePost("Shared address", "", "Body");
            String address = "192.0.2.50";

            Response a = comment(newUser(), id, "a", address);
            Response b = comment(newUser(), id, "b", address);
            Response c = comment(newUser(), id, "c", address);
            Response elsewhere = comment(newUser(), id, "d", "192.0.2.51");

            assertThat(a.status()).isEqualTo(303);
            assertThat(b.status()).isEqualTo(303);
            assertThat(c.status()).isEqualTo(429);
            assertThat(elsewhere.status()).isEqualTo(303);
            assertThat(stored(id)).isEqualTo(3);
        }

        @Test
        void shouldNotChargeTheAccountWhenTheAddressRefusesTheComment() {
            long id = admin.writePost("Refused", "", "Body");
            String busy = "192.0.2.80";
            comment(newUser(), id, "x", busy);
            comment(newUser(), id, "y", busy);
            Browser user = newUser();

            assertThat(comment(user, id, "refused", busy).status()).isEqualTo(429);
            assertThat(comment(user, id, "one", "192.0.2.81").status()).isEqualTo(303);
            assertThat(comment(user, id, "two", "192.0.2.82").status())
                    .as("the refused comment cost the account nothing")
                    .isEqualTo(303);
        }
    }
}
