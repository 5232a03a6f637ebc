package org.cleanblog.web.http;

import java.net.URI;
import java.util.function.Function;
import org.cleanblog.web.session.Session;
import org.cleanblog.web.session.SessionCodec;
import org.cleanblog.web.user.Viewer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The embedded Jetty server: one connector and one servlet context with the
 * {@link FrontController} at {@code /} (ADR 0003). Start it with {@link #start}; {@link #close} stops it. It installs
 * no shutdown hook of its own: the caller stops it before closing the database it uses.
 *
 * <p>Thread-safe.
 */
public final class BlogServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private BlogServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts the server on {@code host}:{@code port} (0 picks a free port) and returns once it accepts connections.
     *
     * @param maxRequestBytes request bodies larger than this get a 413 page
     * @throws Exception when the port cannot be bound or Jetty fails to start (the server is stopped again)
     */
    public static BlogServer start(
            String host,
            int port,
            long maxRequestBytes,
            Router router,
            SessionCodec sessions,
            Function<Session, Viewer> viewers,
            Templates templates)
            throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, maxRequestBytes));
        context.addServlet(
                new ServletHolder("blog", new FrontController(router, sessions, viewers, templates, maxRequestBytes)),
                "/");
        ErrorPages errorPages = new ErrorPages(templates);
        context.setErrorHandler(new JettyErrorHandler(errorPages));
        server.setErrorHandler(new JettyErrorHandler(errorPages));
        server.setHandler(context);
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
}
