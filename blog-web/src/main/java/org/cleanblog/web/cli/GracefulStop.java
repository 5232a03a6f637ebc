package org.cleanblog.web.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.web.http.BlogServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * How {@code serve} ends (ADR 0028): SIGTERM or SIGINT wakes the thread in {@link #awaitSignal}, which then
 * {@linkplain #stop stops} the server within the bound, closes the pool, logs one line and lets the command return 0.
 * Handling the signals ourselves, rather than in a shutdown hook, is what gives exit status 0: the JVM's own handler
 * would end the process with 143 (128 + 15) whatever its hooks do. A shutdown hook still stops the same way when the
 * JVM ends for another reason (SIGHUP, {@code System.exit} elsewhere).
 *
 * <p>Thread-safe: {@link #stop} runs once, whichever thread calls it first.
 */
final class GracefulStop {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final BlogServer server;
    private final BlogDatabase db;
    private final Duration bound;
    private final CountDownLatch signalled = new CountDownLatch(1);
    private boolean stopped;

    private GracefulStop(BlogServer server, BlogDatabase db, Duration bound) {
        this.server = server;
        this.db = db;
        this.bound = bound;
    }

    /** Takes over SIGTERM and SIGINT and registers the shutdown hook for every other way the JVM may end. */
    static GracefulStop install(BlogServer server, BlogDatabase db, Duration bound) {
        GracefulStop stop = new GracefulStop(server, db, bound);
        for (String name : SIGNALS) {
            Signal.handle(new Signal(name), signal -> stop.signalled.countDown());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop::stop, "stop-blog"));
        return stop;
    }

    /** Blocks until SIGTERM or SIGINT arrives. */
    void awaitSignal() throws InterruptedException {
        signalled.await();
    }

    /**
     * Stops taking requests, lets those in flight finish within the bound, then closes the pool they used, in that
     * order, and logs one line. Does nothing the second time.
     */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        BlogServer.Stopped result = null;
        try {
            result = server.stopGracefully(bound);
        } catch (Exception e) {
            LOG.warn("stopping the web server failed: {}", e.toString());
        } finally {
            db.close();
        }
        if (result == null) {
            LOG.info("stopped: pool closed");
        } else if (result.cutOff()) {
            LOG.warn(
                    "stopped: {} requests in flight, some still running after SHUTDOWN_TIMEOUT={} s were cut off, in {}"
                            + " ms, pool closed",
                    result.inFlight(),
                    bound.toSeconds(),
                    result.took().toMillis());
        } else {
            LOG.info(
                    "stopped: drained {} requests in {} ms, pool closed",
                    result.inFlight(),
                    result.took().toMillis());
        }
    }
}
