package org.cleanblog.web.http;

import java.net.URI;
import org.cleanblog.config.TrustedProxies;
import org.cleanblog.web.session.SessionCodec;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;

/**
 * The embedded Jetty server: one connector and one servlet context with the
 * {@link FrontController} at {@code /} (ADR 0003). Start it with {@link #start}; {@link #close} stops it. It installs
 * no shutdown hook of its own: the caller stops it before closing the database it uses.
 *
 * <p>Slow clients cannot hold its threads (ADR 0024): request bodies are read without a thread before the servlet runs
 * ({@link BufferedBodies}), a body that arrives slower than {@link #MIN_REQUEST_BYTES_PER_SECOND} is failed, and a
 * connection that sends nothing for {@link #IDLE_TIMEOUT_MILLIS} is closed.
 *
 * <p>Thread-safe.
 */
public final class BlogServer implements AutoCloseable {
    /**
     * A request body slower than this is failed at its next byte. Kestrel's default is 240 B/s; Jetty measures from the
     * first read with no grace period, so the bound is lower. A phone on a poor 2G link sends some kilobytes a second.
     */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 128;
    /** A connection silent this long is closed (Jetty's default is 30 s). */
    static final long IDLE_TIMEOUT_MILLIS = 15_000;

    private final Server server;
    private final ServerConnector connector;

    private BlogServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @param router every route of the site, already complete
     * @param sessions signs and verifies the session cookie of every request
     * @param errorPages how error pages look (the view layer); must be thread-safe
     * @throws Exception when the port cannot be bound or Jetty fails to start (the server is stopped again)
     */
    public static BlogServer start(
            Settings settings, Router router, SessionCodec sessions, ErrorPage.Renderer errorPages) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        server.addConnector(connector);

        // No setMaxFormContentSize: the servlet API never parses our form bodies, FormData does (ADR 0011).
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(
                new ServletHolder(
                        "blog",
                        new FrontController(
                                router,
                                sessions,
                                errorPages,
                                settings.maxRequestBytes(),
                                new RequestOrigin(settings.trustedProxies()))),
                "/");
        context.setErrorHandler(new JettyErrorHandler(errorPages));
        server.setErrorHandler(new JettyErrorHandler(errorPages));
        // Outermost the rate check, so that it also measures the bytes BufferedBodies reads before the servlet runs.
        server.setHandler(new MinimumDataRateHandler(
                new EagerContentHandler(context, new BufferedBodies(settings.maxRequestBytes())),
                MIN_REQUEST_BYTES_PER_SECOND,
                0));
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new BlogServer(server, connector);
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://localhost:PORT/}, for tests and log lines. */
    public URI uri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * Where the server listens and how large a request may be.
     *
     * @param host the address to bind, e.g. {@code 0.0.0.0}
     * @param port the port, 0 for any free port
     * @param maxRequestBytes request bodies larger than this get a 413 page
     * @param trustedProxies the peers whose forwarding headers are believed ({@link RequestOrigin})
     */
    public record Settings(String host, int port, long maxRequestBytes, TrustedProxies trustedProxies) {}
}
