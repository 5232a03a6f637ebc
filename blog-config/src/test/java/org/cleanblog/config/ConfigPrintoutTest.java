package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the {@code config} printout says about the database and a generated key. */
class ConfigPrintoutTest {
    @TempDir
    Path workingDirectory;

    private BlogConfiguration load(Map<String, String> environment) {
        return BlogConfiguration.load(environment, new Properties(), workingDirectory);
    }

    private static ConfigEntry derived(BlogConfiguration configuration, String name) {
        return configuration.entries().stream()
                .filter(entry -> entry.name().equals("  " + name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + name + "' line in " + configuration.render()));
    }

    @Test
    void shouldShowNoUserOrPasswordLinesForSqlite() {
        BlogConfiguration configuration =
                load(Map.of("JDBC_DATABASE_USERNAME", "someone", "JDBC_DATABASE_PASSWORD", "secret"));

        assertThat(configuration.entries())
                .extracting(ConfigEntry::name)
                .containsSubsequence("DATABASE_URL", "  jdbc url", "  dialect", "JDBC_DATABASE_URL")
                .doesNotContain("  user", "  password");
        assertThat(configuration.render()).doesNotContain("derived from JDBC_DATABASE_USERNAME");
    }

    @Test
    void shouldSayWhereEachPostgresCredentialCameFrom() {
        BlogConfiguration configuration =
                load(Map.of("DATABASE_URL", "postgres://db.example.com/blog", "JDBC_DATABASE_USERNAME", "blog_user"));

        assertThat(derived(configuration, "user").value()).isEqualTo("blog_user");
        assertThat(derived(configuration, "user").source()).hasToString("derived from JDBC_DATABASE_USERNAME");
        assertThat(derived(configuration, "password").value()).isEqualTo("(none)");
        assertThat(derived(configuration, "password").source())
                .hasToString("derived (none in DATABASE_URL or JDBC_DATABASE_PASSWORD)");
    }

    @Test
    void shouldDescribeTheGeneratedKeyAsTheDocumentationDoes() {
        BlogConfiguration configuration = load(Map.of());

        ConfigEntry key = PrecedenceTest.entry(configuration, ConfigKey.SECRET_KEY);
        assertThat(key.value()).isEqualTo("**** (32 random bytes, 64 hex characters)");
        assertThat(configuration.settings().secretKeys().current()).matches("[0-9a-f]{64}");
    }
}
