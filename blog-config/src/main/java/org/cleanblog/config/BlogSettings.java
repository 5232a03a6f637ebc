package org.cleanblog.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The blog's effective settings, resolved once at start-up by {@link BlogConfiguration#load} and passed on through
 * constructors. Immutable and thread-safe; {@link #toString()} masks every password and key.
 *
 * @param database where the data lives, reached directly: what migrations, the commands and, without a connection
 *     pool, the served requests use; never null
 * @param connectionPool a transaction-pooling connection pooler (PgBouncer) in front of that same database, through
 *     which {@code serve} answers requests ({@code DATABASE_CONNECTION_POOL_URL}, as Heroku names it), its JDBC URL
 *     with {@code prepareThreshold=0}; empty when not configured. Never null
 * @param pool the connection budget of a process ({@code DATABASE_POOL_SIZE}, {@code DATABASE_POOL_TIMEOUT}); never
 *     null
 * @param secretKeys the session signing keys; never null
 * @param port the TCP port to listen on, 1-65535 ({@code PORT}, default 8080)
 * @param bindHost the interface to listen on ({@code BIND_HOST}, default {@code 0.0.0.0}: platforms route to all
 *     interfaces); never null
 * @param trustedProxies the peers whose {@code X-Forwarded-*} headers are believed ({@code TRUSTED_PROXIES}, default
 *     loopback; every peer on a Heroku dyno when not set); never null
 * @param shutdownTimeout how long a stopping server lets requests in flight finish ({@code SHUTDOWN_TIMEOUT} in
 *     seconds, default 10, at most {@link #MAX_SHUTDOWN_TIMEOUT}); zero or more, never null
 * @param environment development or production; never null
 * @param onHeroku whether the {@code DYNO} variable is set, meaning the process runs on a Heroku dyno
 * @param baseUrl the public address of the blog without a trailing slash, for absolute links in feeds and the sitemap;
 *     empty when not configured (links are then derived from each request)
 */
public record BlogSettings(
        DatabaseSettings database,
        Optional<DatabaseSettings> connectionPool,
        PoolSettings pool,
        SecretKeys secretKeys,
        int port,
        String bindHost,
        TrustedProxies trustedProxies,
        Duration shutdownTimeout,
        Environment environment,
        boolean onHeroku,
        Optional<URI> baseUrl) {

    /** The longest {@code SHUTDOWN_TIMEOUT}: platforms kill a process that lingers far shorter than this. */
    public static final Duration MAX_SHUTDOWN_TIMEOUT = Duration.ofMinutes(10);

    public BlogSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(connectionPool, "connectionPool");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(secretKeys, "secretKeys");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        }
        if (shutdownTimeout.isNegative() || shutdownTimeout.compareTo(MAX_SHUTDOWN_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    "shutdownTimeout " + shutdownTimeout + " is out of range 0-" + MAX_SHUTDOWN_TIMEOUT);
        }
    }

    /** The database that served requests use: the {@link #connectionPool()} when there is one, else the database. */
    public DatabaseSettings servingDatabase() {
        return connectionPool.orElse(database);
    }

    /** Whether the blog runs in production (strict secret rules). */
    public boolean isProduction() {
        return environment == Environment.PRODUCTION;
    }
}
