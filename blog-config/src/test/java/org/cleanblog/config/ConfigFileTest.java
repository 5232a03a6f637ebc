package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path workingDirectory;

    private BlogConfiguration load(Map<String, String> environment) {
        return BlogConfiguration.load(environment, new Properties(), workingDirectory);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(workingDirectory.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadBlogPropertiesFromWorkingDirectoryWhenPresent() throws IOException {
        Path file = write(
                "blog.properties", "# comment\nblog.server.port = 9090\nblog.base-url=https://blog.example.org\n");

        BlogConfiguration configuration = load(Map.of());

        assertThat(configuration.settings().port()).isEqualTo(9090);
        assertThat(configuration.file()).contains(file);
        assertThat(PrecedenceTest.entry(configuration, ConfigKey.BLOG_CONFIG_FILE)
                        .value())
                .isEqualTo(file.toString());
    }

    @Test
    void shouldRunWithoutAnyFile() {
        BlogConfiguration configuration = load(Map.of());

        assertThat(configuration.file()).isEmpty();
        assertThat(configuration.settings().port()).isEqualTo(8080);
    }

    @Test
    void shouldReadNamedFileRelativeToWorkingDirectory() throws IOException {
        Files.createDirectories(workingDirectory.resolve("conf"));
        write("conf/prod.properties", "blog.server.port=7070\n");
        write("blog.properties", "blog.server.port=9090\n");

        BlogConfiguration configuration = load(Map.of("BLOG_CONFIG_FILE", "conf/prod.properties"));

        assertThat(configuration.settings().port()).isEqualTo(7070);
    }

    @Test
    void shouldFailNamingThePathWhenNamedFileIsMissing() {
        Path missing = workingDirectory.resolve("missing.properties");

        assertThatThrownBy(() -> load(Map.of("BLOG_CONFIG_FILE", "missing.properties")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("BLOG_CONFIG_FILE: file '" + missing + "' does not exist");
    }

    @Test
    void shouldFailWhenNamedFileIsADirectory() throws IOException {
        Files.createDirectories(workingDirectory.resolve("conf"));

        assertThatThrownBy(() -> load(Map.of("BLOG_CONFIG_FILE", "conf")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(
                        "BLOG_CONFIG_FILE: file '" + workingDirectory.resolve("conf") + "' is not a regular" + " file");
    }

    @Test
    void shouldFailWhenFileIsNotUtf8() throws IOException {
        Files.write(workingDirectory.resolve("blog.properties"), new byte[] {'a', '=', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not valid UTF-8");
    }

    @Test
    void shouldFailWhenFileHasMalformedEscape() throws IOException {
        write("blog.properties", "blog.server.port=\\uZZZZ\n");

        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(workingDirectory.resolve("blog.properties")
                        + ": cannot be read: Malformed \\uxxxx encoding"
                        + " (expected a UTF-8 properties file with keys such as blog.database.url)");
    }

    @Test
    void shouldWarnAboutUnknownKeysAndEnvironmentStyleNames() throws IOException {
        write("blog.properties", "DATABASE_URL=postgres://u:p@h/db\nblog.databse.url=x\nblog.config.file=y\n");

        BlogConfiguration configuration = load(Map.of("SECRET_KEY", "k"));

        assertThat(configuration.warnings())
                .anyMatch(w -> w.contains("key 'DATABASE_URL' ignored") && w.contains("write blog.database.url"))
                .anyMatch(w -> w.contains("unknown key 'blog.databse.url' ignored"))
                .anyMatch(w -> w.contains("key 'blog.config.file' ignored"));
        assertThat(configuration.settings().database().isSqlite()).isTrue();
    }

    @Test
    void shouldTakeValuesLiterallyWithoutInterpolation() throws IOException {
        write("blog.properties", "blog.secret.key=${sys:user.home}-a,b\n");

        BlogConfiguration configuration = load(Map.of());

        assertThat(configuration.settings().secretKeys().current()).isEqualTo("${sys:user.home}-a,b");
    }

    @Test
    void shouldIgnoreUtf8ByteOrderMark() throws IOException {
        write("blog.properties", "\uFEFFblog.server.port=9191\n");

        BlogConfiguration configuration = load(Map.of("SECRET_KEY", "k".repeat(32)));

        assertThat(configuration.settings().port()).isEqualTo(9191);
        assertThat(configuration.warnings()).isEmpty();
    }

    @Test
    void shouldTakeTheLastOfARepeatedKey() throws IOException {
        write("blog.properties", "blog.server.port=1111\nblog.server.port=2222\n");

        assertThat(load(Map.of()).settings().port()).isEqualTo(2222);
    }

    @Test
    void shouldNotFollowIncludes() throws IOException {
        write("other.properties", "blog.server.port=1111\n");
        write("blog.properties", "include=other.properties\n");

        BlogConfiguration configuration = load(Map.of());

        assertThat(configuration.settings().port()).isEqualTo(8080);
    }
}
