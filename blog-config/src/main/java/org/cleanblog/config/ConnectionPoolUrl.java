package org.cleanblog.config;

import java.nio.file.Path;

/**
 * Reads {@code DATABASE_CONNECTION_POOL_URL}: the URL of a transaction-pooling connection pooler (PgBouncer; Heroku's
 * {@code pg:connection-pooling:attach DATABASE_URL --as DATABASE_CONNECTION_POOL} sets it) in front of the PostgreSQL
 * database of {@code DATABASE_URL}. A pooler in transaction mode hands each transaction whichever server connection is
 * free, so a statement that pgjdbc prepared by name on one is missing on the next, or another client's statement of the
 * same name runs in its place: the JDBC URL gets {@value #NO_SERVER_PREPARED_STATEMENTS} unless it sets
 * {@value #PREPARE_THRESHOLD} itself (ADR 0031). Stateless.
 */
final class ConnectionPoolUrl {
    static final String PREPARE_THRESHOLD = "prepareThreshold";
    static final String NO_SERVER_PREPARED_STATEMENTS = PREPARE_THRESHOLD + "=0";

    private ConnectionPoolUrl() {}

    /**
     * The pooler's settings, credentials as its URL gives them (none when it gives none).
     *
     * @param variable the name the URL was given under, for messages
     * @param databaseVariable the name the database URL was given under, for messages
     * @param databaseIsSqlite whether that database is SQLite, which no pooler serves
     * @throws ConfigurationException when the URL is malformed or names SQLite, or the database is SQLite
     */
    static DatabaseSettings parse(
            String variable, String url, Path workingDirectory, String databaseVariable, boolean databaseIsSqlite) {
        DatabaseSettings pool = DatabaseUrl.parse(variable, url, workingDirectory);
        if (pool.isSqlite()) {
            throw new ConfigurationException(
                    variable,
                    "names a SQLite database; it is the URL of a PostgreSQL connection pooler such as PgBouncer in"
                            + " front of the database of " + databaseVariable + " (expected " + PostgresUrl.EXAMPLE
                            + ")");
        }
        if (databaseIsSqlite) {
            throw new ConfigurationException(
                    variable,
                    "is set, but " + databaseVariable + " names a SQLite database: a connection pooler serves"
                            + " PostgreSQL; set " + databaseVariable + " to the PostgreSQL database behind the pooler,"
                            + " or unset " + variable);
        }
        return new DatabaseSettings(
                withoutServerPreparedStatements(pool.jdbcUrl()),
                pool.user(),
                pool.password(),
                pool.dialect(),
                pool.displayUrl());
    }

    /** {@code jdbcUrl} with {@value #NO_SERVER_PREPARED_STATEMENTS}, unless it names a prepare threshold already. */
    static String withoutServerPreparedStatements(String jdbcUrl) {
        int question = jdbcUrl.indexOf('?');
        if (question >= 0) {
            for (String pair : jdbcUrl.substring(question + 1).split("&")) {
                if (pair.equals(PREPARE_THRESHOLD) || pair.startsWith(PREPARE_THRESHOLD + "=")) {
                    return jdbcUrl;
                }
            }
        }
        String separator = question < 0 ? "?" : jdbcUrl.endsWith("?") || jdbcUrl.endsWith("&") ? "" : "&";
        return jdbcUrl + separator + NO_SERVER_PREPARED_STATEMENTS;
    }
}
