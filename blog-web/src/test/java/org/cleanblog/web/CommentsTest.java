package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.content.Gravatar;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommentsTest {
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

        @Test
        void shouldRedirectBackToTheNewCommentAndShowItWithAGravatar() {
            long id = admin.writePost("Commented", "", "Say something.");
            Browser user = newUser();

            Response posted = user.submit("/post/" + id, "/post/" + id, Map.of("comment_text", "First **comment**"));

            assertThat(posted.status()).isEqualTo(303);
            assertThat(posted.location()).matches("/post/" + id + "#comment-\\d+");
            Response page = user.get("/post/" + id);
            var comment = blog.db().comments().findByPost(id).get(0);
            assertThat(page.body())
                    .contains("First <strong>comment</strong>")
                    .contains(comment.authorName())
                    .contains(Gravatar.url(comment.authorEmail()).replace("&", "&amp;"));
            assertThat(Gravatar.url(" Reader@Example.org "))
                    .isEqualTo(Gravatar.url("reader@example.org"))
                    .matches("https://www\\.gravatar\\.com/avatar/[0-9a-f]{32}\\?s=100&d=retro&r=g");
        }

        @Test
        void shouldShowCommentsOldestFirstWithTheirCountOnTheHomePage() {
            long id = admin.writePost("Ordered", "", "Body");
            admin.submit("/post/" + id, "/post/" + id, Map.of("comment_text", "comment one"));
            admin.submit("/post/" + id, "/post/" + id, Map.of("comment_text", "comment two"));

            String page = admin.get("/post/" + id).body();

            assertThat(page.indexOf("comment one")).isLessThan(page.indexOf("comment two"));
            assertThat(admin.get("/").body()).contains("2 comments");
        }

        @Test
        void shouldSendAnonymousCommentersToLogInAndStoreNothing() {
            long id = admin.writePost("Anonymous", "", "Body");
            Browser anonymous = blog.browser();

            assertThat(anonymous.get("/post/" + id).body())
                    .contains("href=\"/login?next=/post/" + id + "\"")
                    .doesNotContain("name=\"comment_text\"");
            Response r = anonymous.submit("/register", "/post/" + id, Map.of("comment_text", "anonymous"));

            assertThat(r.status()).isEqualTo(303);
            assertThat(r.location()).isEqualTo("/login?next=%2Fpost%2F" + id);
            assertThat(blog.db().comments().findByPost(id)).isEmpty();
        }

        @Test
        void shouldAnswer404ForACommentOnAMissingPostAnd400ForAnEmptyOne() {
            long id = admin.writePost("Empty comment", "", "Body");

            assertThat(admin.submit("/", "/post/987654", Map.of("comment_text", "hello"))
                            .status())
                    .isEqualTo(404);
            Response empty = admin.submit("/post/" + id, "/post/" + id, Map.of("comment_text", "   "));
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.body()).contains("comment_text must not be empty");
        }

        @Test
        void shouldRemoveScriptsEventHandlersAndJavascriptLinksFromPostsAndComments() {
            String evil = "Hi <script>alert('x')</script> [click](javascript:alert(1)) "
                    + "<a href=\"javascript:alert(2)\">link</a> <img src=\"x.png\" onerror=\"alert(3)\"> "
                    + "<img src=\"data:image/png;base64,AAAA\"> <iframe src=\"https://evil.example.org\"></iframe> "
                    + "<a href=\"https://example.org\" onclick=\"alert(4)\">fine</a>";
            long id = admin.writePost("<b>Bold title</b>", "", evil);
            admin.submit("/post/" + id, "/post/" + id, Map.of("comment_text", evil));

            String page = admin.get("/post/" + id).body();
            String stored = blog.db().posts().findById(id).orElseThrow().bodyHtml();

            for (String html : new String[] {page, stored}) {
                assertThat(html)
                        .doesNotContain("<script", "javascript:", "onerror", "onclick", "<iframe", "data:image")
                        .contains("<a href=\"https://example.org\" rel=\"nofollow\">fine</a>");
            }
            assertThat(page).contains("&lt;b&gt;Bold title&lt;/b&gt;").doesNotContain("<b>Bold title</b>");
            assertThat(blog.db().comments().findByPost(id).get(0).bodyHtml())
                    .doesNotContain("<script", "javascript:", "onerror");
        }
    }
}
