package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.FlaskTutorialDatabase;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.cli.Cli;
import org.cleanblog.web.support.BlogOnDatabase;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile database imported with copy-db serves no executable markup (issue 9, 1.2 and 2.5): the payloads of
 * {@code xss-payloads.txt} (OWASP filter-evasion style) are written into post titles, subtitles, bodies and header
 * images, comments and user names of a SQLite source of our schema (behind the library's back, as a crafted
 * {@code blog.db} would hold them) and of the Flask tutorial's, imported into SQLite and PostgreSQL with the real
 * command, and served by the real blog. Every page and the feed are judged with an HTML parser, never a pattern.
 */
class ImportedXssTest {
    private static final String PAYLOADS = "/org/cleanblog/persistence/testing/xss-payloads.txt";
    private static final String FLASK_HASH = "pbkdf2:sha256:1$a$" + "c".repeat(64);

    /** Elements a visitor's page (no one logged in, so none of the blog's own forms) must never hold. */
    private static final Set<String> FORBIDDEN = Set.of(
            "script",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "base",
            "form",
            "input",
            "button",
            "textarea",
            "select",
            "isindex",
            "keygen",
            "svg",
            "math",
            "template",
            "bgsound",
            "param",
            "source");
    /** Attributes whose value a browser follows or runs. */
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "data",
            "poster",
            "background",
            "dynsrc",
            "lowsrc",
            "codebase");
    /** Elements an Atom feed of this blog holds. */
    private static final Set<String> ATOM = Set.of(
            "#root",
            "feed",
            "title",
            "id",
            "link",
            "updated",
            "entry",
            "published",
            "author",
            "name",
            "summary",
            "content");

    enum Schema {
        OURS,
        FLASK
    }

    @TempDir
    Path folder;

    static Stream<Arguments> sourcesAndTargets() {
        return Stream.of(Schema.values())
                .flatMap(schema -> Stream.of(Dialect.values()).map(target -> Arguments.of(schema, target)));
    }

    @ParameterizedTest(name = "{0} schema into {1}")
    @MethodSource("sourcesAndTargets")
    void shouldServeNoExecutableMarkupFromAnImportedDatabase(Schema schema, Dialect dialect) throws Exception {
        List<String> payloads = payloads();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(50);
        try (TestDatabase source = schema == Schema.OURS ? ourSchema(payloads) : flaskSchema(payloads);
                TestDatabase target = TestDatabase.create(dialect, "importedxss")) {
            Path rejects = folder.resolve("rejects.jsonl");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new Cli(
                            () -> BlogConfiguration.load(Map.of(), new Properties(), folder),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(
                            "copy-db",
                            "--from",
                            source.jdbcUrl(),
                            "--to",
                            target.jdbcUrl(),
                            "--skip-invalid",
                            "--rejects",
                            rejects.toString(),
                            "--progress",
                            "lines");
            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
            // The header images that are no https address were refused as the editor refuses them.
            assertThat(Files.readString(rejects)).contains("img_url must be an https:// address");

            try (BlogOnDatabase blog = BlogOnDatabase.start(target.jdbcUrl(), PasswordHasher.withIterations(1_000))) {
                List<String> problems = new ArrayList<>();
                Browser visitor = blog.browser();
                long posts = blog.db().posts().count();
                assertThat(posts).as("posts imported").isGreaterThan(payloads.size());
                StringBuilder shownText = new StringBuilder();
                for (long page = 1; page <= (posts + 9) / 10; page++) {
                    Document doc = page(visitor, "/?page=" + page);
                    problems.addAll(executable("/?page=" + page, doc));
                    shownText.append(doc.text());
                }
                List<Long> ids = new ArrayList<>();
                try (Stream<Post> all = blog.db().posts().streamAll()) {
                    all.forEach(p -> ids.add(p.id()));
                }
                for (long id : ids) {
                    Document doc = page(visitor, "/post/" + id);
                    problems.addAll(executable("/post/" + id, doc));
                    shownText.append(doc.text());
                }
                problems.addAll(feedProblems(visitor));

                assertThat(problems).as("executable markup served").isEmpty();
                // Not vacuous: the payloads are there, as text.
                assertThat(shownText).contains("<script>alert(1)</script>", "<svg onload=alert(1)>");
            }
        }
    }

    /** Payloads written behind the library into a SQLite blog of our schema. */
    private static TestDatabase ourSchema(List<String> payloads) throws Exception {
        TestDatabase source = TestDatabase.sqlite();
        int n = payloads.size();
        try (BlogDatabase blog = source.open()) {
            User owner = blog.users().create(Fixtures.newUser("owner@example.org"));
            for (int i = 0; i < n; i++) {
                User commenter = blog.users().create(Fixtures.newUser("u" + i + "@example.org"));
                Post post = blog.posts().create(owner.id(), Fixtures.content("Payload " + i));
                blog.posts().create(owner.id(), Fixtures.content("Image " + i));
                blog.comments().create(Fixtures.comment(post.id(), commenter.id(), "comment " + i));
            }
            Post all = blog.posts().create(owner.id(), Fixtures.content("All payloads"));
            for (int i = 0; i < n; i++) {
                blog.comments().create(Fixtures.comment(all.id(), i + 2, "comment on all " + i));
            }
        }
        // Ids in creation order: user i+2, posts 2i+1 (payloads) and 2i+2 (header image), comment i+1; post 2n+1 and
        // comments n+1.. on it.
        try (Connection connection = source.connect();
                PreparedStatement name = connection.prepareStatement("UPDATE users SET name = ? WHERE id = ?");
                PreparedStatement post = connection.prepareStatement("UPDATE posts SET title = ?, subtitle = ?,"
                        + " img_url = ?, body = ?, body_html = ? WHERE id = ?");
                PreparedStatement image = connection.prepareStatement("UPDATE posts SET img_url = ? WHERE id = ?");
                PreparedStatement comment =
                        connection.prepareStatement("UPDATE comments SET body = ?, body_html = ? WHERE id = ?")) {
            for (int i = 0; i < n; i++) {
                String p = payloads.get(i);
                update(name, truncated(p, 100), i + 2);
                update(post, p, p, "https://img.example/a.png?" + p, p, p, 2 * i + 1);
                update(image, p, 2 * i + 2);
                update(comment, p, p, i + 1);
                update(comment, p, p, n + i + 1);
            }
            String everything = String.join("\n", payloads);
            update(post, "All payloads", "All payloads", "", everything, everything, 2 * n + 1);
        }
        return source;
    }

    /** Payloads in the Flask tutorial's tables, where nothing ever sanitised anything. */
    private static TestDatabase flaskSchema(List<String> payloads) throws Exception {
        TestDatabase source =
                FlaskTutorialDatabase.create(Dialect.SQLITE, "DELETE FROM comments WHERE post_id IS NULL");
        int n = payloads.size();
        try (Connection connection = source.connect();
                PreparedStatement user = connection.prepareStatement(
                        "INSERT INTO users (id, email, password, name) VALUES (?, ?, ?, ?)");
                PreparedStatement post = connection.prepareStatement("INSERT INTO blog_posts"
                        + " (id, author_id, title, subtitle, date, body, img_url) VALUES (?, 1, ?, ?, ?, ?, ?)");
                PreparedStatement comment = connection.prepareStatement(
                        "INSERT INTO comments (id, post_id, author_id, text) VALUES (?, ?, ?, ?)")) {
            update(post, 999, "All payloads", "", "December 31, 2030", String.join("\n", payloads), "");
            for (int i = 0; i < n; i++) {
                String p = payloads.get(i);
                update(user, 100 + i, "u" + i + "@example.org", FLASK_HASH, truncated(p, 100));
                update(post, 100 + i, p, p, "May 1, 2021", p, "https://img.example/a.png?" + p);
                update(post, 300 + i, "Image " + i, "", "May 1, 2021", "<p>image</p>", p);
                update(comment, 100 + i, 100 + i, 100 + i, p);
                update(comment, 300 + i, 999, 100 + i, p);
            }
        }
        return source;
    }

    private static Document page(Browser visitor, String path) {
        Response r = visitor.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    /** What in {@code doc} a browser would run, follow or submit, each named with {@code where}. */
    private static List<String> executable(String where, Document doc) {
        List<String> problems = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            boolean inBody = doc.body() != null && e.parents().contains(doc.body());
            if (FORBIDDEN.contains(tag)
                    || (tag.equals("meta") && e.hasAttr("http-equiv"))
                    || (inBody && Set.of("meta", "link", "style").contains(tag))) {
                problems.add(where + ": element " + e.outerHtml());
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = normalized(a.getValue());
                if (name.startsWith("on") || name.equals("srcdoc")) {
                    problems.add(where + ": attribute " + name + " on <" + tag + ">");
                } else if (URL_ATTRIBUTES.contains(name)
                        && (value.startsWith("javascript:")
                                || value.startsWith("vbscript:")
                                || value.startsWith("data:"))) {
                    problems.add(where + ": " + name + "=\"" + a.getValue() + "\" on <" + tag + ">");
                } else if (name.equals("style") && (value.contains("javascript:") || value.contains("expression("))) {
                    problems.add(where + ": style=\"" + a.getValue() + "\" on <" + tag + ">");
                }
            }
        }
        return problems;
    }

    /** The feed holds Atom's elements only, and the HTML of each entry is judged like a page. */
    private static List<String> feedProblems(Browser visitor) {
        Response r = visitor.get("/feed.xml");
        assertThat(r.status()).isEqualTo(200);
        Document feed = Jsoup.parse(r.body(), "", Parser.xmlParser());
        List<String> problems = new ArrayList<>();
        int entries = 0;
        for (Element e : feed.getAllElements()) {
            if (!ATOM.contains(e.normalName())) {
                problems.add("feed: element " + e.outerHtml());
            }
            if (e.normalName().equals("link") && !normalized(e.attr("href")).startsWith("http://")) {
                problems.add("feed: link " + e.attr("href"));
            }
            if (e.normalName().equals("content")) {
                entries++;
                problems.addAll(executable("feed entry", Jsoup.parse(e.text())));
            }
        }
        assertThat(entries).as("feed entries").isPositive();
        return problems;
    }

    /** As a browser reads a URL: surrounding spaces and control characters ignored, case ignored. */
    private static String normalized(String value) {
        return value.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
    }

    private static String truncated(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static void update(PreparedStatement statement, Object... values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        assertThat(statement.executeUpdate()).isEqualTo(1);
    }

    private static List<String> payloads() throws IOException {
        try (InputStream in = ImportedXssTest.class.getResourceAsStream(PAYLOADS)) {
            assertThat(in)
                    .as(PAYLOADS + " on the test class path (blog-persistence's test jar)")
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
        }
    }
}
