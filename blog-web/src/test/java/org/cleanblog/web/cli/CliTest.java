package org.cleanblog.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.cleanblog.config.BlogConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        Cli cli = new Cli(
                () -> BlogConfiguration.load(environment, new Properties(), directory),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintHelpAndExit0() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out()).contains("Usage: java -jar blog.jar", "serve", "migrate", "config", "copy-db");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"-h", "help"})
    void shouldPrintTheSameHelpForItsOtherSpellings(String spelling) {
        assertThat(run(Map.of(), spelling)).isZero();
        assertThat(out()).contains("Usage: java -jar blog.jar", "serve", "migrate", "config", "copy-db", "SECRET_KEY");
    }

    @Test
    void shouldPrintTheHelpOfOneCommand() {
        assertThat(run(Map.of(), "help", "copy-db")).isZero();
        assertThat(out()).contains("Usage: java -jar blog.jar copy-db", "--skip-invalid");
        out.reset();
        assertThat(run(Map.of(), "migrate", "--help")).isZero();
        assertThat(out()).contains("Usage: java -jar blog.jar migrate");
    }

    @Test
    void shouldExit2WithOneLineForAnUnknownCommandOrExtraArguments() {
        assertThat(run(Map.of(), "deploy")).isEqualTo(2);
        assertThat(err().lines())
                .singleElement()
                .asString()
                .startsWith("unknown command 'deploy'")
                .contains("serve, migrate, config, copy-db")
                .doesNotContain("Exception");
        err.reset();
        assertThat(run(Map.of(), "migrate", "--now")).isEqualTo(2);
        assertThat(err().lines()).singleElement().asString().startsWith("migrate: unexpected argument '--now'");
    }

    @Test
    void shouldExit2NamingTheVariableWhenTheConfigurationIsBad() {
        assertThat(run(Map.of("DATABASE_URL", "mysql://db/blog"), "serve")).isEqualTo(2);
        assertThat(err().lines())
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("DATABASE_URL:").doesNotContain("Exception"));
    }

    @Test
    void shouldPrintTheEffectiveConfigurationWithSecretsMasked() {
        assertThat(run(Map.of("SECRET_KEY", "a-very-secret-key-value-of-32-bytes!!"), "config"))
                .isZero();
        assertThat(out()).contains("DATABASE_URL", "SECRET_KEY").doesNotContain("a-very-secret-key-value");
    }

    @Test
    void shouldMigrateTheConfiguredDatabaseAndExit0() {
        assertThat(run(Map.of(), "migrate")).isZero();
        assertThat(out()).contains("Schema is up to date");
        assertThat(Files.exists(directory.resolve("blog.db"))).isTrue();
    }

    @Test
    void shouldExit1WhenTheDatabaseCannotBeReached() {
        assertThat(run(Map.of("DATABASE_URL", "postgres://nobody:pw@127.0.0.1:1/none"), "migrate"))
                .isEqualTo(1);
        assertThat(err()).startsWith("error: ").doesNotContain("pw@");
    }

    @Test
    void shouldCheckTheOptionsOfCopyDb() {
        assertThat(run(Map.of(), "copy-db")).isEqualTo(2);
        assertThat(err()).contains("copy-db: --from URL is required");
        err.reset();
        assertThat(run(Map.of(), "copy-db", "--form", "x")).isEqualTo(2);
        assertThat(err()).contains("unknown option '--form'");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"migrate", "serve"})
    void shouldExit2WithOneLineNamingDatabaseUrlWhenTheDatabaseIsNotABlogs(String command) throws Exception {
        Path other = directory.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement statement = connection.createStatement()) {
            // A table of the blog's names without its history (other tables may sit beside the blog's: ADR 0012).
            statement.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY)");
        }

        assertThat(run(Map.of("DATABASE_URL", "sqlite:///other.db"), command)).isEqualTo(2);
        assertThat(err().lines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("DATABASE_URL: ")
                        .contains("(posts)", "no Clean Blog schema history")
                        .doesNotContain("Exception"));
    }
}
