package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsValidationTest {
    @TempDir
    Path workingDirectory;

    private BlogConfiguration load(Map<String, String> environment) {
        return BlogConfiguration.load(environment, new Properties(), workingDirectory);
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            PORT          | abc                    | PORT: 'abc' is not a number (expected a port, 1-65535)
            PORT          | 80.5                   | PORT: '80.5' is not a number (expected a port, 1-65535)
            PORT          | -1                     | PORT: '-1' is not a number (expected a port, 1-65535)
            PORT          | 0                      | PORT: 0 is out of range (expected a port, 1-65535)
            PORT          | 65536                  | PORT: 65536 is out of range (expected a port, 1-65535)
            PORT          | 99999999999999         | PORT: 99999999999999 is out of range (expected a port, 1-65535)
            BIND_HOST     | 'local host'           | BIND_HOST: 'local host' is not an IP address or host name (expected an IP address of this machine such as 0.0.0.0 (all interfaces)
            BIND_HOST     | 999.1.1.1              | BIND_HOST: '999.1.1.1' is not an IPv4 address (four numbers 0-255 separated by dots; expected
            BLOG_ENV      | staging                | BLOG_ENV: unknown environment 'staging' (expected development or production)
            BLOG_BASE_URL | blog.example.org       | BLOG_BASE_URL: 'blog.example.org' is not an absolute http(s) address (expected e.g. https://blog.example.org)
            BLOG_BASE_URL | ftp://blog.example.org | BLOG_BASE_URL: 'ftp://blog.example.org' is not an absolute http(s) address
            BLOG_BASE_URL | 'https://exa mple.org' | BLOG_BASE_URL: 'https://exa mple.org' is not an absolute http(s) address
            BLOG_BASE_URL | https://b.org/?page=1  | BLOG_BASE_URL: 'https://b.org/?page=1' is not an absolute http(s) address
            SHUTDOWN_TIMEOUT | 10s                 | SHUTDOWN_TIMEOUT: '10s' is not a number (expected whole seconds, 0-600; Heroku kills a process 30 s after SIGTERM)
            SHUTDOWN_TIMEOUT | 601                 | SHUTDOWN_TIMEOUT: 601 is out of range (expected whole seconds, 0-600
            SHUTDOWN_TIMEOUT | 99999999999999      | SHUTDOWN_TIMEOUT: 99999999999999 is out of range
            DATABASE_POOL_SIZE | 0                 | DATABASE_POOL_SIZE: 0 is out of range (expected connections per process, 1-100)
            DATABASE_POOL_SIZE | 101               | DATABASE_POOL_SIZE: 101 is out of range (expected connections per process, 1-100)
            DATABASE_POOL_SIZE | eight             | DATABASE_POOL_SIZE: 'eight' is not a number (expected connections per process, 1-100)
            DATABASE_POOL_SIZE | 99999999999999    | DATABASE_POOL_SIZE: 99999999999999 is out of range
            DATABASE_POOL_TIMEOUT | 0              | DATABASE_POOL_TIMEOUT: 0 is out of range (expected seconds a request waits for a connection, 1-30)
            DATABASE_POOL_TIMEOUT | 31             | DATABASE_POOL_TIMEOUT: 31 is out of range (expected seconds a request waits for a connection, 1-30)
            DATABASE_POOL_TIMEOUT | 2.5            | DATABASE_POOL_TIMEOUT: '2.5' is not a number (expected seconds a request waits for a connection, 1-30)
            TRUSTED_PROXIES | 'proxy.example.org'  | TRUSTED_PROXIES: 'proxy.example.org' is not an IP address or CIDR range (expected comma-separated IP addresses or CIDR ranges such as 127.0.0.1, 10.0.0.0/8 or fd00::/8)
            """)
    void shouldRejectBadValueWithOneLineNamingTheVariable(String variable, String value, String message) {
        assertThatThrownBy(() -> load(Map.of(variable, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(message)
                .satisfies(
                        e -> assertThat(((ConfigurationException) e).variable()).isEqualTo(variable));
    }

    @ParameterizedTest(name = "[{index}] SHUTDOWN_TIMEOUT={0}")
    @CsvSource({"0, 0", "' 25\n', 25", "600, 600"})
    void shouldAcceptShutdownTimeoutsInRange(String value, long seconds) {
        assertThat(load(Map.of("SHUTDOWN_TIMEOUT", value)).settings().shutdownTimeout())
                .isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void shouldDrainForTenSecondsByDefault() {
        assertThat(load(Map.of()).settings().shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    /** ADR 0029: two serving processes of 8 and a release phase of 2 fit a 20-connection plan. */
    @Test
    void shouldBudgetEightConnectionsPerProcessAndTwoForAOneOffCommandByDefault() {
        PoolSettings pool = load(Map.of()).settings().pool();
        assertThat(pool).isEqualTo(new PoolSettings(8, Duration.ofSeconds(10)));
        assertThat(pool.forOneOffCommand()).isEqualTo(new PoolSettings(2, Duration.ofSeconds(10)));
        assertThat(2 * pool.size() + pool.forOneOffCommand().size()).isLessThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "[{index}] DATABASE_POOL_SIZE={0}")
    @CsvSource({"1, 1, 1", "' 3\n', 3, 2", "100, 100, 2"})
    void shouldAcceptPoolSizesInRange(String value, int size, int oneOff) {
        PoolSettings pool = load(Map.of("DATABASE_POOL_SIZE", value, "DATABASE_POOL_TIMEOUT", "30"))
                .settings()
                .pool();
        assertThat(pool).isEqualTo(new PoolSettings(size, Duration.ofSeconds(30)));
        assertThat(pool.forOneOffCommand().size()).isEqualTo(oneOff);
    }

    @ParameterizedTest(name = "[{index}] PORT={0}")
    @CsvSource({"1, 1", "65535, 65535", "' 5000\n', 5000", "08080, 8080"})
    void shouldAcceptPortsInRange(String value, int port) {
        assertThat(load(Map.of("PORT", value)).settings().port()).isEqualTo(port);
    }

    @Test
    void shouldListenOnAllInterfacesByDefault() {
        BlogSettings settings = load(Map.of()).settings();

        assertThat(settings.bindHost()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.environment()).isEqualTo(Environment.DEVELOPMENT);
        assertThat(settings.baseUrl()).isEmpty();
        assertThat(settings.trustedProxies()).isEqualTo(TrustedProxies.loopback());
    }

    @Test
    void shouldDropTrailingSlashOfBaseUrl() {
        BlogSettings settings =
                load(Map.of("BLOG_BASE_URL", "https://blog.example.org/")).settings();

        assertThat(settings.baseUrl())
                .hasValueSatisfying(uri -> assertThat(uri).hasToString("https://blog.example.org"));
    }
}
