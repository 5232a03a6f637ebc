package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.http.ConcurrencyLimit;
import org.cleanblog.web.http.Throttle;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, 2.6: logins are throttled per account as well as per address, so guesses at one account from many
 * addresses (a botnet; here distinct X-Forwarded-For entries from the trusted loopback peer) get 429 once the account's
 * budget is spent. A burst of 3, a clock moved by hand, and no per-address throttle, to show the account's alone.
 */
class LoginThrottlePerAccountTest {
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
        private static final AtomicInteger ADDRESSES = new AtomicInteger();
        private final AtomicLong now = new AtomicLong();

        Cases(Dialect dialect) {
            super(dialect);
        }

        @Override
        protected RunningBlog startBlog() {
            return RunningBlog.start(
                    dialect,
                    getClass().getSimpleName(),
                    new Limits(
                            new ConcurrencyLimit(4),
                            RunningBlog.NO_THROTTLE,
                            new Throttle(3, 60_000, 100, now::get),
                            RunningBlog.NO_THROTTLE));
        }

        /** A login attempt from an address never seen before. */
        private Response loginFromNewAddress(String email, String password) {
            Browser bot = blog.browser();
            String token = bot.csrfToken("/login");
            String address = "198.51." + (100 + ADDRESSES.get() / 250) + "." + (1 + ADDRESSES.getAndIncrement() % 250);
            return bot.post(
                    "/login",
                    Map.of("email", email, "password", password, "csrf_token", token),
                    "X-Forwarded-For",
                    address);
        }

        @Test
        void shouldAnswer429ToGuessesAtOneAccountFromManyAddressesUntilTheWindowPasses() {
            String email = "victim@example.org";
            blog.browser().register("Victim", email, PASSWORD);

            for (int i = 0; i < 3; i++) {
                assertThat(loginFromNewAddress(email, "guess " + i).status()).isEqualTo(400);
            }
            Response refused = loginFromNewAddress(email, "guess 3");
            Response respelled = loginFromNewAddress(" VICTIM@Example.org ", "guess 4");
            Response owner = loginFromNewAddress(email, PASSWORD);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).hasValue("60");
            assertThat(refused.body()).contains("Too many attempts to log in to this account", "Wait 60 seconds");
            assertThat(respelled.status())
                    .as("the same account however it is spelled")
                    .isEqualTo(429);
            assertThat(owner.status())
                    .as("the owner waits too, for at most the window")
                    .isEqualTo(429);

            now.addAndGet(60_000);
            Response later = loginFromNewAddress(email, PASSWORD);
            assertThat(later.status()).isEqualTo(303);
            assertThat(later.setCookies()).anyMatch(c -> c.startsWith("blog_session="));
        }

        @Test
        void shouldLeaveOtherAccountsAlone() {
            String target = "target@example.org";
            blog.browser().register("Target", target, PASSWORD);
            String other = "bystander@example.org";
            blog.browser().register("Bystander", other, PASSWORD);
            for (int i = 0; i < 4; i++) {
                loginFromNewAddress(target, "guess " + i);
            }

            assertThat(loginFromNewAddress(target, PASSWORD).status()).isEqualTo(429);
            assertThat(loginFromNewAddress(other, "wrong password").status()).isEqualTo(400);
            assertThat(loginFromNewAddress(other, PASSWORD).status()).isEqualTo(303);
        }

        @Test
        void shouldThrottleAnAddressWithoutAnAccountAlikeSoA429RevealsNothing() {
            String ghost = "ghost-" + dialect.name().toLowerCase(java.util.Locale.ROOT) + "@example.org";
            for (int i = 0; i < 3; i++) {
                assertThat(loginFromNewAddress(ghost, "guess").status()).isEqualTo(400);
            }

            assertThat(loginFromNewAddress(ghost, "guess").status()).isEqualTo(429);
            assertThat(loginFromNewAddress("not an address", "guess").status())
                    .as("text that is no e-mail address names no account")
                    .isEqualTo(400);
        }
    }
}
