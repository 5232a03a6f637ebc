package org.cleanblog.web.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.config.BlogSettings;
import org.cleanblog.config.ConfigurationException;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.web.BlogApplication;
import org.cleanblog.web.BlogStorage;
import org.cleanblog.web.WebSettings;
import org.cleanblog.web.http.BlogServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code serve}: migrates the schema, then serves the blog until SIGTERM or SIGINT, which drain the requests in flight
 * and end it with status 0 ({@link GracefulStop}).
 */
@Command(
        name = "serve",
        description = "serve the blog (the default): applies schema migrations, then listens on PORT (default 8080)")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    private HelpOption help;

    private final Supplier<BlogConfiguration> configurations;

    ServeCommand(Supplier<BlogConfiguration> configuration) {
        this.configurations = configuration;
    }

    @Override
    public Integer call() throws Exception {
        // Slow one-time set-up runs on the other core while this thread resolves the configuration, then opens and
        // migrates the database (ADR 0036): Jetty's, and the SQLite driver's when the blog looks like it runs on one.
        inBackground("prepare-jetty", BlogServer::prepare);
        if (looksLikeSqlite(System.getenv())) {
            inBackground("prepare-sqlite", ServeCommand::loadSqliteDriver);
        }
        BlogConfiguration configuration = configurations.get();
        BlogSettings settings = configuration.settings();
        // Loading logged the warnings for every command; these concern only a server's sessions.
        configuration.servingWarnings().forEach(LOG::warn);
        BlogDatabase db = MigrateCommand.openForServing(configuration);
        BlogServer server;
        try {
            server = BlogApplication.start(
                    new BlogStorage(db, db, db::isReachable, db, db), webSettings(settings), PasswordHasher.standard());
        } catch (IOException e) {
            db.close();
            throw bindFailure(e, settings.bindHost(), settings.port());
        }
        GracefulStop stop = GracefulStop.install(server, db, settings.shutdownTimeout());
        if (settings.isProduction() && settings.baseUrl().isEmpty()) {
            LOG.warn("BLOG_BASE_URL is not set: feed and sitemap links are built from each request's Host header. "
                    + "Set BLOG_BASE_URL to the blog's public address, e.g. https://blog.example.org");
        }
        LOG.info(
                "Clean Blog is serving http://{}:{}/ on {} ({}), started in {} ms",
                settings.bindHost(),
                server.port(),
                settings.servingDatabase().displayUrl(),
                db.dialect(),
                sinceProcessStart().toMillis());
        stop.awaitSignal();
        stop.stop();
        return Cli.OK;
    }

    private static void inBackground(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether the environment leaves the blog on SQLite (no database URL, or a {@code sqlite:} one), judged before the
     * configuration is resolved: a wrong guess costs only a background thread's work or the time it would save.
     */
    static boolean looksLikeSqlite(Map<String, String> environment) {
        for (String name : List.of("DATABASE_URL", "JDBC_DATABASE_URL")) {
            String url = environment.get(name);
            if (url != null && !url.isBlank()) {
                String lower = url.strip().toLowerCase(Locale.ROOT);
                return lower.startsWith("sqlite:") || lower.startsWith("jdbc:sqlite:");
            }
        }
        return true;
    }

    /**
     * Loads the SQLite driver by opening and closing a private in-memory database: its first connection extracts and
     * loads the native library and builds its date formats (~250 ms of CPU), which the pool's first connection would
     * otherwise do on the start-up's critical path. Any failure is left for that connection to report.
     */
    private static void loadSqliteDriver() {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("loading the SQLite driver in advance failed; the pool's first connection will say why", e);
        }
    }

    static WebSettings webSettings(BlogSettings settings) {
        List<String> keys = new ArrayList<>();
        keys.add(settings.secretKeys().current());
        keys.addAll(settings.secretKeys().fallbacks());
        return new WebSettings(
                settings.bindHost(),
                settings.port(),
                keys,
                settings.trustedProxies(),
                WebSettings.DEFAULT_SESSION_LIFETIME,
                WebSettings.DEFAULT_MAX_REQUEST_BYTES,
                settings.baseUrl().map(Object::toString).orElse(""));
    }

    /**
     * The exception to report a failed bind with: its message names the real cause and the setting that fixes it. A
     * value that is wrong for this machine (not one of its addresses, a name that does not resolve, a privileged port)
     * is a configuration error (exit 2); a port taken by another process is a runtime failure (exit 1).
     *
     * @param failure what starting the server threw; Jetty wraps the socket's exception as the cause
     */
    static RuntimeException bindFailure(IOException failure, String host, int port) {
        String where = "cannot listen on " + (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host)
                + ":" + port;
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String reason = describe(cause);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (cause instanceof BindException && lower.contains("in use")) {
            return new StartupException(
                    where + " (" + reason + "): another process listens there; set PORT to a free port");
        }
        if (cause instanceof BindException && lower.contains("assign requested address")) {
            return new ConfigurationException(
                    "BIND_HOST",
                    host + " is not an address of this machine (" + where + ": " + reason + "); set BIND_HOST to"
                            + " one of its addresses, 0.0.0.0 for all interfaces or 127.0.0.1 for this machine only");
        }
        if (cause instanceof BindException && lower.contains("permission denied")) {
            return new ConfigurationException(
                    "PORT",
                    port + " needs privileges to listen on (" + where + ": " + reason + "); set PORT to 1024 or"
                            + " above");
        }
        if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
            return new ConfigurationException(
                    "BIND_HOST",
                    "host name '" + host + "' does not resolve to an address (" + where + ": " + reason + "); set"
                            + " BIND_HOST to an address of this machine, 0.0.0.0 for all interfaces or 127.0.0.1");
        }
        return new StartupException(where + " (" + reason + "); check BIND_HOST and PORT");
    }

    /** The exception's message, or its class when it has none (an UnresolvedAddressException has no message). */
    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private static Duration sinceProcessStart() {
        return ProcessHandle.current()
                .info()
                .startInstant()
                .map(start -> Duration.between(start, Instant.now()))
                .orElse(Duration.ZERO);
    }

    /** The server could not start for a reason the operator can fix; the message says how. */
    static final class StartupException extends org.cleanblog.core.BlogException {
        private static final long serialVersionUID = 1L;

        StartupException(String message) {
            super(message);
        }
    }
}
