package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one IP-literal parser of BIND_HOST, postgres:// hosts and client addresses: what is a literal and what not. */
class InetLiteralTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            0.0.0.0                    | 0.0.0.0                         | -
            192.0.2.1                  | 192.0.2.1                       | -
            255.255.255.255            | 255.255.255.255                 | -
            ::                         | 0:0:0:0:0:0:0:0                 | -
            ::1                        | 0:0:0:0:0:0:0:1                 | -
            [::1]                      | 0:0:0:0:0:0:0:1                 | -
            2001:db8:0:0:0:0:0:1       | 2001:db8:0:0:0:0:0:1            | -
            2001:DB8::1                | 2001:db8:0:0:0:0:0:1            | -
            0000:0db8::0001            | 0:db8:0:0:0:0:0:1               | -
            2001:db8::                 | 2001:db8:0:0:0:0:0:0            | -
            1:2:3:4:5:6:7::            | 1:2:3:4:5:6:7:0                 | -
            ::2:3:4:5:6:7:8            | 0:2:3:4:5:6:7:8                 | -
            1:2:3:4:5:6:192.0.2.1      | 1:2:3:4:5:6:c000:201            | -
            ::ffff:192.0.2.1           | 192.0.2.1                       | -
            [::ffff:192.0.2.1]         | 192.0.2.1                       | -
            fe80::1%eth0               | fe80:0:0:0:0:0:0:1              | eth0
            [fe80::1%25en0]            | fe80:0:0:0:0:0:0:1              | 25en0
            fe80::1%3                  | fe80:0:0:0:0:0:0:1              | 3
            """)
    void shouldReadIpv4AndIpv6Literals(String text, String address, String zone) {
        InetLiteral literal = InetLiteral.parse(text).orElseThrow();

        assertThat(literal.address().getHostAddress()).isEqualTo(address);
        assertThat(literal.zone()).isEqualTo(Optional.ofNullable(zone));
    }

    @Test
    void shouldGiveAnIpv4MappedAddressAsTheIpv4AddressItMaps() {
        assertThat(InetLiteral.parse("::ffff:192.0.2.1").orElseThrow().address())
                .isInstanceOf(Inet4Address.class);
        assertThat(InetLiteral.parse("::1").orElseThrow().address()).isInstanceOf(Inet6Address.class);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(
            strings = {
                "",
                " 192.0.2.1",
                "192.0.2.1 ",
                "1",
                "1.2.3",
                "1.2.3.4.5",
                "256.0.0.1",
                "1..2.3",
                // Leading zeros: 010 is 8 to C's inet_aton and 10 to Java. RequestOrigin refused them, BindHost took
                // them; refusing is the rule kept, since a guess could bind or trust the wrong address.
                "010.0.0.1",
                "1.2.3.04",
                "::ffff:010.0.0.1",
                "1.2.3.4:80",
                "[1.2.3.4]",
                "[]",
                "[::1",
                "::1]",
                "[[::1]]",
                ":",
                ":::",
                "1::2::3",
                // Five hexadecimal digits: the JDK accepts 00000::1; BindHost refused it; RFC 4291 allows four.
                "00000::1",
                "12345::1",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9",
                "0::0:0:0:0:0:0:1",
                "1:2:3:4:5:6:7:192.0.2.1",
                "::1.2.3",
                "1.2.3.4::",
                "::g",
                "::1%",
                "::1%eth 0",
                "::1%eth0%1",
                "localhost",
                "example.org",
                "ab.cd",
                "<script>"
            })
    void shouldRefuseAnythingElseWithoutAskingDns(String text) {
        assertThat(InetLiteral.parse(text)).isEmpty();
    }

    @Test
    void shouldRefuseNullAndHugeGarbageQuickly() {
        assertThat(InetLiteral.parse(null)).isEmpty();
        assertThat(InetLiteral.parse("9".repeat(100_000))).isEmpty();
        assertThat(InetLiteral.parse(":".repeat(100_000))).isEmpty();
        assertThat(InetLiteral.parse("1:".repeat(50_000))).isEmpty();
    }
}
