package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.RawHttp;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.Xml;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

class PublicPagesTest {
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
        @ValueSource(strings = {"/", "/about", "/contact", "/login", "/register"})
        void shouldServeEveryPublicPageWithItsLayout(String path) {
            Response page = blog.browser().get(path);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).hasValue("text/html;charset=utf-8");
            assertThat(page.body()).contains("<!DOCTYPE html>", "class=\"masthead");
            assertThat(page.body()).containsPattern("href=\"/static/blog\\.[0-9a-f]{10}\\.css\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/post/1", "/nope", "/static/blog.css", "/healthz"})
        void shouldSendSecurityHeadersOnEveryResponse(String path) {
            Response r = blog.browser().get(path);

            assertThat(r.header("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("script-src 'self'", "frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(r.header("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.header("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(r.header("X-Frame-Options")).hasValue("DENY");
            assertThat(r.header("Server")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/post/abc",
                    "/post/0",
                    "/post/-1",
                    "/post/999999",
                    "/post/99999999999999999999",
                    "/post/",
                    "/edit",
                    "/no/such/page",
                    "/?page=abc",
                    "/?page=0",
                    "/?page=99",
                    "/static/missing.css",
                    "/static/..%2Fapplication.properties",
                    "/sitemap/0.xml",
                    "/sitemap/01.xml",
                    "/sitemap/-1.xml",
                    "/sitemap/abc.xml",
                    "/sitemap/2.xml",
                    "/sitemap/99999999999999999999.xml",
                    "/sitemap/1",
                    "/sitemap/1.json",
                    "/sitemap/.xml",
                    "/sitemap/",
                    "/sitemap.xml/1"
                })
        void shouldAnswer404WithAPageThatShowsNoInternals(String path) {
            Response r = blog.browser().get(path);

            assertThat(r.status()).isIn(400, 404);
            assertThat(r.body()).contains("<!DOCTYPE html>").doesNotContain("Exception", "jetty", "Jetty", "at org.");
            if (!path.contains("%2F")) {
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.body()).contains("Page not found");
            }
        }

        @Test
        void shouldAnswer405WithAllowHeaderWhenTheMethodDoesNotFitThePath() {
            Browser visitor = blog.browser();
            String token = visitor.csrfToken("/contact");

            Response post = visitor.post("/about", Map.of("csrf_token", token));

            assertThat(post.status()).isEqualTo(405);
            assertThat(post.header("Allow")).hasValue("GET, HEAD");
            assertThat(post.body()).contains("Method not allowed");
            assertThat(visitor.get("/logout").status()).isEqualTo(405);
        }

        @Test
        void shouldReportHealthyWhenTheDatabaseAnswers() {
            Response health = blog.browser().get("/healthz");

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
        }

        @Test
        void shouldServeTheStylesheetFromTheJar() {
            Response css = blog.browser().get("/static/blog.css");

            assertThat(css.status()).isEqualTo(200);
            assertThat(css.header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
            assertThat(css.body()).contains(".post-preview");
        }

        @Test
        void shouldListPostsInTheFeedAndTheSitemapAsWellFormedXmlEvenWithControlCharacters() throws Exception {
            long id = admin.writePost("Feeds & <Things>", "About feeds", "Atom **entries**.");
            long authorId = blog.db()
                    .users()
                    .findByEmail("ada@example.org")
                    .orElseThrow()
                    .id();
            long control = blog.db()
                    .posts()
                    .create(authorId, new PostContent("Bell & <Tags>", "Sub", "", "b", "<p>xy</p>"))
                    .id();
            // Written behind the library's back: it refuses U+0001, but imported or older data may carry it.
            try (Connection connection = blog.database().connect();
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE posts SET title = ?, subtitle = ?, body_html = ? WHERE id = ?")) {
                update.setString(1, "Bell\u0001 & <Tags>");
                update.setString(2, "Sub\u0002");
                update.setString(3, "<p>x\u0003y</p>");
                update.setLong(4, control);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }

            Response feed = blog.browser().get("/feed.xml");
            Response index = blog.browser().get("/sitemap.xml");
            Response part = blog.browser().get("/sitemap/1.xml");

            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
            Document atom = Xml.parse(feed.body());
            assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
            assertThat(Xml.texts(atom, "entry", "title")).contains("Feeds & <Things>", "Bell & <Tags>");
            assertThat(Xml.texts(atom, "entry", "summary")).contains("About feeds", "Sub");
            assertThat(Xml.texts(atom, "entry", "content").stream().map(String::strip))
                    .contains("<p>Atom <strong>entries</strong>.</p>", "<p>xy</p>");
            assertThat(Xml.texts(atom, "entry", "id"))
                    .contains(
                            blog.uri().resolve("/post/" + id).toString(),
                            blog.uri().resolve("/post/" + control).toString());

            // Fewer than 5,000 posts: the index lists one part, which lists the pages and every post.
            assertThat(index.status()).isEqualTo(200);
            assertThat(index.header("Content-Type")).hasValue("application/xml; charset=UTF-8");
            Document parts = Xml.parse(index.body());
            assertThat(parts.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
            assertThat(parts.getDocumentElement().getNamespaceURI())
                    .isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
            assertThat(Xml.texts(parts, "sitemap", "loc"))
                    .containsExactly(blog.uri().resolve("/sitemap/1.xml").toString());

            assertThat(part.status()).isEqualTo(200);
            assertThat(part.header("Content-Type")).hasValue("application/xml; charset=UTF-8");
            Document urls = Xml.parse(part.body());
            assertThat(urls.getDocumentElement().getLocalName()).isEqualTo("urlset");
            assertThat(urls.getDocumentElement().getNamespaceURI())
                    .isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
            List<String> locations = Xml.texts(urls, "url", "loc");
            assertThat(locations.subList(0, 3))
                    .containsExactly(
                            blog.uri().resolve("/").toString(),
                            blog.uri().resolve("/about").toString(),
                            blog.uri().resolve("/contact").toString());
            assertThat(locations)
                    .contains(
                            blog.uri().resolve("/post/" + id).toString(),
                            blog.uri().resolve("/post/" + control).toString())
                    .doesNotHaveDuplicates()
                    .hasSize(3 + (int) blog.db().posts().count());
            assertThat(Xml.texts(urls, "url", "lastmod"))
                    .contains(blog.db()
                            .posts()
                            .findById(control)
                            .orElseThrow()
                            .updatedAt()
                            .toString());
        }

        @ParameterizedTest
        @ValueSource(strings = {"evil.example/<x>", "evil.example\"><x", "a b.example", "evil.example:99999x", "[::1"})
        void shouldIgnoreAMalformedHostHeaderInFeedLinks(String host) {
            String raw = RawHttp.get(blog.uri(), "/sitemap/1.xml", host);

            String status = raw.substring(0, raw.indexOf("\r\n"));
            assertThat(status).matches("HTTP/1\\.1 (200|400) .*");
            if (status.contains(" 200 ")) {
                assertThat(raw)
                        .doesNotContain(host)
                        .contains("<loc>http://localhost:" + blog.uri().getPort() + "/about");
            }
        }

        @Test
        void shouldUseAWellFormedHostHeaderWithItsPort() {
            String index = RawHttp.get(blog.uri(), "/sitemap.xml", "blog.example.org:8443");
            String part = RawHttp.get(blog.uri(), "/sitemap/1.xml", "blog.example.org:8443");

            assertThat(index)
                    .startsWith("HTTP/1.1 200")
                    .contains("<loc>http://blog.example.org:8443/sitemap/1.xml</loc>");
            assertThat(part).startsWith("HTTP/1.1 200").contains("<loc>http://blog.example.org:8443/about</loc>");
        }
    }
}
