package org.cleanblog.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.cleanblog.config.TrustedProxies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which address the throttle counts a request against, from the connection's peer and X-Forwarded-For; which peers are
 * trusted is {@code TrustedProxiesTest}'s subject.
 */
class RequestOriginTest {
    /** The default: a proxy on this machine. */
    private static final RequestOrigin LOOPBACK = new RequestOrigin(TrustedProxies.loopback());

    private static final RequestOrigin PRIVATE_NETWORKS = new RequestOrigin(TrustedProxies.parse(
            "TRUSTED_PROXIES", "127.0.0.0/8,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"));

    @Test
    void shouldUseThePeerWhenAPublicPeerSendsAForgedForwardedFor() {
        assertThat(LOOPBACK.clientAddress("203.0.113.5", "198.51.100.1")).isEqualTo("203.0.113.5");
        assertThat(LOOPBACK.clientAddress("2001:db8::5", "198.51.100.1")).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "[::1]", "0:0:0:0:0:0:0:1", "fd12::7"})
    void shouldUseTheForwardedEntryWhenThePeerIsATrustedProxy(String peer) {
        assertThat(PRIVATE_NETWORKS.clientAddress(peer, "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void shouldUseThePeerWhenThereIsNoForwardedFor() {
        assertThat(LOOPBACK.clientAddress("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldUseTheLastEntryWhenThereAreSeveral() {
        assertThat(PRIVATE_NETWORKS.clientAddress("10.0.0.2", "198.51.100.1, 203.0.113.9,192.0.2.4"))
                .isEqualTo("192.0.2.4");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "198.51.100.1,",
                "unknown",
                "localhost",
                "example.org",
                "abc",
                "1",
                "1.2.3",
                "256.1.1.1",
                "01.2.3.4",
                "1.2.3.4:80",
                "[1.2.3.4]",
                "fe80::1%eth0",
                "2001:db8::g",
                "2001:db8::1::2",
                "[2001:db8::1",
                "<script>"
            })
    void shouldUseThePeerWhenTheLastEntryIsNoIpLiteral(String forwarded) {
        assertThat(LOOPBACK.clientAddress("127.0.0.1", forwarded)).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldUseThePeerWhenTheForwardedForIsHugeGarbage() {
        String huge = "9".repeat(8 * 1024);

        assertThat(LOOPBACK.clientAddress("127.0.0.1", huge)).isEqualTo("127.0.0.1");
        assertThat(LOOPBACK.clientAddress("127.0.0.1", "198.51.100.1, " + ":".repeat(8 * 1024)))
                .isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "[2001:db8::1]", " 2001:DB8:0::1 ", "2001:db8:0:0:0:0:0:1"})
    void shouldAcceptIpv6EntriesWithOrWithoutBracketsInOneForm(String forwarded) {
        assertThat(LOOPBACK.clientAddress("127.0.0.1", forwarded)).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void shouldReturnAPeerThatIsNoIpLiteralAsItIs() {
        assertThat(LOOPBACK.clientAddress("fe80::1%eth0", "198.51.100.1")).isEqualTo("fe80::1%eth0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8:1:2:0:0:0:1", "2001:db8:1:2:ffff:ffff:ffff:ffff", "[2001:DB8:1:2::abcd]"})
    void shouldCountEveryIpv6AddressOfOneSlash64AsItsNetwork(String address) {
        assertThat(RequestOrigin.clientNetwork(address)).isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void shouldCountNeighbouringSlash64sApart() {
        assertThat(RequestOrigin.clientNetwork("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(RequestOrigin.clientNetwork("::1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void shouldCountAnIpv4AddressOrANonAddressAsItself() {
        assertThat(RequestOrigin.clientNetwork("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(RequestOrigin.clientNetwork("fe80::1%eth0")).isEqualTo("fe80::1%eth0");
        assertThat(RequestOrigin.clientNetwork(null)).isNull();
    }
}
