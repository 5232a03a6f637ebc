package org.cleanblog.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cleanblog.config.TrustedProxies;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.Limits;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} the blog believes (issue 9, 1.9): only a peer in
 * {@code TRUSTED_PROXIES}, loopback by default. A private-looking peer (Docker's {@code -p}, a shared network) was
 * believed before, so any client could pick a new address per request and escape the login throttle.
 */
class TrustedProxiesTest {
    private static final String DEFAULT = TrustedProxies.LOOPBACK_TEXT;

    private static RequestOrigin origin(String setting) {
        return new RequestOrigin(
                setting.equals("any") ? TrustedProxies.anyPeer() : TrustedProxies.parse("TRUSTED_PROXIES", setting));
    }

    @ParameterizedTest(name = "[{index}] TRUSTED_PROXIES={0}, peer {1}: believed {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DEFAULT                 | 127.0.0.1    | true
            DEFAULT                 | 127.0.0.2    | true
            DEFAULT                 | ::1          | true
            DEFAULT                 | 10.0.0.2     | false
            DEFAULT                 | 172.17.0.1   | false
            DEFAULT                 | 192.168.1.5  | false
            DEFAULT                 | fd00::5      | false
            DEFAULT                 | 203.0.113.5  | false
            172.17.0.1              | 172.17.0.1   | true
            172.17.0.1              | 172.17.0.2   | false
            172.17.0.1              | 127.0.0.1    | false
            10.0.0.0/8, fd00::/8    | 10.9.8.7     | true
            10.0.0.0/8, fd00::/8    | fd00::5      | true
            10.0.0.0/8, fd00::/8    | 11.0.0.1     | false
            any                     | 203.0.113.5  | true
            any                     | 2001:db8::9  | true
            """)
    void shouldBelieveTheForwardingHeadersOfTrustedPeersOnly(String setting, String peer, boolean believed) {
        RequestOrigin origin = origin(setting.equals("DEFAULT") ? DEFAULT : setting);

        String client = origin.clientAddress(peer, "203.0.113.200, 198.51.100.7");

        assertThat(client)
                .isEqualTo(
                        believed
                                ? "198.51.100.7"
                                : RequestOrigin.parseIp(peer).orElseThrow().getHostAddress());
        assertThat(origin.isHttps(false, peer, "https")).isEqualTo(believed);
        assertThat(origin.isHttps(true, peer, null))
                .as("a TLS connection is HTTPS whoever the peer")
                .isTrue();
    }

    @Test
    void shouldThrottleAPrivatePeerThatSendsADifferentForwardedForEachTime() {
        RequestOrigin origin = origin(DEFAULT);
        Throttle throttle = new Throttle(Limits.FORM_BURST, Limits.FORM_REFILL_MILLIS, 10_000, () -> 1_000_000L);
        List<Long> waits = new ArrayList<>();

        for (int i = 1; i <= Limits.FORM_BURST + 1; i++) {
            // The key Throttle.limit counts a request against.
            String key = RequestOrigin.clientNetwork(origin.clientAddress("10.0.0.2", "198.51.100." + i));
            waits.add(throttle.acquire(key));
        }

        assertThat(waits.subList(0, Limits.FORM_BURST)).containsOnly(0L);
        assertThat(waits.get(Limits.FORM_BURST)).as("the 11th login waits").isPositive();
    }

    /** Eleven failed logins from 127.0.0.1, each claiming another address; how many the throttle refused. */
    private static int refusedOfElevenLogins(TrustedProxies proxies, List<Response> answers) throws Exception {
        Limits limits = new Limits(
                new ConcurrencyLimit(4),
                new Throttle(Limits.FORM_BURST, Limits.FORM_REFILL_MILLIS, 10_000, () -> 1_000_000L),
                RunningBlog.NO_THROTTLE,
                RunningBlog.NO_THROTTLE);
        try (RunningBlog blog = RunningBlog.start(Dialect.SQLITE, "TrustedProxiesTest", limits, proxies)) {
            Browser browser = blog.browser();
            int refused = 0;
            for (int i = 1; i <= Limits.FORM_BURST + 1; i++) {
                String token = browser.csrfToken("/login");
                Response r = browser.post(
                        "/login",
                        Map.of("email", "nobody@example.org", "password", "wrong", "csrf_token", token),
                        "X-Forwarded-For",
                        "198.51.100." + i);
                refused += r.status() == 429 ? 1 : 0;
            }
            answers.add(browser.get("/about", "X-Forwarded-Proto", "https"));
            return refused;
        }
    }

    @Test
    void shouldBelieveTheLocalProxyByDefaultAndNobodyElseWhenAnotherProxyIsNamed() throws Exception {
        List<Response> byDefault = new ArrayList<>();
        List<Response> otherProxy = new ArrayList<>();

        assertThat(refusedOfElevenLogins(TrustedProxies.loopback(), byDefault))
                .as("from loopback, each X-Forwarded-For is another client")
                .isZero();
        assertThat(refusedOfElevenLogins(TrustedProxies.parse("TRUSTED_PROXIES", "192.0.2.1"), otherProxy))
                .as("loopback not trusted: all eleven count against 127.0.0.1")
                .isEqualTo(1);

        assertThat(byDefault.get(0).header("Strict-Transport-Security")).isPresent();
        assertThat(otherProxy.get(0).header("Strict-Transport-Security")).isEmpty();
    }
}
