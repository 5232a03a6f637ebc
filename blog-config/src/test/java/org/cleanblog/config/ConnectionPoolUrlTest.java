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

/** DATABASE_CONNECTION_POOL_URL: a transaction pooler in front of the database of DATABASE_URL (ADR 0031). */
class ConnectionPoolUrlTest {
    private static final String DIRECT = "postgres://blog:s3cret@db.example.com/blog";
    private static final String POOL = "postgres://blog:p00l@pool.example.com:6432/blog";

    @TempDir
    Path workingDirectory;

    private BlogConfiguration load(Map<String, String> environment) {
        return BlogConfiguration.load(environment, new Properties(), workingDirectory);
    }

    @Test
    void shouldServeThroughThePoolerWithoutServerPreparedStatementsAndMigrateDirectly() {
        BlogConfiguration configuration = load(Map.of("DATABASE_URL", DIRECT, "DATABASE_CONNECTION_POOL_URL", POOL));
        BlogSettings settings = configuration.settings();

        DatabaseSettings pool = settings.connectionPool().orElseThrow();
        assertThat(pool.jdbcUrl())
                .isEqualTo("jdbc:postgresql://pool.example.com:6432/blog?sslmode=require&prepareThreshold=0");
        assertThat(pool.user()).contains("blog");
        assertThat(pool.password()).contains("p00l");
        assertThat(settings.servingDatabase()).isEqualTo(pool);
        assertThat(settings.database().jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example.com:5432/blog?sslmode=require");
        assertThat(configuration.render())
                .contains("postgres://blog:****@pool.example.com:6432/blog")
                .doesNotContain("p00l");
    }

    @Test
    void shouldServeAndMigrateOverTheDatabaseUrlWithoutAPooler() {
        BlogSettings settings = load(Map.of("DATABASE_URL", DIRECT)).settings();

        assertThat(settings.connectionPool()).isEmpty();
        assertThat(settings.servingDatabase()).isEqualTo(settings.database());
    }

    @Test
    void shouldLogInAsTheDatabaseUserWhenThePoolerUrlNamesNone() {
        BlogSettings settings = load(Map.of(
                        "DATABASE_URL", DIRECT, "DATABASE_CONNECTION_POOL_URL", "postgres://127.0.0.1:6432/blog"))
                .settings();

        DatabaseSettings pool = settings.connectionPool().orElseThrow();
        assertThat(pool.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:6432/blog?prepareThreshold=0");
        assertThat(pool.user()).contains("blog");
        assertThat(pool.password()).contains("s3cret");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            value = {
                "jdbc:postgresql://h:6432/blog jdbc:postgresql://h:6432/blog?prepareThreshold=0",
                "jdbc:postgresql://h:6432/blog? jdbc:postgresql://h:6432/blog?prepareThreshold=0",
                "jdbc:postgresql://h/blog?ssl=true jdbc:postgresql://h/blog?ssl=true&prepareThreshold=0",
                "jdbc:postgresql://h/blog?prepareThresholds=1 jdbc:postgresql://h/blog?prepareThresholds=1&prepareThreshold=0",
                "jdbc:postgresql://h/blog?prepareThreshold=3 jdbc:postgresql://h/blog?prepareThreshold=3",
                "jdbc:postgresql://h/blog?a=b&prepareThreshold=-1 jdbc:postgresql://h/blog?a=b&prepareThreshold=-1",
            })
    void shouldTurnOffServerPreparedStatementsUnlessTheUrlChoosesAThreshold(String url, String expected) {
        assertThat(ConnectionPoolUrl.withoutServerPreparedStatements(url)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseASqlitePoolerOrASqliteDatabase() {
        assertThatThrownBy(() -> load(Map.of("DATABASE_URL", DIRECT, "DATABASE_CONNECTION_POOL_URL", "sqlite:///x.db")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("DATABASE_CONNECTION_POOL_URL: names a SQLite database");
        assertThatThrownBy(() -> load(Map.of("DATABASE_CONNECTION_POOL_URL", POOL)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE_CONNECTION_POOL_URL: is set, but DATABASE_URL names a SQLite database: a"
                        + " connection pooler serves PostgreSQL; set DATABASE_URL to the PostgreSQL database behind"
                        + " the pooler, or unset DATABASE_CONNECTION_POOL_URL");
    }

    @Test
    void shouldPrintThePoolerMaskedWithWhatItResolvedTo() {
        BlogConfiguration configuration = load(Map.of(
                "DATABASE_URL", DIRECT,
                "DATABASE_CONNECTION_POOL_URL", "postgres://127.0.0.1:6432/blog",
                "SECRET_KEY", "0123456789abcdef0123456789abcdef"));

        String printout = configuration.render();
        assertThat(printout)
                .doesNotContain("s3cret")
                .contains("DATABASE_CONNECTION_POOL_URL")
                .contains("jdbc:postgresql://127.0.0.1:6432/blog?prepareThreshold=0")
                .contains("serve answers requests through it; migrations and commands use DATABASE_URL");
        assertThat(configuration.entries())
                .extracting(ConfigEntry::name)
                .containsSubsequence(
                        "DATABASE_CONNECTION_POOL_URL", "  jdbc url", "  user", "  password", "SECRET_KEY");
        assertThat(configuration.entries().stream()
                        .filter(entry -> entry.name().equals("  user"))
                        .map(entry -> entry.source().toString()))
                .containsExactly("derived from DATABASE_URL", "derived from DATABASE_URL");
    }
}
