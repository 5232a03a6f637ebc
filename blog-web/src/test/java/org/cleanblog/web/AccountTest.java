package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountTest {
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
        void shouldMakeTheFirstRegisteredUserTheAdmin() {
            assertThat(blog.db()
                            .users()
                            .findByEmail("ada@example.org")
                            .orElseThrow()
                            .admin())
                    .isTrue();
            assertThat(admin.get("/").body()).contains("href=\"/new-post\"", "Log out");
        }

        @Test
        void shouldTellPlainlyWhenTheEmailIsAlreadyRegistered() {
            Response again = blog.browser().register("Someone", "ADA@example.org", PASSWORD);

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body()).contains("An account with the e-mail ADA@example.org already exists");
        }

        @Test
        void shouldRefuseAMalformedEmailOrAShortPassword() {
            long before = blog.db().users().count();

            Response badEmail = blog.browser().register("Bob", "bob-at-example.org", PASSWORD);
            Response shortPassword = blog.browser().register("Bob", "bob@example.org", "1234567");

            assertThat(badEmail.status()).isEqualTo(400);
            assertThat(badEmail.body()).contains("is not an e-mail address");
            assertThat(shortPassword.status()).isEqualTo(400);
            assertThat(shortPassword.body()).contains("password must be at least 8 characters long");
            assertThat(blog.db().users().count()).isEqualTo(before);
        }

        @Test
        void shouldRefuseANameWithAControlCharacterOnRegistrationAndContact() {
            long users = blog.db().users().count();
            long messages = blog.db().contactMessages().count();

            Response register = blog.browser().register("Bob\u0001", "bob.control@example.org", PASSWORD);
            Response contact = blog.browser()
                    .submit(
                            "/contact",
                            "/contact",
                            Map.of("name", "Eve\u0007", "email", "eve@example.org", "phone", "", "message", "hi"));

            assertThat(register.status()).isEqualTo(400);
            assertThat(register.body()).contains("name contains the control character U+0001");
            assertThat(contact.status()).isEqualTo(400);
            assertThat(contact.body()).contains("name contains the control character U+0007");
            assertThat(blog.db().users().count()).isEqualTo(users);
            assertThat(blog.db().contactMessages().count()).isEqualTo(messages);
        }

        @Test
        void shouldGiveOneGenericMessageForEveryFailedLogin() {
            Response wrongPassword = blog.browser().login("ada@example.org", "wrong password");
            Response unknownEmail = blog.browser().login("nobody@example.org", PASSWORD);

            assertThat(wrongPassword.status()).isEqualTo(400);
            assertThat(unknownEmail.status()).isEqualTo(400);
            assertThat(wrongPassword.body())
                    .contains("That e-mail and password do not match an account")
                    .doesNotContain("wrong password");
            assertThat(unknownEmail.body()).contains("That e-mail and password do not match an account");
        }

        @Test
        void shouldStartANewSessionAtLoginAndReturnToThePageAsked() {
            newUser();
            Browser browser = blog.browser();
            String anonymousToken = browser.csrfToken("/login?next=/about");
            String anonymousCookie = browser.sessionCookie();

            Response login = browser.post(
                    "/login",
                    Map.of(
                            "email",
                            "ada@example.org",
                            "password",
                            PASSWORD,
                            "next",
                            "/about",
                            "csrf_token",
                            anonymousToken));

            assertThat(login.status()).isEqualTo(303);
            assertThat(login.location()).isEqualTo("/about");
            assertThat(browser.sessionCookie()).isNotNull().isNotEqualTo(anonymousCookie);
            // The token of the anonymous session is worthless for the new one.
            assertThat(browser.post("/logout", Map.of("csrf_token", anonymousToken))
                            .status())
                    .isEqualTo(400);
        }

        @Test
        void shouldNeverRedirectOffSiteAfterLogin() {
            Browser browser = blog.browser();
            String token = browser.csrfToken("/login");

            Response login = browser.post(
                    "/login",
                    Map.of(
                            "email",
                            "ada@example.org",
                            "password",
                            PASSWORD,
                            "next",
                            "//evil.example.org/",
                            "csrf_token",
                            token));

            assertThat(login.location()).isEqualTo("/");
        }

        @Test
        void shouldSetTheSessionCookieHttpOnlyLaxAndSecureOnlyOverHttps() {
            Response plain = blog.browser().get("/login");
            Response proxied = blog.browser().get("/login", "X-Forwarded-Proto", "https");

            assertThat(plain.setCookies())
                    .singleElement()
                    .satisfies(c -> assertThat(c)
                            .startsWith("blog_session=")
                            .contains("; Path=/", "; HttpOnly", "; SameSite=Lax")
                            .doesNotContain("Secure"));
            assertThat(proxied.setCookies())
                    .singleElement()
                    .satisfies(c -> assertThat(c).contains("; HttpOnly", "; SameSite=Lax", "; Secure"));
        }

        @Test
        void shouldSetNoCookieOnPagesWithoutForms() {
            assertThat(blog.browser().get("/about").setCookies()).isEmpty();
        }

        @Test
        void shouldEndTheSessionAtLogout() {
            Browser user = newUser();
            assertThat(user.get("/").body()).contains("Log out");

            Response logout = user.logout();

            assertThat(logout.status()).isEqualTo(303);
            assertThat(logout.setCookies())
                    .singleElement()
                    .satisfies(c -> assertThat(c).startsWith("blog_session=;").contains("Max-Age=0"));
            assertThat(user.sessionCookie()).isNull();
            assertThat(user.get("/").body()).contains("href=\"/login\"").doesNotContain("Log out");
        }

        /** A copy of the cookie taken before logout (a shared computer, a stolen cookie) is dead too (ADR 0010). */
        @Test
        void shouldRefuseACopyOfTheCookieTakenBeforeLogout() {
            long post = admin.writePost("Replayed", "", "A post to comment on.");
            Browser user = newUser();
            String copied = user.sessionCookie();
            Browser thief = blog.browser();
            thief.setSessionCookie(copied);
            assertThat(thief.get("/").body()).as("the copy works before logout").contains("Log out");
            String tokenOfTheCopiedSession = thief.csrfToken("/post/" + post);

            user.logout();
            Response replay = thief.get("/");
            thief.setSessionCookie(copied);
            Response comment = thief.post(
                    "/post/" + post,
                    Map.of("comment_text", "as the old session", "csrf_token", tokenOfTheCopiedSession));

            assertThat(replay.body()).contains("href=\"/login\"").doesNotContain("Log out");
            assertThat(replay.setCookies())
                    .as("the browser is told to forget the dead cookie")
                    .anySatisfy(c -> assertThat(c).startsWith("blog_session=;").contains("Max-Age=0"));
            assertThat(comment.status()).isEqualTo(303);
            assertThat(comment.location())
                    .as("sent to log in, not to a new comment")
                    .startsWith("/login");
            assertThat(blog.db().comments().findByPost(post)).isEmpty();
        }

        @Test
        void shouldEndTheSessionsOnOtherBrowsersAtLogoutButAcceptTheNextLogin() {
            Browser laptop = blog.browser();
            assertThat(laptop.register("Lena Laptop", "lena@example.org", PASSWORD)
                            .status())
                    .isEqualTo(303);
            Browser phone = blog.browser();
            assertThat(phone.login("lena@example.org", PASSWORD).status()).isEqualTo(303);

            laptop.logout();

            assertThat(phone.get("/").body()).doesNotContain("Log out");
            assertThat(laptop.login("lena@example.org", PASSWORD).status()).isEqualTo(303);
            assertThat(laptop.get("/").body()).contains("Log out");
        }

        @Test
        void shouldIgnoreATamperedSessionCookie() {
            Browser user = newUser();
            String cookie = user.sessionCookie();
            user.setSessionCookie("x" + cookie.substring(1));

            assertThat(user.get("/").body()).doesNotContain("Log out");
        }

        @Test
        void shouldUpgradeAWeakPasswordHashAtTheNextSuccessfulLogin() {
            String weak = PasswordHasher.withIterations(10).hash("imported password");
            blog.db().users().create(new NewUser(new Email("imported@example.org"), "Imported", weak));

            Response login = blog.browser().login("imported@example.org", "imported password");

            assertThat(login.status()).isEqualTo(303);
            String stored = blog.db()
                    .users()
                    .findByEmail("imported@example.org")
                    .orElseThrow()
                    .passwordHash();
            assertThat(stored).startsWith("pbkdf2:sha256:" + RunningBlog.TEST_ITERATIONS + "$");
            assertThat(blog.browser()
                            .login("imported@example.org", "imported password")
                            .status())
                    .isEqualTo(303);
        }
    }
}
