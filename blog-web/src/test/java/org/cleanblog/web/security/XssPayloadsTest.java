package org.cleanblog.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.Xml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 9, 2.5: the payloads of {@code xss-payloads.txt} (in the style of OWASP's XSS filter evasion cheat sheet)
 * typed into every web form that stores text (post title, subtitle, image URL and Markdown body; user names; comments;
 * contact messages), then every page that shows them, the feed and the sitemap read with an HTML parser: none holds
 * executable markup ({@link ExecutableMarkup}). A payload that a form refuses (a name too long, a NUL) is safe too;
 * the test checks that most of them were stored, so that it looks at something.
 */
class XssPayloadsTest {
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
        private final List<String> payloads = Payloads.xss();
        private final List<Long> postIds = new ArrayList<>();
        private int storedNames;
        private int storedComments;
        private int storedMessages;

        Cases(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void typeEveryPayloadIntoEveryForm() {
            for (int i = 0; i < payloads.size(); i++) {
                String payload = payloads.get(i);
                // Each visitor its own (documentation) address: the blog throttles forms and comments per address.
                String address = "198.51.100." + (i + 1);
                postIds.add(publish(i, payload));
                Browser reader = blog.browser();
                Response registered = reader.register(payload, "xss" + i + "@example.org", PASSWORD);
                if (registered.status() == 303) {
                    storedNames++;
                } else {
                    assertThat(registered.status())
                            .as("registering as %s", payload)
                            .isEqualTo(400);
                    assertThat(reader.register("Reader " + i, "xss" + i + "@example.org", PASSWORD)
                                    .status())
                            .isEqualTo(303);
                }
                String postPath = "/post/" + postIds.get(i);
                Response comment = submit(reader, postPath, postPath, Map.of("comment_text", payload), address);
                storedComments += comment.status() == 303 ? 1 : 0;
                Response message = submit(
                        blog.browser(),
                        "/contact",
                        "/contact",
                        Map.of(
                                "name",
                                payload,
                                "email",
                                "xss" + i + "@example.org",
                                "phone",
                                payload.length() <= 50 ? payload : "",
                                "message",
                                payload),
                        address);
                storedMessages += message.status() == 303 ? 1 : 0;
            }
        }

        /** Publishes a post carrying {@code payload} in every field that takes it; falls back field by field. */
        private long publish(int i, String payload) {
            String imgUrl = payload.startsWith("https://") ? payload : "https://example.org/" + payload;
            String body = "Payload " + i + ":\n\n" + payload + "\n\n<div>" + payload + "</div>\n\n> " + payload;
            Response r = admin.submit("/new-post", "/new-post", post(payload, payload, imgUrl, body));
            if (r.status() == 400) {
                r = admin.submit("/new-post", "/new-post", post("Payload " + i, "", "", body));
            }
            if (r.status() == 400) {
                r = admin.submit("/new-post", "/new-post", post("Payload " + i, "", "", "Payload " + i));
            }
            assertThat(r.status()).as("publishing payload %s", payload).isEqualTo(303);
            return Long.parseLong(r.location().substring("/post/".length()));
        }

        private static Map<String, String> post(String title, String subtitle, String imgUrl, String body) {
            return Map.of("title", title, "subtitle", subtitle, "img_url", imgUrl, "body", body);
        }

        private static Response submit(
                Browser browser, String page, String action, Map<String, String> fields, String address) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("csrf_token", browser.csrfToken(page));
            return browser.post(action, all, "X-Forwarded-For", address);
        }

        @Test
        void shouldHaveStoredMostPayloadsSoThatThePagesShowThem() {
            int n = payloads.size();
            assertThat(n).isGreaterThanOrEqualTo(50);
            assertThat(blog.db().posts().count()).isEqualTo(n);
            assertThat(storedComments).as("comments stored").isGreaterThan(n * 9 / 10);
            assertThat(storedMessages).as("contact messages stored").isGreaterThan(n * 9 / 10);
            assertThat(storedNames).as("user names stored").isGreaterThan(n * 8 / 10);
        }

        @Test
        void shouldServeNoExecutableMarkupOnAnyPostPageOrEditor() {
            Browser anonymous = blog.browser();
            List<String> findings = new ArrayList<>();
            for (long id : postIds) {
                findings.addAll(check(anonymous, "/post/" + id));
                findings.addAll(check(admin, "/post/" + id));
                findings.addAll(check(admin, "/edit-post/" + id));
                findings.addAll(check(admin, "/delete/" + id));
            }
            assertThat(findings).isEmpty();
        }

        @Test
        void shouldServeNoExecutableMarkupOnAnyHomePage() {
            List<String> findings = new ArrayList<>();
            int previews = 0;
            for (int page = 1; ; page++) {
                Response r = blog.browser().get("/?page=" + page);
                Document html = Jsoup.parse(r.body());
                if (r.status() != 200 || html.select(".post-preview").isEmpty()) {
                    break;
                }
                previews += html.select(".post-preview").size();
                findings.addAll(ExecutableMarkup.findings(html, "/?page=" + page));
            }
            assertThat(previews).isEqualTo(payloads.size());
            assertThat(findings).isEmpty();
        }

        @Test
        void shouldShowTheAdminNoExecutableMarkupInTheContactMessages() {
            List<String> findings = new ArrayList<>();
            int messages = 0;
            for (int page = 1; ; page++) {
                Response r = admin.get("/messages?page=" + page);
                Document html = Jsoup.parse(r.body());
                if (r.status() != 200 || html.select(".message").isEmpty()) {
                    break;
                }
                messages += html.select(".message").size();
                findings.addAll(ExecutableMarkup.findings(html, "/messages?page=" + page));
            }
            assertThat(messages).isEqualTo(storedMessages);
            assertThat(findings).isEmpty();
        }

        @Test
        void shouldWriteNoExecutableMarkupIntoTheFeed() throws Exception {
            Response r = blog.browser().get("/feed.xml");
            assertThat(r.status()).isEqualTo(200);
            org.w3c.dom.Document feed = Xml.parse(r.body());
            List<String> findings = new ArrayList<>();
            NodeList contents = feed.getElementsByTagNameNS("*", "content");
            for (int i = 0; i < contents.getLength(); i++) {
                Element content = (Element) contents.item(i);
                assertThat(content.getAttribute("type")).isEqualTo("html");
                Document html = Jsoup.parseBodyFragment(content.getTextContent());
                findings.addAll(ExecutableMarkup.findings(html, "/feed.xml entry " + i));
            }
            NodeList links = feed.getElementsByTagNameNS("*", "link");
            for (int i = 0; i < links.getLength(); i++) {
                String href = ((Element) links.item(i)).getAttribute("href");
                assertThat(href).as("feed link").startsWith(blog.uri().toString());
            }
            assertThat(contents.getLength()).as("entries in the feed").isGreaterThan(0);
            assertThat(findings).isEmpty();
        }

        @Test
        void shouldListOnlyTheBlogsOwnAddressesInTheSitemap() throws Exception {
            Response index = blog.browser().get("/sitemap.xml");
            assertThat(index.status()).isEqualTo(200);
            List<String> parts = Xml.texts(Xml.parse(index.body()), "sitemap", "loc");
            assertThat(parts)
                    .containsExactly(blog.uri().resolve("/sitemap/1.xml").toString());
            Response r = blog.browser().get("/sitemap/1.xml");
            assertThat(r.status()).isEqualTo(200);
            List<String> locations = Xml.texts(Xml.parse(r.body()), "url", "loc");
            assertThat(locations).hasSizeGreaterThan(payloads.size());
            assertThat(locations)
                    .allSatisfy(loc ->
                            assertThat(loc).startsWith(blog.uri().toString()).doesNotContain("<", "\"", "'", " "));
        }

        private static List<String> check(Browser browser, String path) {
            Response r = browser.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.header("Refresh")).as(path).isEmpty();
            return ExecutableMarkup.findings(Jsoup.parse(r.body()), path);
        }
    }
}
