package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP caching as ADR 0035 sets it, over HTTP: anonymous pages without a session may be kept briefly by a shared
 * cache ({@code Vary: Cookie}) and are revalidated by their entity tag; every response with a session or a form stays
 * {@code no-store}; the feed, the sitemap index and its parts answer conditional requests and say how long they may be
 * kept; static
 * files are served under a name holding their content hash, cached for good, and under their old names.
 */
class HttpCachingTest {
    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/static/blog\\.[0-9a-f]{10}\\.css)\"");

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
        Cases(Dialect dialect) {
            super(dialect);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/post/{id}"})
        void shouldLetASharedCacheKeepAnAnonymousPageBrieflyAndRevalidateItByItsTag(String page) {
            String path = page.replace("{id}", Long.toString(admin.writePost("Cached", "", "Body")));
            Response first = blog.browser().get(path);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Cache-Control")).hasValue("public, max-age=0, s-maxage=10");
            assertThat(first.header("Vary")).hasValue("Cookie");
            assertThat(first.setCookies()).isEmpty();
            String etag = first.header("ETag").orElseThrow();
            assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");

            Response again = blog.browser().get(path, "If-None-Match", etag);
            assertThat(again.status()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.header("ETag")).hasValue(etag);
            assertThat(blog.browser().get(path, "If-None-Match", "W/" + etag).status())
                    .as("If-None-Match compares weakly")
                    .isEqualTo(304);
            assertThat(blog.browser().get(path, "If-None-Match", "\"other\"").status())
                    .isEqualTo(200);
        }

        @Test
        void shouldChangeTheTagOfAnAnonymousPageWhenItsContentChanges() {
            long id = admin.writePost("Tagged", "", "Body");
            String before = blog.browser().get("/post/" + id).header("ETag").orElseThrow();

            Response commented = admin.submit("/post/" + id, "/post/" + id, Map.of("comment_text", "A new comment"));
            assertThat(commented.status()).isEqualTo(303);

            Response after = blog.browser().get("/post/" + id, "If-None-Match", before);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.body()).contains("A new comment");
            assertThat(after.header("ETag")).isPresent().get().isNotEqualTo(before);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/post/{id}", "/about", "/new-post"})
        void shouldKeepEveryPageOfALoggedInVisitorPrivate(String page) {
            String path = page.replace("{id}", Long.toString(admin.writePost("Private", "", "Body")));
            Response r = admin.get(path);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Cache-Control")).hasValue("no-store");
            assertThat(r.header("ETag")).isEmpty();
            assertThat(r.body()).contains("name=\"csrf_token\"");
        }

        @Test
        void shouldKeepAnAnonymousPageServedWithASessionPrivate() {
            Browser visitor = blog.browser();
            visitor.csrfToken("/login"); // the login form starts an anonymous session
            assertThat(visitor.sessionCookie()).isNotNull();

            Response r = visitor.get("/");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Cache-Control")).hasValue("no-store");
            assertThat(r.header("Vary")).hasValue("Cookie");
            assertThat(r.header("ETag")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/login", "/register", "/contact", "/nope", "/?page=99", "/sitemap/99.xml"})
        void shouldNotLetAnyCacheKeepFormsOrErrors(String path) {
            Response r = blog.browser().get(path);

            assertThat(r.header("Cache-Control")).hasValue("no-store");
            assertThat(r.header("ETag")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/feed.xml", "/sitemap/1.xml"})
        void shouldAnswerConditionalRequestsForTheFeedAndTheSitemapAndSayHowLongToKeepThem(String path) {
            admin.writePost("In the feed", "", "Body");
            Response first = blog.browser().get(path);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Cache-Control")).hasValue("public, max-age=300");
            String etag = first.header("ETag").orElseThrow();

            Response unchanged = blog.browser().get(path, "If-None-Match", etag);
            assertThat(unchanged.status()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
            assertThat(unchanged.header("Cache-Control")).hasValue("public, max-age=300");

            long id = admin.writePost("Newer", "", "Body");
            Response changed = blog.browser().get(path, "If-None-Match", etag);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body()).contains("/post/" + id);
            assertThat(changed.header("ETag")).isPresent().get().isNotEqualTo(etag);
        }

        @Test
        void shouldAnswerConditionalRequestsForTheSitemapIndexWhichAPostInTheSamePartDoesNotChange() {
            admin.writePost("Listed in part 1", "", "Body");
            Response first = blog.browser().get("/sitemap.xml");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Cache-Control")).hasValue("public, max-age=300");
            assertThat(first.setCookies()).isEmpty();
            assertThat(first.body()).contains("/sitemap/1.xml</loc>").doesNotContain("/sitemap/2.xml");
            String etag = first.header("ETag").orElseThrow();

            Response unchanged = blog.browser().get("/sitemap.xml", "If-None-Match", etag);
            assertThat(unchanged.status()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
            assertThat(unchanged.header("Cache-Control")).hasValue("public, max-age=300");

            // Fewer than 5,000 posts still: the index lists the same single part, and its tag stays.
            admin.writePost("Also in part 1", "", "Body");
            assertThat(blog.browser().get("/sitemap.xml", "If-None-Match", etag).status())
                    .isEqualTo(304);
            assertThat(blog.browser()
                            .get("/sitemap.xml", "If-None-Match", "\"other\"")
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void shouldSetNoCookieOnTheFeedWhateverTheRequestBrought() {
            Browser visitor = blog.browser();
            visitor.setSessionCookie("forged.cookie");

            Response r = visitor.get("/feed.xml");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.setCookies()).isEmpty();
            assertThat(r.header("Cache-Control")).hasValue("public, max-age=300");
        }

        @Test
        void shouldServeStaticFilesUnderTheirHashedNameForGoodAndUnderTheirOldName() {
            Matcher link = STYLESHEET.matcher(blog.browser().get("/").body());
            assertThat(link.find())
                    .as("the layout links the stylesheet by its hashed name")
                    .isTrue();

            Response hashed = blog.browser().get(link.group(1));
            assertThat(hashed.status()).isEqualTo(200);
            assertThat(hashed.header("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(hashed.body()).contains(".post-preview");

            Response old = blog.browser().get("/static/blog.css");
            assertThat(old.status()).isEqualTo(200);
            assertThat(old.body()).isEqualTo(hashed.body());
            assertThat(old.header("Cache-Control")).hasValue("public, no-cache");
            String etag = old.header("ETag").orElseThrow();
            assertThat(blog.browser()
                            .get("/static/blog.css", "If-None-Match", etag)
                            .status())
                    .isEqualTo(304);
            assertThat(blog.browser().get("/static/blog.0123456789.css").status())
                    .as("a hash of other content")
                    .isEqualTo(404);
        }
    }
}
