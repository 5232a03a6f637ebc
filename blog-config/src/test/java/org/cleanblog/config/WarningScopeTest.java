package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The random-key warning matters only to a process that serves sessions: loading keeps it as data (for serve and the
 * config printout) without logging it, while warnings about every use are logged at load.
 */
class WarningScopeTest {
    private static final String KEY_32 = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path workingDirectory;

    /** Loads, collecting what this thread logged while loading (other test classes may load in parallel). */
    private BlogConfiguration load(Map<String, String> environment, List<String> logged) {
        long thread = Thread.currentThread().getId();
        Logger logger = Logger.getLogger(BlogConfiguration.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLongThreadID() == thread) {
                    logged.add(record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            return BlogConfiguration.load(environment, new Properties(), workingDirectory);
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void shouldKeepTheRandomKeyWarningForServingWithoutLoggingItAtLoad() {
        List<String> logged = new ArrayList<>();

        BlogConfiguration configuration = load(Map.of(), logged);

        assertThat(logged).noneMatch(line -> line.contains("SECRET_KEY"));
        assertThat(configuration.servingWarnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("SECRET_KEY is not set: using a random key");
        assertThat(configuration.warnings()).containsAll(configuration.servingWarnings());
        assertThat(configuration.render()).contains("  - SECRET_KEY is not set: using a random key");
    }

    @Test
    void shouldLogTheHerokuSqliteWarningAtLoadForEveryCommand() {
        List<String> logged = new ArrayList<>();

        BlogConfiguration configuration = load(Map.of("DYNO", "web.1", "SECRET_KEY", KEY_32), logged);

        assertThat(logged).anyMatch(line -> line.startsWith("DATABASE ON AN EPHEMERAL DISK"));
        assertThat(configuration.warnings()).anyMatch(line -> line.startsWith("DATABASE ON AN EPHEMERAL DISK"));
        assertThat(configuration.servingWarnings()).isEmpty();
    }

    @Test
    void shouldHaveNoServingWarningWhenTheKeyIsSet() {
        BlogConfiguration configuration = load(Map.of("SECRET_KEY", KEY_32), new ArrayList<>());

        assertThat(configuration.servingWarnings()).isEmpty();
        assertThat(configuration.warnings()).isEmpty();
    }
}
