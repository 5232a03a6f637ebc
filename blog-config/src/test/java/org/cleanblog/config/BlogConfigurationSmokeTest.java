package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlogConfigurationSmokeTest {
    @TempDir
    Path workingDirectory;

    @Test
    void shouldResolveHerokuStylePostgresUrl() {
        BlogConfiguration configuration = BlogConfiguration.load(
                Map.of(
                        "DATABASE_URL", "postgres://blog:s3cr%40t@db.example.com/blogdb\n",
                        "SECRET_KEY", "k".repeat(40),
                        "DYNO", "web.1"),
                new Properties(),
                workingDirectory);

        DatabaseSettings database = configuration.settings().database();
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/blogdb?sslmode=require");
        assertThat(database.user()).contains("blog");
        assertThat(database.password()).contains("s3cr@t");
        assertThat(configuration.render()).doesNotContain("s3cr").contains("environment DATABASE_URL");
    }
}
