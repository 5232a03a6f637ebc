package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every form a page shows carries the CSRF token its POST needs: templates take the token from the view context, which
 * starts the visitor's session when it renders a form. No page handler asks for the token itself.
 */
class FormTokenTest {
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
        private static final Pattern POST_FORM =
                Pattern.compile("<form[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL);
        private static final Pattern TOKEN = Pattern.compile("<input type=\"hidden\" name=\"csrf_token\"([^>]*)>");

        Cases(Dialect dialect) {
            super(dialect);
        }

        private long post() {
            long adminId = blog.db()
                    .users()
                    .findByEmail("ada@example.org")
                    .orElseThrow()
                    .id();
            return blog.db()
                    .posts()
                    .create(adminId, new PostContent("Forms", "", "", "Body", "<p>Body</p>"))
                    .id();
        }

        /** The csrf_token input of each POST form on the page, as it is written ({@code value="…"} or nothing). */
        private static List<String> tokensOfPostForms(String html) {
            List<String> tokens = new ArrayList<>();
            Matcher form = POST_FORM.matcher(html);
            while (form.find()) {
                Matcher token = TOKEN.matcher(form.group(1));
                tokens.add(token.find() ? token.group(1).strip() : "(no csrf_token field)");
            }
            return tokens;
        }

        private static void assertEveryFormCarriesAToken(Browser browser, String path, int forms) {
            Response page = browser.get(path);
            List<String> tokens = tokensOfPostForms(page.body());
            assertThat(tokens)
                    .as("POST forms on %s (status %d)", path, page.status())
                    .hasSize(forms);
            assertThat(tokens)
                    .as("csrf_token of every POST form on %s", path)
                    .allSatisfy(t -> assertThat(t).matches("value=\"[A-Za-z0-9_-]{20,}\""));
        }

        @Test
        void shouldPutANonEmptyTokenInEveryFormTheAdminSees() {
            long id = post();
            // Every page of a logged-in visitor has the logout form in its navigation.
            for (String path : List.of("/", "/about", "/messages")) {
                assertEveryFormCarriesAToken(admin, path, 1);
            }
            assertEveryFormCarriesAToken(admin, "/post/" + id, 2);
            assertEveryFormCarriesAToken(admin, "/contact", 2);
            assertEveryFormCarriesAToken(admin, "/new-post", 2);
            assertEveryFormCarriesAToken(admin, "/edit-post/" + id, 2);
            assertEveryFormCarriesAToken(admin, "/delete/" + id, 2);
        }

        @Test
        void shouldPutANonEmptyTokenInTheFormsOfAnErrorPage() {
            Browser reader = newUser();

            assertEveryFormCarriesAToken(reader, "/new-post", 1);
            assertThat(reader.get("/new-post").status()).isEqualTo(403);
        }

        @Test
        void shouldStartASessionForAVisitorWhoseFirstPageHasAForm() {
            for (String path : List.of("/login", "/register", "/contact")) {
                Browser visitor = blog.browser();

                Response page = visitor.get(path);

                assertThat(tokensOfPostForms(page.body()))
                        .as(path)
                        .singleElement()
                        .isNotEqualTo("value=\"\"");
                assertThat(page.setCookies())
                        .as("session cookie set by %s", path)
                        .hasSize(1);
                assertEveryFormCarriesAToken(visitor, path, 1);
            }
        }

        @Test
        void shouldAcceptTheFormsAFreshVisitorWasShown() {
            Browser visitor = blog.browser();

            Response contact = visitor.submit(
                    "/contact", "/contact", Map.of("name", "Eve", "email", "eve@example.org", "message", "Hello"));
            Response registered = visitor.submit(
                    "/register",
                    "/register",
                    Map.of("name", "Form Tester", "email", "forms@example.org", "password", PASSWORD));

            assertThat(contact.status()).isEqualTo(303);
            assertThat(registered.status()).isEqualTo(303);
            assertThat(visitor.get("/").body()).contains("Log out");
        }

        @Test
        void shouldAcceptTheFormOfAPageShownAgainAfterAMistake() {
            Browser visitor = blog.browser();
            Response refused = visitor.submit(
                    "/register", "/register", Map.of("name", "Short", "email", "short@example.org", "password", "x"));
            assertThat(refused.status()).isEqualTo(400);
            Matcher token =
                    Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"").matcher(refused.body());
            assertThat(token.find()).as("token on the page shown again").isTrue();

            Response accepted = visitor.post(
                    "/register",
                    Map.of(
                            "name",
                            "Short",
                            "email",
                            "short@example.org",
                            "password",
                            PASSWORD,
                            "csrf_token",
                            token.group(1)));

            assertThat(accepted.status()).isEqualTo(303);
        }
    }
}
