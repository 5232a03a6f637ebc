package org.cleanblog.web.support;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.Driver;

/**
 * A real PgBouncer (Debian's {@code pgbouncer}) of the test's own in front of a PostgreSQL server: transaction pooling,
 * at most {@code poolSize} server connections per database, on 127.0.0.1 and a free port, its configuration and log in
 * a temporary folder. Every client may log in under any name ({@code auth_type = any}): the pooler logs in to the
 * server as the user (and with the password) of the server's JDBC URL. Run as root, it runs as {@code nobody}, since
 * PgBouncer refuses to run as root. {@link #close()} stops it and deletes the folder. Not thread-safe.
 * Find the executable with {@link PgBouncerExecutable#forThisRun()}.
 */
public final class PgBouncer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** PgBouncer's own default. */
    private static final Duration DEFAULT_QUERY_WAIT = Duration.ofSeconds(120);

    private final Process process;
    private final Path folder;
    private final int port;

    private PgBouncer(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /**
     * Starts {@code executable} in transaction-pooling mode in front of the server of {@code serverJdbcUrl} (a JDBC URL
     * with its credentials, e.g. {@code PostgresServer.get().baseUrl()}), every database of that server reachable
     * under its own name, and waits until it answers.
     *
     * @throws IllegalStateException when it exits or does not answer in time; the message holds its log
     */
    public static PgBouncer start(Path executable, String serverJdbcUrl, int poolSize) throws IOException {
        return start(executable, serverJdbcUrl, poolSize, DEFAULT_QUERY_WAIT);
    }

    /**
     * As {@link #start(Path, String, int)}; a client whose query waits longer than {@code queryWait} for a server
     * connection is disconnected ({@code query_wait_timeout}, whole seconds).
     */
    public static PgBouncer start(Path executable, String serverJdbcUrl, int poolSize, Duration queryWait)
            throws IOException {
        Properties server = Driver.parseURL(serverJdbcUrl, null);
        if (server == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + serverJdbcUrl.replaceAll("\\?.*", ""));
        }
        Path folder = Files.createTempDirectory("clean-blog-pgbouncer-");
        int port = FreePorts.next();
        StringBuilder target = new StringBuilder(
                        "host=" + server.getProperty("PGHOST").split(",")[0])
                .append(" port=")
                .append(server.getProperty("PGPORT").split(",")[0])
                .append(" user=")
                .append(server.getProperty("user", "postgres"));
        if (server.getProperty("password") != null) {
            target.append(" password=").append(server.getProperty("password"));
        }
        Path ini = folder.resolve("pgbouncer.ini");
        Files.writeString(
                ini,
                String.join(
                        "\n",
                        "[databases]",
                        "* = " + target,
                        "[pgbouncer]",
                        "listen_addr = 127.0.0.1",
                        "listen_port = " + port,
                        // No Unix socket: a test needs none, and /tmp/.s.PGSQL.<port> could clash with a server's.
                        "unix_socket_dir =",
                        "auth_type = any",
                        "pool_mode = transaction",
                        "default_pool_size = " + poolSize,
                        "min_pool_size = 0",
                        "reserve_pool_size = 0",
                        "max_client_conn = 500",
                        "query_wait_timeout = " + queryWait.toSeconds(),
                        ""),
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        if (new UnixSystem().getUid() == 0) {
            // "PgBouncer should not run as root": it reads its configuration as root, then changes to this user.
            command.addAll(List.of("-u", "nobody"));
        }
        command.add(ini.toString());
        Path log = folder.resolve("pgbouncer.log");
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PgBouncer pgbouncer = new PgBouncer(process, folder, port);
        try {
            pgbouncer.awaitAnswer(server.getProperty("PGDBNAME"));
            return pgbouncer;
        } catch (RuntimeException | Error e) {
            pgbouncer.close();
            throw e;
        }
    }

    /** The port PgBouncer listens on, at 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A {@code postgres://} URL of {@code database} through this pooler, as a platform hands one out. */
    public String databaseUrl(String database) {
        return "postgres://blog@127.0.0.1:" + port + "/" + database;
    }

    /** A JDBC URL of {@code database} through this pooler. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=blog";
    }

    /** Everything PgBouncer has logged so far. */
    public String log() {
        try {
            return Files.readString(folder.resolve("pgbouncer.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops PgBouncer (SIGTERM, then SIGKILL if it lingers) and deletes its folder. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void awaitAnswer(String database) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer exited with " + process.exitValue() + ":\n" + log());
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl(database));
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for pgbouncer", e);
            }
        }
        throw new IllegalStateException(
                "pgbouncer did not answer within " + START_TIMEOUT + " (" + last + "):\n" + log(), last);
    }
}
