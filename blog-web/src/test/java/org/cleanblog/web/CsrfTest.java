package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsrfTest {
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

        /** The total number of rows, to show that a refused request changed nothing. */
        private long rows() {
            var db = blog.db();
            return db.users().count()
                    + db.posts().count()
                    + db.comments().count()
                    + db.contactMessages().count();
        }

        private Map<String, Map<String, String>> requests(long postId) {
            Map<String, Map<String, String>> requests = new HashMap<>();
            requests.put("/register", Map.of("name", "Eve", "email", "eve@example.org", "password", PASSWORD));
            requests.put("/login", Map.of("email", "ada@example.org", "password", PASSWORD));
            requests.put("/logout", Map.of());
            requests.put("/contact", Map.of("name", "Eve", "email", "eve@example.org", "message", "hi"));
            requests.put("/post/" + postId, Map.of("comment_text", "forged comment"));
            requests.put("/new-post", Map.of("title", "Forged", "subtitle", "", "img_url", "", "body", "x"));
            requests.put("/edit-post/" + postId, Map.of("title", "Forged", "subtitle", "", "img_url", "", "body", "x"));
            requests.put("/delete/" + postId, Map.of());
            return requests;
        }

        private long post() {
            long authorId = blog.db()
                    .users()
                    .findByEmail("ada@example.org")
                    .orElseThrow()
                    .id();
            return blog.db()
                    .posts()
                    .create(authorId, new PostContent("Target", "", "", "Body", "<p>Body</p>"))
                    .id();
        }

        @ParameterizedTest
        @ValueSource(strings = {"missing", "wrong", "other session's"})
        void shouldRefuseEveryStateChangingRequestWithoutItsOwnTokenAndChangeNothing(String kind) {
            long postId = post();
            Browser stranger = newUser();
            String strangersToken = stranger.csrfToken("/");
            admin.csrfToken("/");
            long before = rows();

            for (var request : requests(postId).entrySet()) {
                Map<String, String> fields = new HashMap<>(request.getValue());
                switch (kind) {
                    case "wrong" -> fields.put("csrf_token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
                    case "other session's" -> fields.put("csrf_token", strangersToken);
                    default -> {}
                }

                Response r = admin.post(request.getKey(), fields);

                assertThat(r.status())
                        .as("%s with a %s token", request.getKey(), kind)
                        .isEqualTo(400);
                assertThat(r.body()).contains("This form has expired or did not come from this blog");
            }
            assertThat(rows()).isEqualTo(before);
            assertThat(blog.db().posts().findById(postId).orElseThrow().title()).isEqualTo("Target");
            assertThat(admin.get("/").body()).as("still logged in").contains("Log out");
        }

        @Test
        void shouldRefuseATokenSentInTheQueryStringInsteadOfTheFormBody() {
            long postId = post();
            String token = admin.csrfToken("/post/" + postId);
            long before = rows();

            Response r = admin.post("/post/" + postId + "?csrf_token=" + token, Map.of("comment_text", "via the URL"));

            assertThat(r.status()).isEqualTo(400);
            assertThat(rows()).isEqualTo(before);
            assertThat(admin.post("/post/" + postId, Map.of("comment_text", "in the body", "csrf_token", token))
                            .status())
                    .isEqualTo(303);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/register", "/login", "/contact"})
        void shouldRefuseAnonymousFormsPostedWithoutASession(String path) {
            long before = rows();

            Response r = blog.browser()
                    .post(
                            path,
                            Map.of("name", "Eve", "email", "eve2@example.org", "password", PASSWORD, "message", "hi"));

            assertThat(r.status()).isEqualTo(400);
            assertThat(rows()).isEqualTo(before);
        }
    }
}
