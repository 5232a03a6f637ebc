package org.cleanblog.web.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanblog.persistence.testing.Fixtures.content;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cleanblog.config.TrustedProxies;
import org.cleanblog.core.post.Post;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.WebSettings;
import org.cleanblog.web.cache.ContentCache;
import org.cleanblog.web.cache.VersionPoller;
import org.cleanblog.web.content.MarkdownRenderer;
import org.cleanblog.web.http.BlogServer;
import org.cleanblog.web.http.Router;
import org.cleanblog.web.session.SessionCodec;
import org.cleanblog.web.support.RunningBlog;
import org.cleanblog.web.support.Xml;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * The sitemap in parts over HTTP (ADR 0038), with {@value #PER_PART} posts per part instead of 5,000 so that a few
 * posts make several parts, and a configured base URL: the index lists every part, the parts together list every post
 * exactly once, oldest first, and a number past the last part, or one that is no number, is the blog's 404 page. Each
 * test runs the post routes on a fresh database with the content cache and its poller, as the blog wires them.
 */
class SitemapPartsTest {
    private static final String BASE = "https://blog.example.org";
    private static final int PER_PART = 3;

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
        private final HttpClient client = HttpClient.newHttpClient();
        private TestDatabase database;
        private BlogDatabase db;
        private BlogServer server;
        private long authorId;

        Cases(Dialect dialect) {
            this.dialect = dialect;
        }

        @BeforeEach
        void startThePostRoutes() throws Exception {
            database = TestDatabase.create(dialect, "SitemapPartsTest");
            db = database.open();
            var cache = new ContentCache(1024 * 1024);
            db.whenContentWrittenHere(cache::invalidate);
            var viewers = new Viewers(db.users(), cache);
            var views = new Views(viewers, cache);
            var router = new Router();
            PostRoutes.register(
                    router, views, viewers, db, new MarkdownRenderer(), BASE, RunningBlog.NO_THROTTLE, cache, PER_PART);
            server = BlogServer.start(
                    new BlogServer.Settings(
                            "127.0.0.1", 0, WebSettings.DEFAULT_MAX_REQUEST_BYTES, TrustedProxies.loopback()),
                    router,
                    new SessionCodec(
                            List.of(RunningBlog.SECRET), WebSettings.DEFAULT_SESSION_LIFETIME, Clock.systemUTC()),
                    views,
                    List.of(new VersionPoller(db::readContentVersion, cache, VersionPoller.INTERVAL)));
            authorId = db.users().create(newUser("author@example.org")).id();
        }

        @AfterEach
        void stop() throws Exception {
            try {
                if (server != null) {
                    server.close();
                }
            } finally {
                db.close();
                database.close();
            }
        }

        @Test
        void shouldListEveryPostExactlyOnceOldestFirstAcrossTheParts() throws Exception {
            List<Post> posts = new ArrayList<>();
            for (int i = 1; i <= 9; i++) {
                posts.add(db.posts().create(authorId, content("Post " + i)));
            }
            db.posts().delete(posts.remove(2).id());
            db.posts().delete(posts.remove(4).id());
            Post edited = db.posts().update(posts.get(0).id(), content("Post 1, edited"));
            posts.set(0, edited);

            assertThat(partsInTheIndex()).containsExactly(part(1), part(2), part(3));
            Document first = Xml.parse(get("/sitemap/1.xml").body());
            List<String> pages = Xml.texts(first, "url", "loc");
            assertThat(pages.subList(0, 3)).containsExactly(BASE + "/", BASE + "/about", BASE + "/contact");
            List<String> listed = new ArrayList<>(pages.subList(3, pages.size()));
            // The three pages have no lastmod: the texts are those of the posts only.
            List<String> lastModified = new ArrayList<>(Xml.texts(first, "url", "lastmod"));
            for (int n = 2; n <= 3; n++) {
                Document part = Xml.parse(get("/sitemap/" + n + ".xml").body());
                assertThat(part.getDocumentElement().getLocalName()).isEqualTo("urlset");
                listed.addAll(Xml.texts(part, "url", "loc"));
                lastModified.addAll(Xml.texts(part, "url", "lastmod"));
            }

            assertThat(listed)
                    .containsExactlyElementsOf(posts.stream()
                            .map(post -> BASE + "/post/" + post.id())
                            .toList());
            assertThat(lastModified)
                    .containsExactlyElementsOf(posts.stream()
                            .map(post -> post.updatedAt().toString())
                            .toList());
            assertThat(get("/sitemap/2.xml").body()).doesNotContain(BASE + "/about");
            assertNotFound("/sitemap/4.xml");
        }

        @Test
        void shouldAddAPartWhenThePostsNoLongerFitAndDropItWhenTheyFitAgain() throws Exception {
            List<Post> posts = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                posts.add(db.posts().create(authorId, content("Post " + i)));
            }
            assertThat(partsInTheIndex()).containsExactly(part(1), part(2));
            assertNotFound("/sitemap/3.xml");

            Post seventh = db.posts().create(authorId, content("Post 7"));

            assertThat(partsInTheIndex()).containsExactly(part(1), part(2), part(3));
            assertThat(locations(get("/sitemap/3.xml"))).containsExactly(BASE + "/post/" + seventh.id());

            db.posts().delete(posts.get(0).id());

            assertThat(partsInTheIndex()).containsExactly(part(1), part(2));
            assertThat(locations(get("/sitemap/2.xml"))).endsWith(BASE + "/post/" + seventh.id());
            assertNotFound("/sitemap/3.xml");
        }

        @Test
        void shouldListOnePartWithTheBlogsOwnPagesWhenThereAreNoPosts() throws Exception {
            assertThat(partsInTheIndex()).containsExactly(part(1));
            assertThat(locations(get("/sitemap/1.xml")))
                    .containsExactly(BASE + "/", BASE + "/about", BASE + "/contact");
            assertNotFound("/sitemap/2.xml");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "0",
                    "01",
                    "-1",
                    "+1",
                    "abc",
                    "1e3",
                    "0x1",
                    "1.5",
                    "2",
                    "3074457345618258603",
                    "3074457345618258604",
                    "9223372036854775807",
                    "99999999999999999999"
                })
        void shouldAnswerThe404PageForANumberThatNamesNoPart(String number) throws Exception {
            db.posts().create(authorId, content("Only"));

            assertNotFound("/sitemap/" + number + ".xml");
        }

        private static String part(int n) {
            return BASE + "/sitemap/" + n + ".xml";
        }

        private List<String> partsInTheIndex() throws Exception {
            HttpResponse<String> index = get("/sitemap.xml");
            Document document = Xml.parse(index.body());
            assertThat(document.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
            return Xml.texts(document, "sitemap", "loc");
        }

        private static List<String> locations(HttpResponse<String> part) throws Exception {
            return Xml.texts(Xml.parse(part.body()), "url", "loc");
        }

        private void assertNotFound(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = send(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("<!DOCTYPE html>", "Page not found");
            assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }

        /** {@code path} answered 200 with a sitemap file that any cache may keep. */
        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = send(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/xml; charset=UTF-8");
            assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=300");
            return r;
        }

        private HttpResponse<String> send(String path) throws IOException, InterruptedException {
            URI uri = server.uri().resolve(path);
            return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
