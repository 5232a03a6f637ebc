package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
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

class AdminRoutesTest {
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

        private long existingPost() {
            long authorId = blog.db()
                    .users()
                    .findByEmail("ada@example.org")
                    .orElseThrow()
                    .id();
            return blog.db()
                    .posts()
                    .create(authorId, new PostContent("Existing", "", "", "Body", "<p>Body</p>"))
                    .id();
        }

        private static Map<String, String> postFields(String title) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("title", title);
            fields.put("subtitle", "Sub");
            fields.put("img_url", "https://images.example.org/header.jpg");
            fields.put("body", "Some *Markdown*.");
            return fields;
        }

        @Test
        void shouldSendAnonymousVisitorsToLogInForEveryAdminPage() {
            long id = existingPost();
            Browser anonymous = blog.browser();

            assertThat(anonymous.get("/new-post").location()).isEqualTo("/login?next=%2Fnew-post");
            assertThat(anonymous.get("/edit-post/" + id).location()).isEqualTo("/login?next=%2Fedit-post%2F" + id);
            assertThat(anonymous.get("/delete/" + id).location()).isEqualTo("/login?next=%2Fdelete%2F" + id);
            assertThat(anonymous.get("/messages").status()).isEqualTo(303);
            assertThat(anonymous
                            .submit("/contact", "/new-post", postFields("Sneaky"))
                            .location())
                    .startsWith("/login");
            assertThat(anonymous
                            .submit("/contact", "/edit-post/" + id, postFields("Sneaky"))
                            .location())
                    .startsWith("/login");
            assertThat(anonymous.submit("/contact", "/delete/" + id, Map.of()).location())
                    .startsWith("/login");
            assertThat(blog.db().posts().findById(id).orElseThrow().title()).isEqualTo("Existing");
        }

        @Test
        void shouldForbidEveryAdminRouteToUsersWhoAreNotAdmins() {
            long id = existingPost();
            long before = blog.db().posts().count();
            Browser user = newUser();

            assertThat(user.get("/new-post").status()).isEqualTo(403);
            assertThat(user.get("/edit-post/" + id).status()).isEqualTo(403);
            assertThat(user.get("/delete/" + id).status()).isEqualTo(403);
            assertThat(user.get("/messages").status()).isEqualTo(403);
            assertThat(user.submit("/", "/new-post", postFields("Sneaky")).status())
                    .isEqualTo(403);
            Response edit = user.submit("/", "/edit-post/" + id, postFields("Sneaky"));
            assertThat(edit.status()).isEqualTo(403);
            assertThat(edit.body()).contains("Forbidden");
            assertThat(user.submit("/", "/delete/" + id, Map.of()).status()).isEqualTo(403);
            assertThat(blog.db().posts().count()).isEqualTo(before);
            assertThat(blog.db().posts().findById(id).orElseThrow().title()).isEqualTo("Existing");
            assertThat(user.get("/post/" + id).body()).doesNotContain("Edit post", "Delete post");
        }

        @Test
        void shouldLetTheAdminWriteEditAndDeleteAPost() {
            assertThat(admin.get("/new-post").status()).isEqualTo(200);

            Response created = admin.submit("/new-post", "/new-post", postFields("Admin writes"));
            assertThat(created.status()).isEqualTo(303);
            long id = Long.parseLong(created.location().substring("/post/".length()));
            Response page = admin.get("/post/" + id);
            assertThat(page.body())
                    .contains(
                            "Admin writes", "<em>Markdown</em>", "https://images.example.org/header.jpg", "Edit post");

            assertThat(admin.get("/edit-post/" + id).body()).contains("value=\"Admin writes\"");
            Response edited = admin.submit("/edit-post/" + id, "/edit-post/" + id, postFields("Admin rewrites"));
            assertThat(edited.status()).isEqualTo(303);
            assertThat(edited.location()).isEqualTo("/post/" + id);
            assertThat(blog.db().posts().findById(id).orElseThrow().title()).isEqualTo("Admin rewrites");

            Response deleted = admin.submit("/post/" + id, "/delete/" + id, Map.of());
            assertThat(deleted.status()).isEqualTo(303);
            assertThat(deleted.location()).isEqualTo("/");
            assertThat(admin.get("/post/" + id).status()).isEqualTo(404);
        }

        @Test
        void shouldAskTheAdminToConfirmADeleteNamingThePostAndItsComments() {
            long id = admin.writePost("Doomed <post>", "", "Body");
            admin.submit("/post/" + id, "/post/" + id, Map.of("comment_text", "one"));
            admin.submit("/post/" + id, "/post/" + id, Map.of("comment_text", "two"));

            Response postPage = admin.get("/post/" + id);
            Response confirm = admin.get("/delete/" + id);

            assertThat(postPage.body()).contains("href=\"/delete/" + id + "\"").doesNotContain("action=\"/delete/");
            assertThat(confirm.status()).isEqualTo(200);
            assertThat(confirm.body())
                    .contains("Delete “Doomed &lt;post&gt;” and its 2 comments?")
                    .contains("method=\"post\" action=\"/delete/" + id + "\"", "name=\"csrf_token\"");
            assertThat(blog.db().posts().findById(id))
                    .as("a GET deletes nothing")
                    .isPresent();

            Response deleted = admin.submit("/delete/" + id, "/delete/" + id, Map.of());

            assertThat(deleted.status()).isEqualTo(303);
            assertThat(blog.db().posts().findById(id)).isEmpty();
        }

        @Test
        void shouldAnswer404WhenTheAdminEditsOrDeletesAMissingPost() {
            assertThat(admin.get("/edit-post/987654").status()).isEqualTo(404);
            assertThat(admin.get("/edit-post/abc").status()).isEqualTo(404);
            assertThat(admin.submit("/", "/delete/987654", Map.of()).status()).isEqualTo(404);
            assertThat(admin.get("/delete/987654").status()).isEqualTo(404);
            assertThat(admin.submit("/", "/edit-post/987654", postFields("x")).status())
                    .isEqualTo(404);
        }

        @Test
        void shouldShowTheFormAgainWithTheProblemWhenAPostIsInvalid() {
            long before = blog.db().posts().count();
            Map<String, String> noTitle = postFields("");
            Map<String, String> badImage = postFields("Image");
            badImage.put("img_url", "javascript:alert(1)");

            Response first = admin.submit("/new-post", "/new-post", noTitle);
            Response second = admin.submit("/new-post", "/new-post", badImage);

            assertThat(first.status()).isEqualTo(400);
            assertThat(first.body()).contains("title must not be empty", "Some *Markdown*.");
            assertThat(second.status()).isEqualTo(400);
            assertThat(second.body()).contains("img_url must be an https:// address");
            assertThat(blog.db().posts().count()).isEqualTo(before);
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://images.example.org/header.jpg", "HTTP://x.example/a.png", "https://", "/a.png"})
        void shouldRefuseHeaderImagesThatTheContentSecurityPolicyWouldBlock(String url) {
            long before = blog.db().posts().count();
            Map<String, String> fields = postFields("Plain http image");
            fields.put("img_url", url);

            Response r = admin.submit("/new-post", "/new-post", fields);

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("img_url must be an https:// address of an image, or empty");
            assertThat(blog.db().posts().count()).isEqualTo(before);
        }

        @Test
        void shouldAcceptAnHttpsHeaderImageOrNone() {
            Map<String, String> none = postFields("No image");
            none.put("img_url", "  ");
            Map<String, String> https = postFields("Secure image");
            https.put("img_url", "HTTPS://images.example.org/a.jpg");

            assertThat(admin.submit("/new-post", "/new-post", none).status()).isEqualTo(303);
            assertThat(admin.submit("/new-post", "/new-post", https).status()).isEqualTo(303);
        }

        @ParameterizedTest
        @ValueSource(strings = {"title", "subtitle"})
        void shouldRefuseControlCharactersThatFeedsCannotCarry(String field) {
            long before = blog.db().posts().count();
            Map<String, String> fields = postFields("Control");
            fields.put(field, "Bell\u0001here");

            Response r = admin.submit("/new-post", "/new-post", fields);

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains(field + " contains the control character U+0001");
            assertThat(blog.db().posts().count()).isEqualTo(before);
        }

        @Test
        void shouldGiveTheAdminRightOnlyThroughTheStoredFlag() {
            // Issue 9, 1.1: an address once listed in ADMIN_EMAILS made whoever registered it an admin.
            Browser stranger = blog.browser();
            stranger.register("Eve Stranger", "EDITOR@example.org", PASSWORD);

            assertThat(stranger.get("/new-post").status()).isEqualTo(403);
            assertThat(stranger.get("/messages").status()).isEqualTo(403);

            blog.db()
                    .users()
                    .grantAdmin(blog.db()
                            .users()
                            .findByEmail("editor@example.org")
                            .orElseThrow()
                            .id());

            assertThat(stranger.get("/new-post").status()).isEqualTo(200);
            assertThat(stranger.get("/messages").status()).isEqualTo(200);
        }

        @Test
        void shouldStoreContactMessagesAndListThemForTheAdminOnly() {
            Browser visitor = blog.browser();
            Response sent = visitor.submit(
                    "/contact",
                    "/contact",
                    Map.of(
                            "name", "Vera <Visitor>",
                            "email", "vera@example.org",
                            "phone", "",
                            "message", "Hello <script>alert(1)</script>"));

            assertThat(sent.status()).isEqualTo(303);
            assertThat(visitor.get(sent.location()).body()).contains("your message has been sent");
            Response list = admin.get("/messages");
            assertThat(list.body())
                    .contains("Vera &lt;Visitor&gt;", "Hello &lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>");
            Response invalid = visitor.submit(
                    "/contact", "/contact", Map.of("name", "V", "email", "not-an-email", "message", "Hi"));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body()).contains("is not an e-mail address");
        }
    }
}
