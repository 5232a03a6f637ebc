package org.cleanblog.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.cleanblog.web.http.Exchange;

/**
 * {@code GET /healthz}: 200 {@code ok} when the database answers, 503 when it does not, within a bounded wait. Asking the pool for a connection may
 * block for the pool's whole connection timeout (10 s) when the database host stops answering; a load balancer needs
 * its answer sooner, so a check that has not finished within {@code timeout} counts as unhealthy.
 *
 * <p>The check runs on one daemon thread that exists only while checks run (it ends after 30 idle seconds), and at
 * most one check is in flight: while a slow check is still waiting, later requests wait for that same check instead
 * of piling up more. Thread-safe.
 */
final class HealthCheck {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final BooleanSupplier reachable;
    private final Duration timeout;
    private final ExecutorService executor;
    private Future<Boolean> inFlight;

    HealthCheck(BooleanSupplier reachable, Duration timeout) {
        this(
                reachable,
                timeout,
                new ThreadPoolExecutor(
                        0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), HealthCheck::daemonThread));
    }

    /** With the executor the checks run on, so that tests can wait until every check they caused has run. */
    HealthCheck(BooleanSupplier reachable, Duration timeout, ExecutorService executor) {
        this.reachable = reachable;
        this.timeout = timeout;
        this.executor = executor;
    }

    /** Answers {@code GET /healthz}. */
    void answer(Exchange ex) throws IOException {
        boolean up = isHealthy();
        ex.send(up ? 200 : 503, "text/plain; charset=UTF-8", up ? "ok\n" : "database unreachable\n");
    }

    /** True when the check answered "reachable" within the timeout; false when it said no, failed or took longer. */
    boolean isHealthy() {
        Future<Boolean> check;
        synchronized (this) {
            if (inFlight == null || inFlight.isDone()) {
                inFlight = executor.submit(reachable::getAsBoolean);
            }
            check = inFlight;
        }
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread daemonThread(Runnable task) {
        Thread thread = new Thread(task, "healthz-check");
        thread.setDaemon(true);
        return thread;
    }
}
