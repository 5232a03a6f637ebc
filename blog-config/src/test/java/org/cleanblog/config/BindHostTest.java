package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code BIND_HOST} is checked for syntax at load time, so a typo is a configuration error (exit 2), not a crash. */
class BindHostTest {
    @TempDir
    Path workingDirectory;

    private BlogConfiguration load(String bindHost) {
        return BlogConfiguration.load(Map.of("BIND_HOST", bindHost), new Properties(), workingDirectory);
    }

    @ParameterizedTest(name = "[{index}] BIND_HOST={0}")
    @ValueSource(
            strings = {
                "0.0.0.0",
                "127.0.0.1",
                "255.255.255.255",
                "192.0.2.1",
                "::",
                "::1",
                "[::1]",
                "fe80::1%eth0",
                "2001:db8:0:0:0:0:0:1",
                "2001:db8::",
                "::ffff:192.0.2.1",
                "localhost",
                "blog.example.org",
                "blog.example.org.",
                "host-1",
                "xn--bcher-kva.example"
            })
    void shouldAcceptAddressesAndHostNames(String host) {
        assertThat(load(" " + host + "\n").settings().bindHost()).isEqualTo(host);
    }

    @ParameterizedTest(name = "[{index}] BIND_HOST={0}")
    @CsvSource(delimiter = '|', textBlock = """
            999.1.1.1             | '999.1.1.1' is not an IPv4 address
            1.2.3                 | '1.2.3' is not an IPv4 address
            1.2.3.4.5             | '1.2.3.4.5' is not an IPv4 address
            256.0.0.1             | '256.0.0.1' is not an IPv4 address
            010.0.0.1             | '010.0.0.1' is not an IPv4 address
            00000::1              | '00000::1' is not an IPv6 address
            [192.0.2.1]           | '[192.0.2.1]' is not an IPv6 address
            1..2.3                | '1..2.3' is not an IPv4 address
            host.123              | 'host.123' is not an IPv4 address
            :::                   | ':::' is not an IPv6 address
            1::2::3               | '1::2::3' is not an IPv6 address
            12345::1              | '12345::1' is not an IPv6 address
            1:2:3:4:5:6:7         | '1:2:3:4:5:6:7' is not an IPv6 address
            1:2:3:4:5:6:7:8:9     | '1:2:3:4:5:6:7:8:9' is not an IPv6 address
            [::1                  | '[::1' is not an IPv6 address
            ::g                   | '::g' is not an IPv6 address
            ::1%                  | '::1%' is not an IPv6 address
            'local host'          | 'local host' is not an IP address or host name
            -blog.example.org     | '-blog.example.org' is not an IP address or host name
            blog-.example.org     | 'blog-.example.org' is not an IP address or host name
            blog..example.org     | 'blog..example.org' is not an IP address or host name
            blog_1.example.org    | 'blog_1.example.org' is not an IP address or host name
            http://localhost      | 'http://localhost' is not an IPv6 address
            """)
    void shouldRejectWithOneLineNamingBindHostAndWhatIsExpected(String host, String problem) {
        assertThatThrownBy(() -> load(host))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("BIND_HOST: " + problem + " (")
                .hasMessageContaining(BindHost.EXPECTED)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .satisfies(
                        e -> assertThat(((ConfigurationException) e).variable()).isEqualTo("BIND_HOST"));
    }

    @Test
    void shouldSayWhyALeadingZeroIsRefused() {
        assertThatThrownBy(() -> load("192.168.001.1"))
                .hasMessageStartingWith("BIND_HOST: '192.168.001.1' is not an IPv4 address (a number with a leading"
                        + " zero is decimal to some programs and octal to others, so write it without; expected");
    }

    @ParameterizedTest(name = "[{index}] BIND_HOST=''{0}''")
    @ValueSource(strings = {"", "   "})
    void shouldTreatABlankValueAsNotSetAndListenOnAllInterfaces(String host) {
        assertThat(load(host).settings().bindHost()).isEqualTo("0.0.0.0");
        assertThat(BindHost.problem("")).isEqualTo("is empty (" + BindHost.EXPECTED + ")");
    }
}
