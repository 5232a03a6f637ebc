package org.cleanblog.web.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.config.BlogSettings;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.web.BlogApplication;
import org.cleanblog.web.BlogStorage;
import org.cleanblog.web.WebSettings;
import org.cleanblog.web.http.BlogServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code serve}: migrates the schema, then serves the blog until the process is stopped. */
final class ServeCommand implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    private final BlogConfiguration configuration;

    ServeCommand(BlogConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public int run(PrintStream out) throws Exception {
        BlogSettings settings = configuration.settings();
        BlogDatabase db = Databases.open(settings.database());
        BlogServer server;
        try {
            server = BlogApplication.start(
                    new BlogStorage(db, db, db::isReachable), webSettings(settings), PasswordHasher.standard());
        } catch (IOException e) {
            db.close();
            // Jetty wraps the bind failure; its message names the address, the cause says why.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StartupException("cannot listen on " + settings.bindHost() + ":" + settings.port() + " ("
                    + cause.getMessage() + "); set PORT to a free port");
        }
        // One hook, in order: stop taking and finishing requests first, then close the pool they were using.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, db), "stop-blog"));
        if (settings.isProduction() && settings.baseUrl().isEmpty()) {
            LOG.warn("BLOG_BASE_URL is not set: feed and sitemap links are built from each request's Host header. "
                    + "Set BLOG_BASE_URL to the blog's public address, e.g. https://blog.example.org");
        }
        LOG.info(
                "Clean Blog is serving http://{}:{}/ on {} ({}), started in {} ms",
                settings.bindHost(),
                server.port(),
                settings.database().displayUrl(),
                db.dialect(),
                sinceProcessStart().toMillis());
        server.join();
        return Cli.OK;
    }

    private static void stop(BlogServer server, BlogDatabase db) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("stopping the web server failed: {}", e.toString());
        } finally {
            db.close();
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
                new HashSet<>(settings.adminEmails()),
                WebSettings.DEFAULT_SESSION_LIFETIME,
                WebSettings.DEFAULT_MAX_REQUEST_BYTES,
                settings.baseUrl().map(Object::toString).orElse(""));
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
