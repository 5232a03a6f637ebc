package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords and keys never appear in a rendering, a toString, a warning or a log line. The rule for URLs themselves is
 * tested in blog-core's {@code ConnectionUrlsTest}.
 */
class MaskingTest {
    private static final List<String> SECRETS = List.of(
            "Url-Pass@word",
            "Jdbc-Query-Secret",
            "Jdbc-Variable-Secret",
            "Current-Key-0123456789abcdef-0123",
            "Old-Key-One-0123456789abcdef-01234",
            "Old-Key-Two-0123456789abcdef-01234");

    @TempDir
    Path workingDirectory;

    @Test
    void shouldMaskEverySecretInRenderingToStringWarningsAndLog() throws Exception {
        Files.writeString(
                workingDirectory.resolve("blog.properties"),
                "blog.database.jdbc-password=" + SECRETS.get(2) + "\nblog.unknown=1\n");
        Properties system = new Properties();
        system.setProperty("blog.secret.key-fallbacks", SECRETS.get(4) + "," + SECRETS.get(5));
        Map<String, String> environment = Map.of(
                "DATABASE_URL",
                "postgres://blog:Url-Pass@word@db.example.com/blog",
                "JDBC_DATABASE_URL",
                "jdbc:postgresql://db.example.com/blog?password=" + SECRETS.get(1),
                "SECRET_KEY",
                SECRETS.get(3),
                "BLOG_ENV",
                "production");
        List<String> logged = new ArrayList<>();

        BlogConfiguration configuration =
                withLogCapture(logged, () -> BlogConfiguration.load(environment, system, workingDirectory));

        List<String> shown = new ArrayList<>(logged);
        shown.add(configuration.render());
        shown.add(configuration.toString());
        shown.add(configuration.settings().toString());
        shown.addAll(configuration.warnings());
        configuration.entries().forEach(entry -> shown.add(entry.toString()));
        assertThat(logged).isNotEmpty();
        for (String text : shown) {
            for (String secret : SECRETS) {
                assertThat(text).doesNotContain(secret).doesNotContain(secret.substring(4));
            }
        }
        assertThat(configuration.render())
                .contains("postgres://blog:****@db.example.com/blog")
                .contains("jdbc:postgresql://db.example.com/blog?password=****")
                .contains("**** (2 keys)")
                .contains("**** (" + SECRETS.get(3).length() + " bytes)");
    }

    private static <T> T withLogCapture(List<String> lines, java.util.concurrent.Callable<T> action) throws Exception {
        Logger logger = Logger.getLogger(BlogConfiguration.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            return action.call();
        } finally {
            logger.removeHandler(handler);
        }
    }
}
