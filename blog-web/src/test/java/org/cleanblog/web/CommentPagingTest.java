package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 1.8: a post page shows at most 50 comments, oldest first; {@code /post/{id}?page=N} shows the
 * later ones, so the page stays the same size however many comments a post gathers. {@code /post/{id}} itself is
 * unchanged: its first page.
 */
class CommentPagingTest {
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

        /** A post with {@code count} comments "comment-0001"… stored directly, oldest first. */
        private long postWithComments(String title, int count) {
            long id = admin.writePost(title, "", "Body");
            long author = blog.db()
                    .users()
                    .findByEmail("ada@example.org")
                    .orElseThrow()
                    .id();
            for (int i = 1; i <= count; i++) {
                String text = String.format("comment-%04d", i);
                blog.db().comments().create(new NewComment(id, author, text, "<p>" + text + "</p>"));
            }
            return id;
        }

        @Test
        void shouldShowTheFirst50CommentsAndLinkToTheRest() {
            long id = postWithComments("Popular", 120);

            Response first = admin.get("/post/" + id);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.count("class=\"comment\"")).isEqualTo(50);
            assertThat(first.body())
                    .contains("120 comments", "comment-0001", "comment-0050")
                    .doesNotContain("comment-0051")
                    .contains("href=\"/post/" + id + "?page=2#comments\"")
                    .contains("href=\"/post/" + id + "?page=3#comments\"")
                    .doesNotContain("Earlier comments");
        }

        @Test
        void shouldShowLaterCommentsOnLaterPagesAndNoPagePastTheLast() {
            long id = postWithComments("Paged", 120);

            Response second = admin.get("/post/" + id + "?page=2");
            Response last = admin.get("/post/" + id + "?page=3");

            assertThat(second.count("class=\"comment\"")).isEqualTo(50);
            assertThat(second.body())
                    .contains("comment-0051", "comment-0100", "120 comments")
                    .doesNotContain("comment-0050", "comment-0101")
                    .contains("href=\"/post/" + id + "#comments\"", "Earlier comments", "Later comments");
            assertThat(last.count("class=\"comment\"")).isEqualTo(20);
            assertThat(last.body()).contains("comment-0101", "comment-0120").doesNotContain("Later comments");
            for (String page : new String[] {"4", "0", "-1", "abc", "02", "99999999999"}) {
                assertThat(admin.get("/post/" + id + "?page=" + page).status())
                        .as("page " + page)
                        .isEqualTo(404);
            }
        }

        @Test
        void shouldShowAPostWithoutCommentsAsBeforeWithoutPageLinks() {
            long id = postWithComments("Quiet", 0);

            Response page = admin.get("/post/" + id);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("no comments").doesNotContain("Pages of comments");
            assertThat(admin.get("/post/" + id + "?page=2").status()).isEqualTo(404);
        }

        @Test
        void shouldRedirectANewCommentToTheLastPageWhereItIs() {
            long id = postWithComments("Long thread", 100);
            Browser user = newUser();

            Response posted =
                    user.submit("/post/" + id, "/post/" + id, Map.of("comment_text", "the hundred and first"));

            assertThat(posted.status()).isEqualTo(303);
            assertThat(posted.location()).matches("/post/" + id + "\\?page=3#comment-\\d+");
            assertThat(user.get(posted.location().replaceAll("#.*", "")).body()).contains("the hundred and first");
        }
    }
}
