package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerokuAndDatabaseSelectionTest {
    private static final String KEY_32 = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path workingDirectory;

    private BlogConfiguration load(Map<String, String> environment) {
        return BlogConfiguration.load(environment, new Properties(), workingDirectory);
    }

    @Test
    void shouldWarnProminentlyWhenHerokuRunsOnSqlite() {
        BlogConfiguration configuration = load(Map.of("DYNO", "web.1", "SECRET_KEY", KEY_32));

        assertThat(configuration.settings().onHeroku()).isTrue();
        assertThat(configuration.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("DATABASE ON AN EPHEMERAL DISK")
                .contains("erases this file at every dyno restart")
                .contains("heroku addons:create heroku-postgresql")
                .contains("DATABASE_URL")
                .contains("copy-db --from sqlite:///blog.db");
        assertThat(configuration.render()).contains("Warnings:").contains("DATABASE ON AN EPHEMERAL DISK");
    }

    @Test
    void shouldResolveHerokuDatabaseUrlReadWithTrailingNewline() {
        BlogConfiguration configuration = load(Map.of(
                "DATABASE_URL",
                "postgres://blog:s3cr%40t@db.example.com/blogdb\n",
                "SECRET_KEY",
                KEY_32,
                "DYNO",
                "web.1"));

        DatabaseSettings database = configuration.settings().database();
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/blogdb?sslmode=require");
        assertThat(database.user()).contains("blog");
        assertThat(database.password()).contains("s3cr@t");
        assertThat(configuration.render())
                .doesNotContain("s3cr")
                .contains("postgres://blog:****@db.example.com/blogdb")
                .contains("environment DATABASE_URL");
    }

    @Test
    void shouldNotWarnWhenHerokuRunsOnPostgres() {
        BlogConfiguration configuration = load(Map.of(
                "DYNO", "web.1", "SECRET_KEY", KEY_32, "DATABASE_URL", "postgres://u:p@ec2.example.com:5432/d1"));

        assertThat(configuration.warnings()).isEmpty();
    }

    @Test
    void shouldNotWarnAboutSqliteOffHeroku() {
        BlogConfiguration configuration = load(Map.of("SECRET_KEY", KEY_32));

        assertThat(configuration.settings().onHeroku()).isFalse();
        assertThat(configuration.warnings()).isEmpty();
    }

    @Test
    void shouldPreferDatabaseUrlWhenBothUrlsAreSet() {
        BlogConfiguration configuration = load(Map.of(
                "DATABASE_URL", "postgres://u:p@primary.example.com/blog",
                "JDBC_DATABASE_URL", "jdbc:postgresql://other.example.com/blog?user=x&password=y"));

        assertThat(configuration.settings().database().jdbcUrl())
                .isEqualTo("jdbc:postgresql://primary.example.com:5432/blog?sslmode=require");
        assertThat(configuration.render()).contains("derived from DATABASE_URL");
    }

    @Test
    void shouldUseJdbcUrlWithItsCredentialVariablesWhenDatabaseUrlIsAbsent() {
        BlogConfiguration configuration = load(Map.of(
                "JDBC_DATABASE_URL", "jdbc:postgresql://ec2.example.com:5432/d1?sslmode=require",
                "JDBC_DATABASE_USERNAME", "heroku_user",
                "JDBC_DATABASE_PASSWORD", "heroku-password"));

        DatabaseSettings database = configuration.settings().database();
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://ec2.example.com:5432/d1?sslmode=require");
        assertThat(database.user()).contains("heroku_user");
        assertThat(database.password()).contains("heroku-password");
        assertThat(configuration.render())
                .contains("derived from JDBC_DATABASE_URL")
                .contains("derived from JDBC_DATABASE_USERNAME")
                .doesNotContain("heroku-password");
    }

    @Test
    void shouldPreferCredentialsInTheUrlOverCredentialVariables() {
        BlogConfiguration configuration = load(Map.of(
                "DATABASE_URL", "postgres://url_user:url-password@db.example.com/blog",
                "JDBC_DATABASE_USERNAME", "other",
                "JDBC_DATABASE_PASSWORD", "other-password"));

        assertThat(configuration.settings().database().user()).contains("url_user");
        assertThat(configuration.settings().database().password()).contains("url-password");
    }

    @Test
    void shouldIgnoreCredentialVariablesForSqlite() {
        BlogConfiguration configuration =
                load(Map.of("JDBC_DATABASE_USERNAME", "someone", "JDBC_DATABASE_PASSWORD", "secret"));

        assertThat(configuration.settings().database().user()).isEqualTo(Optional.empty());
        assertThat(configuration.settings().database().password()).isEqualTo(Optional.empty());
        assertThat(configuration.settings().database().jdbcUrl())
                .isEqualTo("jdbc:sqlite:" + workingDirectory.toAbsolutePath().resolve("blog.db"));
    }

    @Test
    void shouldNameThePropertyInErrorsWhenTheBadUrlCameFromASystemProperty() {
        Properties system = new Properties();
        system.setProperty("blog.database.url", "mysql://u:p@h/db");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> BlogConfiguration.load(Map.of(), system, workingDirectory))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("blog.database.url: unsupported scheme 'mysql'");
    }

    @Test
    void shouldNameJdbcDatabaseUrlInErrorsWhenItIsTheOneInUse() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> load(Map.of("JDBC_DATABASE_URL", "jdbc:postgresql://db.example.com")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("JDBC_DATABASE_URL: no database name");
    }

    @Test
    void shouldNameTheDatabaseSettingAsTheUserWroteIt() {
        assertThat(load(Map.of()).databaseVariable()).isEqualTo("DATABASE_URL");
        assertThat(load(Map.of("JDBC_DATABASE_URL", "jdbc:postgresql://db.example.com/d1"))
                        .databaseVariable())
                .isEqualTo("JDBC_DATABASE_URL");
        Properties system = new Properties();
        system.setProperty("blog.database.url", "sqlite:///other.db");
        assertThat(BlogConfiguration.load(Map.of(), system, workingDirectory).databaseVariable())
                .isEqualTo("blog.database.url");
    }
}
