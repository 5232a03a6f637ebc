package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps docs/configuration.md true: its URL table and its settings table are checked against the code. */
class DocumentedExamplesTest {
    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final Pattern URL_ROW = Pattern.compile("^\\| [^|]+ \\| `([^`]+)` \\| `([^`]+)` \\| ([^|]+) \\|$");

    @TempDir
    Path workingDirectory;

    @Test
    void shouldResolveEveryDocumentedUrlExactlyAsTheTableSays() throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inUrlSection = false;
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inUrlSection = line.equals("## Database URL forms");
            }
            Matcher row = URL_ROW.matcher(line);
            if (!inUrlSection || !row.matches()) {
                continue;
            }
            rows.add(row.group(1));
            DatabaseSettings settings = DatabaseUrl.parse("DATABASE_URL", row.group(1), workingDirectory);
            assertThat(settings.jdbcUrl())
                    .as(row.group(1))
                    .isEqualTo(row.group(2)
                            .replace("{wd}", workingDirectory.toAbsolutePath().toString()));
            String credentials = row.group(3).strip();
            String expected = credentials.equals("none") ? "none" : credentials.replace("`", "");
            String actual = settings.user().isEmpty() && settings.password().isEmpty()
                    ? "none"
                    : settings.user().orElse("") + " / " + settings.password().orElse("");
            assertThat(actual).as(row.group(1)).isEqualTo(expected);
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void shouldDocumentEveryKeyWithItsNamesAndDefault() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        for (ConfigKey key : ConfigKey.values()) {
            String row = "| `" + key.environmentName() + "` | `" + key.propertyName() + "` | ";
            assertThat(doc).as(key.name()).contains(row);
            key.defaultValue().ifPresent(value -> assertThat(doc).contains(row + "`" + value + "`"));
        }
    }

    static Stream<Map<String, String>> documentedErrors() {
        return Stream.of(
                Map.of("DATABASE_URL", "mysql://u:pw@db.example.com/blog"),
                Map.of("DATABASE_URL", "blog.db"),
                Map.of("DATABASE_URL", "sqlite://blog.db"),
                Map.of("DATABASE_URL", "sqlite:///"),
                Map.of("DATABASE_URL", "postgres://u:pw@/blog"),
                Map.of("DATABASE_URL", "postgres://u:pw@db.example.com"),
                Map.of("DATABASE_URL", "postgres://u:pw@db.example.com:abc/blog"),
                Map.of("DATABASE_URL", "postgres://u:pw@db.example.com:65536/blog"),
                Map.of("DATABASE_URL", "postgres://u:pw@::1/blog"),
                Map.of("DATABASE_URL", "postgres://u:pass/word"),
                Map.of("JDBC_DATABASE_URL", "jdbc:postgresql://db.example.com"),
                Map.of("PORT", "abc"),
                Map.of("PORT", "70000"),
                Map.of("BIND_HOST", "999.1.1.1"),
                Map.of("BLOG_ENV", "prod"),
                Map.of("ADMIN_EMAILS", "bob@example.org"),
                Map.of("TRUSTED_PROXIES", "10.0.0.1/8"),
                Map.of("BLOG_ENV", "production"),
                Map.of("BLOG_ENV", "production", "SECRET_KEY", "twelve-bytes"),
                Map.of("BLOG_CONFIG_FILE", "/srv/blog/missing.properties"),
                Map.of("DATABASE_CONNECTION_POOL_URL", "postgres://u:pw@pool.example.com:6432/blog"));
    }

    @ParameterizedTest
    @MethodSource("documentedErrors")
    void shouldPrintTheDocumentedErrorLines(Map<String, String> environment) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        ConfigurationException error = catchThrowableOfType(
                ConfigurationException.class,
                () -> BlogConfiguration.load(environment, new Properties(), workingDirectory));

        assertThat(error).isNotNull();
        assertThat(doc).contains("\n" + error.getMessage() + "\n");
    }
}
