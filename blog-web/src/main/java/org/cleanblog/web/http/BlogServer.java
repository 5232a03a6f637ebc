package org.cleanblog.web.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.cleanblog.config.TrustedProxies;
import org.cleanblog.web.session.SessionCodec;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The embedded Jetty server: one connector and one servlet context with the
 * {@link FrontController} at {@code /} (ADR 0003). Start it with {@link #start}; {@link #close} stops it. It installs
 * no shutdown hook of its own: the caller stops it before closing the database it uses.
 *
 * <p>Slow clients cannot hold its threads (ADR 0024): request bodies are read without a thread before the servlet runs
 * ({@link BufferedBodies}), a body that arrives slower than {@link #MIN_REQUEST_BYTES_PER_SECOND} is failed, and a
 * connection that sends nothing for {@link #IDLE_TIMEOUT_MILLIS} is closed.
 *
 * <p>{@link #stopGracefully} refuses new connections at once and lets requests in flight finish within a bound
 * (ADR 0028); {@link #close} stops at once.
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
    /** Jetty's own shutdown idle timeout: the least a stop gives an idle connection. */
    private static final long MIN_SHUTDOWN_IDLE_MILLIS = 1_000;

    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler inFlight;

    private BlogServer(Server server, ServerConnector connector, GracefulHandler inFlight) {
        this.server = server;
        this.connector = connector;
        this.inFlight = inFlight;
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @param router every route of the site, already complete
     * @param sessions signs and verifies the session cookie of every request
     * @param errorPages how error pages look (the view layer); must be thread-safe
     * @param services started before the server takes connections and stopped with it, such as the content version's
     *     poller
     * @throws Exception when the port cannot be bound or Jetty fails to start (the server is stopped again)
     */
    public static BlogServer start(
            Settings settings,
            Router router,
            SessionCodec sessions,
            ErrorPage.Renderer errorPages,
            List<? extends LifeCycle> services)
            throws Exception {
        tellJettyTheReferenceSize();
        Server server = new Server();
        services.forEach(server::addBean);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        // Jetty shortens every open connection's idle timeout to this when a graceful stop begins (1 s unless set),
        // which
        // cut off a request in flight whose client paused for a second while sending its body, long before the
        // SHUTDOWN_TIMEOUT bound. Requests in flight keep the rule they started under; the bound still ends them.
        connector.setShutdownIdleTimeout(IDLE_TIMEOUT_MILLIS);
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
        // The rate check outside BufferedBodies, so that it also measures the bytes read before the servlet runs; the
        // in-flight count outermost, so that a request whose body is still arriving counts as one to finish.
        GracefulHandler inFlight = new GracefulHandler(new MinimumDataRateHandler(
                new EagerContentHandler(context, new BufferedBodies(settings.maxRequestBytes())),
                MIN_REQUEST_BYTES_PER_SECOND,
                0));
        server.setHandler(inFlight);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new BlogServer(server, connector, inFlight);
    }

    /**
     * Initialises what Jetty builds once per process, and slowly: its table of MIME types, whose class lists every
     * locale of the JDK (~60 ms of CPU). {@link #start} needs it; a caller that has other work first (opening the
     * database) may call this on another thread meanwhile, which takes it off the start-up's critical path (ADR 0036).
     * Thread-safe; does nothing after the first time.
     */
    public static void prepare() {
        tellJettyTheReferenceSize();
        Objects.requireNonNull(MimeTypes.DEFAULTS);
    }

    /**
     * Jetty pads some shared counters to a cache line and asks the platform MBean server how large a reference is,
     * unless this property says it; starting JMX for that one answer cost ~40 ms of every start (ADR 0036). The JVM
     * compresses references to 4 bytes below a 32 GB heap (its default, and what a small plan has), 8 above. An
     * operator's own value is kept. A wrong value would only waste or miss padding, never break anything.
     */
    private static void tellJettyTheReferenceSize() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            int cacheLine = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
            int reference = Runtime.getRuntime().maxMemory() < 32L << 30 ? 4 : 8;
            System.setProperty(REFERENCES_PER_CACHE_LINE, Integer.toString(Math.max(1, cacheLine / reference)));
        }
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

    /**
     * Stops taking connections at once, waits up to {@code bound} for the requests in flight to finish (a request
     * arriving meanwhile on a kept-alive connection gets a 503), then closes every connection and stops. Returns when
     * the server has stopped; {@link #join} returns too.
     *
     * @param bound how long requests in flight may take; zero closes them at once
     * @return how many requests were in flight when the stop began, and whether some of them were cut off
     * @throws Exception when Jetty fails to stop for another reason than the bound
     */
    public Stopped stopGracefully(Duration bound) throws Exception {
        long started = System.nanoTime();
        long requests = inFlight.getCurrentRequestCount();
        // Jetty waits for its Graceful components only when the stop timeout is positive.
        server.setStopTimeout(Math.max(1, bound.toMillis()));
        // When the stop begins, Jetty shortens every open connection's idle timeout to this (1 s unless set): that
        // closes kept-alive connections with nothing in flight, which the stop waits for, but it also cut off a
        // request whose client paused for a second while sending its body, long before the bound. Half the bound
        // does both: idle connections close well within it, a request in flight may pause that long.
        connector.setShutdownIdleTimeout(Math.max(MIN_SHUTDOWN_IDLE_MILLIS, bound.toMillis() / 2));
        boolean cutOff = false;
        try {
            server.stop();
        } catch (Exception e) {
            if (!isTimeout(e)) {
                throw e;
            }
            cutOff = true;
        }
        return new Stopped(requests, cutOff, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Whether Jetty's stop failed because the bound ran out (it may combine that with other failures). */
    private static boolean isTimeout(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof TimeoutException) {
                return true;
            }
        }
        return failure.getCause() instanceof TimeoutException;
    }

    /** Stops at once: requests in flight are cut off. */
    @Override
    public void close() throws Exception {
        server.setStopTimeout(0);
        server.stop();
    }

    /**
     * The outcome of {@link #stopGracefully}.
     *
     * @param inFlight the requests being handled (or still receiving their body) when the stop began
     * @param cutOff whether some of them were still running when the bound ran out and were closed unfinished
     * @param took from the start of the stop until the server had stopped
     */
    public record Stopped(long inFlight, boolean cutOff, Duration took) {}

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
