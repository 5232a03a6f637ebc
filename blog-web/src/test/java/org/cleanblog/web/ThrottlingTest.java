package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.http.ConcurrencyLimit;
import org.cleanblog.web.http.Throttle;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-address throttling of login, registration and contact, with a burst of 2 and a clock moved by hand. The test
 * client connects from 127.0.0.1, a proxy address, so X-Forwarded-For names the client as a platform router would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottlingTest {
    private final AtomicLong now = new AtomicLong(0);
    private RunningBlog blog;

    @BeforeAll
    void start() {
        blog = RunningBlog.start(
                Dialect.SQLITE,
                "ThrottlingTest",
                new Limits(
                        new ConcurrencyLimit(2),
                        new Throttle(2, 60_000, 100, now::get),
                        RunningBlog.NO_THROTTLE,
                        RunningBlog.NO_THROTTLE));
    }

    @AfterAll
    void stop() throws Exception {
        blog.close();
    }

    private static Response login(Browser browser, String client) {
        String token = browser.csrfToken("/login");
        return browser.post(
                "/login",
                Map.of("email", "nobody@example.org", "password", "wrong password", "csrf_token", token),
                "X-Forwarded-For",
                "203.0.113.99, " + client);
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceAnAddressUsedItsBurstAndLetOthersThrough() {
        Browser browser = blog.browser();

        Response first = login(browser, "198.51.100.1");
        Response second = login(browser, "198.51.100.1");
        Response third = login(browser, "198.51.100.1");
        Response otherClient = login(browser, "198.51.100.2");

        assertThat(first.status()).isEqualTo(400);
        assertThat(second.status()).isEqualTo(400);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).hasValue("60");
        assertThat(third.body()).contains("Too many requests", "Wait 60 seconds");
        assertThat(otherClient.status()).isEqualTo(400);

        now.addAndGet(60_000);
        assertThat(login(browser, "198.51.100.1").status()).isEqualTo(400);
    }

    @Test
    void shouldCountForwardedForEntriesThatAreNoIpAddressAgainstTheProxy() {
        Browser browser = blog.browser();

        Response first = login(browser, "not-an-address-1");
        Response second = login(browser, "x".repeat(4_000));
        Response third = login(browser, "not-an-address-3");

        assertThat(first.status()).isEqualTo(400);
        assertThat(second.status()).isEqualTo(400);
        assertThat(third.status()).as("all three counted against 127.0.0.1").isEqualTo(429);
    }

    @Test
    void shouldShareOneBucketAmongTheAddressesOfAnIpv6Slash64() {
        Browser browser = blog.browser();

        Response first = login(browser, "2001:db8:7:7::1");
        Response second = login(browser, "[2001:db8:7:7:ffff::2]");
        Response third = login(browser, "2001:db8:7:7::3");
        Response nextNetwork = login(browser, "2001:db8:7:8::1");

        assertThat(first.status()).isEqualTo(400);
        assertThat(second.status()).isEqualTo(400);
        assertThat(third.status()).isEqualTo(429);
        assertThat(nextNetwork.status()).isEqualTo(400);
    }

    @Test
    void shouldThrottleRegistrationAndContactToo() {
        Browser browser = blog.browser();
        String client = "198.51.100.7";
        Map<String, String> contact = Map.of("name", "Eve", "email", "eve@example.org", "phone", "", "message", "hi");

        Response a = browser.post("/contact", withToken(browser, "/contact", contact), "X-Forwarded-For", client);
        Response b = browser.post("/contact", withToken(browser, "/contact", contact), "X-Forwarded-For", client);
        Response c = browser.post(
                "/register",
                withToken(browser, "/register", Map.of("name", "R", "email", "r@example.org", "password", "12345678")),
                "X-Forwarded-For",
                client);

        assertThat(a.status()).isEqualTo(303);
        assertThat(b.status()).isEqualTo(303);
        assertThat(c.status()).isEqualTo(429);
        assertThat(blog.db().users().findByEmail("r@example.org")).isEmpty();
    }

    private static Map<String, String> withToken(Browser browser, String page, Map<String, String> fields) {
        var all = new java.util.HashMap<>(fields);
        all.put("csrf_token", browser.csrfToken(page));
        return all;
    }
}
