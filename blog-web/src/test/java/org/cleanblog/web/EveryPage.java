package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;

/**
 * Every page and every write of the blog, once, as its first two visitors make them on a new blog: the admin (the
 * first to register) and a reader. For tests that check a whole blog over something in its way, such as a pooler.
 */
final class EveryPage {
    private static final String PASSWORD = "correct horse battery";

    private EveryPage() {}

    /** Visits everything with {@code admin} and {@code reader}, two visitors without cookies on a new, empty blog. */
    static void visit(Browser admin, Browser reader) {
        for (String page : new String[] {"/", "/about", "/contact", "/login", "/register", "/healthz"}) {
            assertThat(admin.get(page).status()).as(page).isEqualTo(200);
        }
        assertThat(admin.register("Ada Admin", "ada@example.org", PASSWORD).status())
                .isEqualTo(303);
        long postId = admin.writePost("Pooled", "through PgBouncer", "The first post.");
        Response edited = admin.submit(
                "/edit-post/" + postId,
                "/edit-post/" + postId,
                Map.of("title", "Pooled, edited", "subtitle", "still pooled", "img_url", "", "body", "Edited."));
        assertThat(edited.status()).isEqualTo(303);
        assertThat(admin.get("/post/" + postId).body()).contains("Pooled, edited");

        assertThat(reader.register("Reader", "reader@example.org", PASSWORD).status())
                .isEqualTo(303);
        Response comment =
                reader.submit("/post/" + postId, "/post/" + postId, Map.of("comment_text", "A pooled comment"));
        assertThat(comment.status()).isEqualTo(303);
        assertThat(comment.location()).contains("#comment-");
        Response contact = reader.submit(
                "/contact",
                "/contact",
                Map.of("name", "Reader", "email", "reader@example.org", "phone", "", "message", "Hello, pooled"));
        assertThat(contact.location()).isEqualTo("/contact?sent");
        assertThat(reader.logout().status()).isEqualTo(303);
        assertThat(reader.login("reader@example.org", PASSWORD).status()).isEqualTo(303);
        assertThat(reader.get("/post/" + postId).body()).contains("A pooled comment");

        assertThat(admin.get("/messages").body()).contains("Hello, pooled");
        assertThat(admin.get("/").body()).contains("Pooled, edited");
        assertThat(admin.get("/feed.xml").body()).contains("Pooled, edited");
        assertThat(admin.get("/sitemap.xml").body()).contains("/sitemap/1.xml</loc>");
        assertThat(admin.get("/sitemap/1.xml").body()).contains("/post/" + postId + "</loc>");
        long doomed = admin.writePost("Doomed", "to be deleted", "Gone soon.");
        assertThat(admin.get("/delete/" + doomed).status()).isEqualTo(200);
        assertThat(admin.submit("/delete/" + doomed, "/delete/" + doomed, Map.of())
                        .status())
                .isEqualTo(303);
        assertThat(admin.get("/post/" + doomed).status()).isEqualTo(404);
        assertThat(admin.logout().status()).isEqualTo(303);
        assertThat(admin.get("/messages").status()).isEqualTo(303);
        assertThat(admin.get("/healthz").status()).isEqualTo(200);
    }
}
