package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code TRUSTED_PROXIES}: which peers' forwarding headers are believed (issue 9, 1.9). */
class TrustedProxiesSettingTest {
    @TempDir
    Path workingDirectory;

    private BlogConfiguration load(Map<String, String> environment) {
        return BlogConfiguration.load(environment, new Properties(), workingDirectory);
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @ParameterizedTest(name = "[{index}] {0} trusts {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.0/8,::1          | 127.0.0.1       | true
            127.0.0.0/8,::1          | 127.255.0.9     | true
            127.0.0.0/8,::1          | ::1             | true
            127.0.0.0/8,::1          | 10.0.0.2        | false
            127.0.0.0/8,::1          | 192.168.1.1     | false
            127.0.0.0/8,::1          | fd00::1         | false
            10.0.0.0/8               | 10.255.255.255  | true
            10.0.0.0/8               | 11.0.0.0        | false
            172.16.0.0/12            | 172.31.0.1      | true
            172.16.0.0/12            | 172.32.0.1      | false
            192.0.2.7                | 192.0.2.7       | true
            192.0.2.7                | 192.0.2.8       | false
            fd00::/8                 | fdab::5         | true
            fd00::/8                 | fe80::1         | false
            2001:db8::/33            | 2001:db8:7fff::1 | true
            2001:db8::/33            | 2001:db8:8000::1 | false
            0.0.0.0/0                | 203.0.113.9     | true
            0.0.0.0/0                | 2001:db8::1     | false
            '[::1]'                  | ::1             | true
            ::ffff:10.0.0.1          | 10.0.0.1        | true
            """)
    void shouldTrustExactlyThePeersInItsRanges(String setting, String peer, boolean trusted)
            throws UnknownHostException {
        TrustedProxies proxies =
                load(Map.of("TRUSTED_PROXIES", setting)).settings().trustedProxies();

        assertThat(proxies.trusts(ip(peer))).isEqualTo(trusted);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            proxy.example.org | 'proxy.example.org' is not an IP address or CIDR range
            10.0.0.0/33       | '10.0.0.0/33' has no valid prefix length (0-32 for an IPv4 address;
            fd00::/129        | 'fd00::/129' has no valid prefix length (0-128 for an IPv6 address;
            10.0.0.0/08       | '10.0.0.0/08' has no valid prefix length
            10.0.0.0/         | '10.0.0.0/' has no valid prefix length
            10.0.0.1/8        | '10.0.0.1/8' has bits set beyond its /8 prefix (did you mean 10.0.0.0/8?
            010.0.0.1         | '010.0.0.1' is not an IP address or CIDR range
            fe80::1%eth0      | 'fe80::1%eth0' is not an IP address or CIDR range
            ' , '             | lists no address
            """)
    void shouldRefuseABadEntryNamingTrustedProxies(String setting, String problem) {
        assertThatThrownBy(() -> load(Map.of("TRUSTED_PROXIES", setting)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("TRUSTED_PROXIES: " + problem);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "'0.0.0.0/0,::/0', '0.0.0.0/0,::/0'",
        "'fd00::/8, 2001:db8:0:1::/64', 'fd00::/8,2001:db8:0:1::/64'",
        "'::1, 2001:0:0:1:0:0:0:1', '::1/128,2001:0:0:1::1/128'",
        "'1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8/128'"
    })
    void shouldPrintRangesInTheirShortForm(String setting, String printed) {
        assertThat(TrustedProxies.parse("TRUSTED_PROXIES", setting)).hasToString(printed);
    }

    @Test
    void shouldTrustLoopbackOnlyByDefault() {
        BlogConfiguration configuration = load(Map.of());

        assertThat(configuration.settings().trustedProxies()).isEqualTo(TrustedProxies.loopback());
        assertThat(configuration.render()).containsPattern("TRUSTED_PROXIES +127\\.0\\.0\\.0/8,::1 +default\n");
    }

    @Test
    void shouldTrustEveryPeerOnAHerokuDynoWhereTheRouterIsTheOnlyWayIn() throws UnknownHostException {
        BlogConfiguration configuration =
                load(Map.of("DYNO", "web.1", "SECRET_KEY", "k".repeat(32), "DATABASE_URL", "postgres://db/blog"));

        assertThat(configuration.settings().trustedProxies().trusts(ip("10.1.2.3")))
                .isTrue();
        assertThat(configuration.settings().trustedProxies().trusts(ip("2001:db8::1")))
                .isTrue();
        assertThat(configuration.render())
                .containsPattern("TRUSTED_PROXIES +any peer \\(0\\.0\\.0\\.0/0,::/0\\) +derived from DYNO");
    }

    @Test
    void shouldLetAConfiguredValueWinOnHerokuToo() throws UnknownHostException {
        BlogConfiguration configuration = load(Map.of(
                "DYNO",
                "web.1",
                "SECRET_KEY",
                "k".repeat(32),
                "DATABASE_URL",
                "postgres://db/blog",
                "TRUSTED_PROXIES",
                "10.0.0.0/8"));

        assertThat(configuration.settings().trustedProxies().trusts(ip("192.168.0.1")))
                .isFalse();
        assertThat(configuration.render()).containsPattern("TRUSTED_PROXIES +10\\.0\\.0\\.0/8 +environment");
    }
}
