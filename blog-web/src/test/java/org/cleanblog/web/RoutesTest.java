package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.cache.ContentCache;
import org.cleanblog.web.support.RunningBlog;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;
import org.junit.jupiter.api.Test;

/**
 * The routes are registered by each feature package; the one place that lists them all is the table "Every URL" in
 * docs/architecture.md (ADR 0004). This test keeps that table and the application's routes the same.
 */
class RoutesTest {
    private static final Path ARCHITECTURE = Path.of("..", "docs", "architecture.md");
    private static final Pattern ROW = Pattern.compile("^\\| (GET|POST) \\| `(/[^`]*)` \\|");

    @Test
    void shouldRegisterExactlyTheUrlsThatTheArchitectureDocumentLists() throws IOException {
        List<String> documented = documentedRoutes();

        List<String> registered = registeredRoutes();

        assertThat(documented).as("rows of the table in %s", ARCHITECTURE).doesNotHaveDuplicates();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void shouldKeepTheTutorialsUrls() {
        // DESIGN.md, "Interfaces that users and tests rely on": these may never go away.
        assertThat(registeredRoutes())
                .contains(
                        "GET /",
                        "GET /post/{id}",
                        "POST /post/{id}",
                        "GET /register",
                        "POST /register",
                        "GET /login",
                        "POST /login",
                        "POST /logout",
                        "GET /new-post",
                        "POST /new-post",
                        "GET /edit-post/{id}",
                        "POST /edit-post/{id}",
                        "POST /delete/{id}",
                        "GET /about",
                        "GET /contact",
                        "POST /contact",
                        "GET /feed.xml",
                        "GET /sitemap.xml",
                        "GET /healthz");
    }

    private static List<String> documentedRoutes() throws IOException {
        return Files.readAllLines(ARCHITECTURE, StandardCharsets.UTF_8).stream()
                .map(ROW::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1) + " " + m.group(2))
                .toList();
    }

    private static List<String> registeredRoutes() {
        try (TestDatabase database = TestDatabase.create(Dialect.SQLITE, "routes");
                BlogDatabase db = database.open()) {
            WebSettings settings = WebSettings.of("127.0.0.1", 0, List.of(RunningBlog.SECRET));
            ContentCache cache = new ContentCache(1024);
            Viewers viewers = new Viewers(db.users(), cache);
            return Routes.of(
                            new BlogStorage(db, db, db::isReachable, db, db),
                            settings,
                            PasswordHasher.withIterations(RunningBlog.TEST_ITERATIONS),
                            RunningBlog.UNLIMITED,
                            viewers,
                            new Views(viewers, cache),
                            cache)
                    .routes();
        }
    }
}
