package org.cleanblog.persistence.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The library's pool as its callers see it: waits long for a connection when the pool is merely busy, and no longer
 * than one short HikariCP wait when the database cannot be reached (ADR 0029).
 *
 * <p>HikariCP has one {@code connectionTimeout} for both cases. The pool under this one has it short (the outage
 * bound) and, when it runs out, this asks why: if opening a connection failed (HikariCP's timeout then carries the
 * failure) and the pool is not full of connections lent out, the database cannot be reached and waiting longer would
 * only hold a thread: the timeout goes to the caller at once. Otherwise the pool is busy, full or still growing, and
 * the caller waits again, up to {@code busyTimeout} in all, then gets an exception that says the pool was busy.
 *
 * <p><strong>Internal:</strong> not part of the API. Thread-safe, as the pool it wraps.
 */
final class PatientPool implements DataSource {
    private final HikariDataSource pool;
    private final long busyTimeoutNanos;

    PatientPool(HikariDataSource pool, Duration busyTimeout) {
        this.pool = pool;
        this.busyTimeoutNanos = busyTimeout.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        long deadline = System.nanoTime() + busyTimeoutNanos;
        while (true) {
            try {
                return pool.getConnection();
            } catch (SQLTransientConnectionException timedOut) {
                if (isDown(timedOut)) {
                    throw timedOut;
                }
                if (System.nanoTime() - deadline >= 0) {
                    // Not a connection failure: the database answers, others hold every connection.
                    int size = pool.getMaximumPoolSize();
                    throw new SQLTransientException(
                            "the pool's " + size + (size == 1 ? " connection" : " connections")
                                    + " stayed in use by other calls for " + busyTimeoutNanos / 1_000_000
                                    + " ms (a larger pool, a longer pool timeout or shorter transactions would help)",
                            timedOut);
                }
            }
        }
    }

    /**
     * Whether a wait ran out because no connection could be opened: HikariCP gives its timeout the last connection
     * failure as cause, and the pool is not full of connections lent out. A pool still growing under a burst (its
     * new connections slow to open on a loaded machine, none failed) or full and busy is not down.
     */
    private boolean isDown(SQLTransientConnectionException timedOut) {
        return timedOut.getCause() != null && !isFullAndBusy();
    }

    /** Whether every connection the pool may hold is open and lent out: a database that answers, and a long queue. */
    private boolean isFullAndBusy() {
        HikariPoolMXBean stats = pool.getHikariPoolMXBean();
        if (stats == null || pool.isClosed()) {
            return false;
        }
        int total = stats.getTotalConnections();
        return total >= pool.getMaximumPoolSize() && stats.getActiveConnections() >= total;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException(
                "the blog's pool opens connections with the credentials it was given");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
