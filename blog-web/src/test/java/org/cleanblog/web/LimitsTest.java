package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

class LimitsTest {
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

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class Cases extends BlogHttpTest {
        static final long LIMIT = 16 * 1024;

        Cases(Dialect dialect) {
            super(dialect);
        }

        @Override
        protected RunningBlog startBlog() {
            return RunningBlog.start(dialect, getClass().getSimpleName(), LIMIT);
        }

        @Test
        @Order(1)
        void shouldAnswer413WhenTheBodyIsLargerThanTheLimitAndStoreNothing() {
            long before = blog.db().posts().count();
            String token = admin.csrfToken("/new-post");

            Response r = admin.post(
                    "/new-post", Map.of("csrf_token", token, "title", "Huge", "body", "x".repeat((int) LIMIT + 1)));

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.body()).contains("Too large").doesNotContain("Exception", "Jetty");
            assertThat(r.header("Content-Security-Policy")).isPresent();
            assertThat(blog.db().posts().count()).isEqualTo(before);
        }

        @Test
        @Order(1)
        void shouldAnswer413WhenAChunkedBodyWithoutContentLengthIsLargerThanTheLimitAndStoreNothing() {
            long before = blog.db().posts().count();
            String token = admin.csrfToken("/new-post");

            Response r = admin.postChunked(
                    "/new-post", Map.of("csrf_token", token, "title", "Huge", "body", "x".repeat((int) LIMIT + 1)));

            assertThat(r.status()).isEqualTo(413);
            assertThat(r.body()).contains("Too large").doesNotContain("Exception", "Jetty");
            assertThat(blog.db().posts().count()).isEqualTo(before);
        }

        @Test
        @Order(2)
        void shouldAcceptAChunkedBodyUnderTheLimit() {
            String token = admin.csrfToken("/new-post");

            Response r = admin.postChunked(
                    "/new-post",
                    Map.of("csrf_token", token, "title", "Chunked", "body", "z".repeat((int) LIMIT - 500)));

            assertThat(r.status()).isEqualTo(303);
            assertThat(admin.get(r.location()).body()).contains("Chunked");
        }

        @Test
        @Order(2)
        void shouldAcceptABodyJustUnderTheLimit() {
            long id = admin.writePost("Long", "", "y".repeat((int) LIMIT - 500));

            assertThat(admin.get("/post/" + id).status()).isEqualTo(200);
        }

        @Test
        @Order(3)
        void shouldAnswer503WhenTheDatabaseIsGone() {
            blog.db().close();

            Response home = blog.browser().get("/");
            Response health = blog.browser().get("/healthz");

            assertThat(home.status()).isEqualTo(503);
            assertThat(home.body())
                    .contains("cannot reach its database")
                    .doesNotContain("Exception", "SQLException", "jdbc", "Hikari");
            assertThat(health.status()).isEqualTo(503);
        }
    }
}
