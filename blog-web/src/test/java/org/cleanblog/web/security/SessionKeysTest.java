package org.cleanblog.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.WebSettings;
import org.cleanblog.web.session.SessionCodec;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, 2.6: the session cookie's attributes as ADR 0005 and ADR 0011 say, and key rotation with
 * {@code SECRET_KEY_FALLBACKS} tried on real servers of one blog started with different keys: a session signed with a
 * key that became a fallback stays valid and comes back signed with the new key; once the old key is gone the cookie
 * is refused, the visitor is anonymous and the cookie is cleared.
 */
class SessionKeysTest {
    private static final String OLD_KEY = RunningBlog.SECRET;
    private static final String NEW_KEY = "the-new-secret-key-after-rotation-also-long-enough";
    private static final long LIFETIME_SECONDS = WebSettings.DEFAULT_SESSION_LIFETIME.toSeconds();

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
        void shouldSendTheSessionCookieHttpOnlySameSiteLaxForTheWholeSiteAndTheSessionLifetime() {
            Browser visitor = blog.browser();
            Response form = visitor.get("/register");
            Response registered = visitor.register("Flag Reader", "flags-" + dialect + "@example.org", PASSWORD);

            for (Response r : List.of(form, registered)) {
                Map<String, String> cookie = sessionCookie(r);
                assertThat(cookie)
                        .containsKeys("httponly")
                        .containsEntry("samesite", "Lax")
                        .containsEntry("path", "/");
                assertThat(cookie).as("no Secure over plain HTTP").doesNotContainKey("secure");
                assertThat(Long.parseLong(cookie.get("max-age"))).isBetween(LIFETIME_SECONDS - 60, LIFETIME_SECONDS);
                assertThat(r.header("Strict-Transport-Security")).isEmpty();
            }
        }

        @Test
        void shouldAddSecureAndHstsWhenThePlatformRouterSaysTheVisitorUsedHttps() {
            // The test connects from 127.0.0.1, where the platform's router or the reverse proxy sits.
            Response r = blog.browser().get("/login", "X-Forwarded-Proto", "https");

            assertThat(sessionCookie(r)).containsKeys("secure", "httponly").containsEntry("samesite", "Lax");
            assertThat(r.header("Strict-Transport-Security")).hasValue("max-age=31536000");
        }

        @Test
        void shouldClearTheCookieWithTheSameAttributesAtLogout() {
            Browser user = newUser();

            Response r = user.logout();

            Map<String, String> cookie = sessionCookie(r);
            assertThat(cookie).containsEntry("blog_session", "").containsEntry("max-age", "0");
            assertThat(cookie)
                    .containsKeys("httponly")
                    .containsEntry("samesite", "Lax")
                    .containsEntry("path", "/");
        }

        @Test
        void shouldKeepASessionSignedWithAFallbackKeyAndReSignItWithTheNewKey() throws Exception {
            Browser before = newUser();
            String oldCookie = before.sessionCookie();
            String oldToken = before.csrfToken("/contact");

            try (RunningBlog.Instance rotated = blog.startInstance(List.of(NEW_KEY, OLD_KEY))) {
                Browser after = rotated.browser();
                after.setSessionCookie(oldCookie);

                Response page = after.get("/");

                assertThat(page.body()).as("still logged in").contains("Log out");
                String newCookie = sessionCookie(page).get("blog_session");
                assertThat(newCookie).isNotEqualTo(oldCookie);
                var resigned = codec(NEW_KEY).decode(newCookie).orElseThrow();
                assertThat(resigned.signedWithFallback()).isFalse();
                assertThat(resigned.session())
                        .as("the same session, only signed anew")
                        .isEqualTo(
                                codec(OLD_KEY).decode(oldCookie).orElseThrow().session());
                assertThat(codec(OLD_KEY).decode(newCookie))
                        .as("not signed with the old key")
                        .isEmpty();

                // A form loaded before the rotation still posts after it.
                Browser lateForm = rotated.browser();
                lateForm.setSessionCookie(oldCookie);
                Map<String, String> contact = new LinkedHashMap<>(
                        Map.of("name", "Late", "email", "late@example.org", "phone", "", "message", "hello"));
                contact.put("csrf_token", oldToken);
                assertThat(lateForm.post("/contact", contact, "X-Forwarded-For", "198.51.100.201")
                                .status())
                        .isEqualTo(303);
            }
        }

        @Test
        void shouldRefuseAndClearACookieSignedWithAKeyNoLongerListed() throws Exception {
            Browser before = newUser();
            String oldCookie = before.sessionCookie();
            String resignedCookie;
            try (RunningBlog.Instance rotated = blog.startInstance(List.of(NEW_KEY, OLD_KEY))) {
                Browser b = rotated.browser();
                b.setSessionCookie(oldCookie);
                resignedCookie = sessionCookie(b.get("/")).get("blog_session");
            }

            try (RunningBlog.Instance retired = blog.startInstance(List.of(NEW_KEY))) {
                Browser stale = retired.browser();
                stale.setSessionCookie(oldCookie);
                Response refused = stale.get("/");
                Browser current = retired.browser();
                current.setSessionCookie(resignedCookie);
                Response accepted = current.get("/");

                assertThat(refused.status()).isEqualTo(200);
                assertThat(refused.body())
                        .as("anonymous")
                        .doesNotContain("Log out")
                        .contains("href=\"/login\"");
                assertThat(sessionCookie(refused))
                        .as("the refused cookie is cleared")
                        .containsEntry("blog_session", "")
                        .containsEntry("max-age", "0");
                assertThat(accepted.body())
                        .as("the re-signed cookie still logs in")
                        .contains("Log out");
            }
        }

        private static SessionCodec codec(String key) {
            return new SessionCodec(List.of(key), Duration.ofDays(14), Clock.systemUTC());
        }

        /** The attributes of the response's blog_session cookie, names in lower case; the cookie's value under its name. */
        private static Map<String, String> sessionCookie(Response r) {
            String header = r.setCookies().stream()
                    .filter(c -> c.startsWith("blog_session="))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new AssertionError("no blog_session cookie in " + r.setCookies()));
            Map<String, String> attributes = new LinkedHashMap<>();
            Arrays.stream(header.split(";")).map(String::strip).forEach(part -> {
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                attributes.put(
                        name.equals("blog_session") ? name : name.toLowerCase(java.util.Locale.ROOT),
                        eq < 0 ? "" : part.substring(eq + 1));
            });
            return attributes;
        }
    }
}
