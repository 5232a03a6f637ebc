package org.cleanblog.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cleanblog.config.BlogConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The random-SECRET_KEY warning is about sessions: serve logs it, migrate (which signs none) does not. */
class CommandWarningsTest {
    private static final String RANDOM_KEY_WARNING = "SECRET_KEY is not set: using a random key";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Runs the command and returns the messages this thread logged meanwhile (other tests may run in parallel). */
    private List<String> logged(Map<String, String> environment, String... args) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        String thread = Thread.currentThread().getName();
        try {
            new Cli(
                            () -> BlogConfiguration.load(environment, new Properties(), directory),
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run(args);
        } finally {
            root.detachAppender(appender);
        }
        return appender.list.stream()
                .filter(event -> event.getThreadName().equals(thread))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void shouldNotWarnAboutTheRandomKeyWhenMigrating() {
        List<String> logged = logged(Map.of(), "migrate");

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Schema is up to date");
        assertThat(logged).noneMatch(line -> line.contains(RANDOM_KEY_WARNING));
    }

    @Test
    void shouldWarnAboutTheRandomKeyWhenServing() throws IOException {
        // The port is taken so that serve returns after logging its start-up warnings instead of serving forever.
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            List<String> logged =
                    logged(Map.of("BIND_HOST", "127.0.0.1", "PORT", Integer.toString(taken.getLocalPort())), "serve");

            assertThat(logged)
                    .filteredOn(line -> line.startsWith(RANDOM_KEY_WARNING))
                    .hasSize(1);
        }
    }

    @Test
    void shouldListTheRandomKeyWarningInTheConfigPrintout() {
        logged(Map.of(), "config");

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Warnings:", RANDOM_KEY_WARNING);
    }
}
