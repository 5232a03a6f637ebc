package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** First found wins: system property, environment variable, properties file, default; for every key. */
class PrecedenceTest {
    private static final String KEY_32 = "k".repeat(32);
    private static final Map<String, String> NO_BASE = Map.of();
    private static final Map<String, String> POSTGRES_BASE = Map.of("JDBC_DATABASE_URL", "jdbc:postgresql://db/blog");

    @TempDir
    Path workingDirectory;

    /** key, base environment, [system, environment, file] values, typed view, [typed values for the 4 levels]. */
    static Stream<Arguments> keys() {
        return Stream.of(
                key(
                        ConfigKey.DATABASE_URL,
                        NO_BASE,
                        "sqlite:////srv/sys.db",
                        "sqlite:////srv/env.db",
                        "sqlite:////srv/file.db",
                        s -> s.database().jdbcUrl(),
                        "jdbc:sqlite:/srv/sys.db",
                        "jdbc:sqlite:/srv/env.db",
                        "jdbc:sqlite:/srv/file.db",
                        "jdbc:sqlite:{wd}/blog.db"),
                key(
                        ConfigKey.JDBC_DATABASE_URL,
                        NO_BASE,
                        "jdbc:postgresql://sys/blog",
                        "jdbc:postgresql://env/blog",
                        "jdbc:postgresql://file/blog",
                        s -> s.database().jdbcUrl(),
                        "jdbc:postgresql://sys/blog",
                        "jdbc:postgresql://env/blog",
                        "jdbc:postgresql://file/blog",
                        "jdbc:sqlite:{wd}/blog.db"),
                key(
                        ConfigKey.JDBC_DATABASE_USERNAME,
                        POSTGRES_BASE,
                        "sys",
                        "env",
                        "file",
                        s -> s.database().user(),
                        Optional.of("sys"),
                        Optional.of("env"),
                        Optional.of("file"),
                        Optional.empty()),
                key(
                        ConfigKey.JDBC_DATABASE_PASSWORD,
                        POSTGRES_BASE,
                        "sys-pw",
                        "env-pw",
                        "file-pw",
                        s -> s.database().password(),
                        Optional.of("sys-pw"),
                        Optional.of("env-pw"),
                        Optional.of("file-pw"),
                        Optional.empty()),
                key(
                        ConfigKey.SECRET_KEY,
                        NO_BASE,
                        "sys-key",
                        "env-key",
                        "file-key",
                        s -> s.secretKeys().generated()
                                ? "(generated)"
                                : s.secretKeys().current(),
                        "sys-key",
                        "env-key",
                        "file-key",
                        "(generated)"),
                key(
                        ConfigKey.SECRET_KEY_FALLBACKS,
                        NO_BASE,
                        "s1,s2",
                        "e1",
                        "f1, f2 ,f3",
                        s -> s.secretKeys().fallbacks(),
                        List.of("s1", "s2"),
                        List.of("e1"),
                        List.of("f1", "f2", "f3"),
                        List.of()),
                key(ConfigKey.PORT, NO_BASE, "1111", "2222", " 3333 ", BlogSettings::port, 1111, 2222, 3333, 8080),
                key(
                        ConfigKey.BIND_HOST,
                        NO_BASE,
                        "127.0.0.1",
                        "10.0.0.1",
                        "::1",
                        BlogSettings::bindHost,
                        "127.0.0.1",
                        "10.0.0.1",
                        "::1",
                        "0.0.0.0"),
                key(
                        ConfigKey.BLOG_ENV,
                        Map.of("SECRET_KEY", KEY_32),
                        "development",
                        "Production",
                        "development",
                        BlogSettings::environment,
                        Environment.DEVELOPMENT,
                        Environment.PRODUCTION,
                        Environment.DEVELOPMENT,
                        Environment.DEVELOPMENT),
                key(
                        ConfigKey.BLOG_BASE_URL,
                        NO_BASE,
                        "https://sys.example.org",
                        "https://env.example.org/",
                        "http://file.example.org:8080",
                        s -> s.baseUrl().map(Object::toString),
                        Optional.of("https://sys.example.org"),
                        Optional.of("https://env.example.org"),
                        Optional.of("http://file.example.org:8080"),
                        Optional.empty()),
                key(
                        ConfigKey.TRUSTED_PROXIES,
                        NO_BASE,
                        "10.0.0.1",
                        "10.0.0.0/8, fd00::/8",
                        " 192.0.2.7 ",
                        s -> s.trustedProxies().toString(),
                        "10.0.0.1/32",
                        "10.0.0.0/8,fd00::/8",
                        "192.0.2.7/32",
                        "127.0.0.0/8,::1/128"),
                key(
                        ConfigKey.DATABASE_POOL_SIZE,
                        NO_BASE,
                        "3",
                        " 12 ",
                        "1",
                        s -> s.pool().size(),
                        3,
                        12,
                        1,
                        8),
                key(
                        ConfigKey.DATABASE_POOL_TIMEOUT,
                        NO_BASE,
                        "3",
                        " 20 ",
                        "1",
                        s -> s.pool().timeout(),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10)),
                key(
                        ConfigKey.SHUTDOWN_TIMEOUT,
                        NO_BASE,
                        "3",
                        " 20 ",
                        "0",
                        BlogSettings::shutdownTimeout,
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(20),
                        Duration.ZERO,
                        Duration.ofSeconds(10)));
    }

    private static Arguments key(
            ConfigKey key,
            Map<String, String> base,
            String system,
            String environment,
            String file,
            Function<BlogSettings, Object> typed,
            Object... expected) {
        return arguments(key, base, List.of(system, environment, file), typed, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void shouldTakeFirstFoundOfSystemPropertyEnvironmentFileDefault(
            ConfigKey key,
            Map<String, String> base,
            List<String> values,
            Function<BlogSettings, Object> typed,
            List<Object> expected)
            throws IOException {
        for (int level = 0; level < 4; level++) {
            Properties system = new Properties();
            Map<String, String> environment = new HashMap<>(base);
            Files.deleteIfExists(workingDirectory.resolve("blog.properties"));
            if (level <= 0) {
                system.setProperty(key.propertyName(), values.get(0));
            }
            if (level <= 1) {
                environment.put(key.environmentName(), values.get(1));
            }
            if (level <= 2) {
                Files.writeString(
                        workingDirectory.resolve("blog.properties"),
                        key.fileKey() + "=" + values.get(2) + "\n",
                        StandardCharsets.UTF_8);
            }

            BlogConfiguration configuration = BlogConfiguration.load(environment, system, workingDirectory);

            Object expectedValue = expected.get(level) instanceof String text
                    ? text.replace("{wd}", workingDirectory.toAbsolutePath().toString())
                    : expected.get(level);
            assertThat(typed.apply(configuration.settings()))
                    .as("level %d", level)
                    .isEqualTo(expectedValue);
            ConfigEntry entry = entry(configuration, key);
            switch (level) {
                case 0 -> assertThat(entry.source()).isEqualTo(ValueSource.systemProperty(key));
                case 1 -> assertThat(entry.source()).isEqualTo(ValueSource.environment(key.environmentName()));
                case 2 ->
                    assertThat(entry.source())
                            .isEqualTo(ValueSource.file(
                                    workingDirectory.resolve("blog.properties").toString()));
                default ->
                    assertThat(entry.source() == null ? null : entry.source().kind())
                            .isIn(null, ValueSource.Kind.DEFAULT, ValueSource.Kind.GENERATED);
            }
        }
    }

    @Test
    void shouldPreferSystemPropertyOverEnvironmentForConfigFile() throws IOException {
        Files.writeString(workingDirectory.resolve("sys.properties"), "blog.server.port=1111\n");
        Files.writeString(workingDirectory.resolve("env.properties"), "blog.server.port=2222\n");
        Properties system = new Properties();
        system.setProperty("blog.config.file", "sys.properties");

        BlogConfiguration configuration =
                BlogConfiguration.load(Map.of("BLOG_CONFIG_FILE", "env.properties"), system, workingDirectory);

        assertThat(configuration.settings().port()).isEqualTo(1111);
        assertThat(configuration.file()).contains(workingDirectory.resolve("sys.properties"));
    }

    @Test
    void shouldTreatBlankValueAsNotSetSoLowerLevelShows() throws IOException {
        Files.writeString(workingDirectory.resolve("blog.properties"), "blog.server.port=3333\n");
        Properties system = new Properties();
        system.setProperty("blog.server.port", " ");

        BlogConfiguration configuration = BlogConfiguration.load(Map.of("PORT", ""), system, workingDirectory);

        assertThat(configuration.settings().port()).isEqualTo(3333);
    }

    static ConfigEntry entry(BlogConfiguration configuration, ConfigKey key) {
        return configuration.entries().stream()
                .filter(entry -> entry.name().equals(key.environmentName()))
                .findFirst()
                .orElseThrow();
    }
}
