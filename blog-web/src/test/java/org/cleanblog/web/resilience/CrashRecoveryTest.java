package org.cleanblog.web.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cleanblog.web.support.Acknowledged;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Load;
import org.cleanblog.web.support.ServerProcess;
import org.cleanblog.web.support.Writers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, 2.3: the blog's process is killed with SIGKILL while writers post comments to its SQLite file, then started
 * again on the same file. Every comment it acknowledged (303) before dying is there, and SQLite finds the file intact
 * ({@code PRAGMA integrity_check}). The server is a real process started as {@code java … Main serve} with its
 * configuration in the environment, as in production (so also with the production limits and password hashing).
 */
class CrashRecoveryTest {
    /** Each signs up with the production password hashing, the slowest part of the set-up. */
    private static final int WRITERS = 8;
    /** Kill once this many comments were acknowledged, so that the file has seen many commits and more are running. */
    private static final long ACKNOWLEDGED_BEFORE_KILL = 40;
    /** Or after this long, should the comment throttle hold the writers back. */
    private static final Duration MOST_BEFORE_KILL = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private ServerProcess server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldKeepEveryAcknowledgedCommentAndAnIntactFileWhenKilledMidWriteAndRestarted() throws Exception {
        String databaseUrl = "jdbc:sqlite:" + folder.resolve("blog.db");
        long t0 = System.nanoTime();
        server = ServerProcess.start(databaseUrl, folder, "first");
        long started = System.nanoTime();
        Browser admin = server.browser();
        Writers.register(admin, "Ada Admin", "ada@example.org", Load.address(0));
        long postId = admin.writePost("Crash", "", "The server dies under this post.");
        Load load = new Load(server.uri(), Duration.ofSeconds(20));
        Writers.add(load, server::browser, WRITERS, postId, "writer", 1);
        long signedUp = System.nanoTime();

        load.start();
        long deadline = System.nanoTime() + MOST_BEFORE_KILL.toNanos();
        while (load.acknowledgedSoFar() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long acknowledgedAtKill = load.acknowledgedSoFar();
        server.kill();
        List<Load.Sent> sent = load.stop();
        long killed = System.nanoTime();
        server = ServerProcess.start(databaseUrl, folder, "restarted");
        long restarted = System.nanoTime();

        Map<Long, String> acknowledged = Acknowledged.comments(sent);
        Map<Long, String> stored = Acknowledged.stored(DriverManager.getConnection(databaseUrl), postId);
        System.out.printf(
                "CrashRecoveryTest: started in %d ms, %d writers signed up in %d ms, killed with %d comments"
                        + " acknowledged, restarted in %d ms; statuses %s; %d comments stored after the restart%n",
                ms(started - t0),
                WRITERS,
                ms(signedUp - started),
                acknowledgedAtKill,
                ms(restarted - killed),
                Load.statuses(sent),
                stored.size());
        assertThat(sent.stream()
                        .filter(Load.Sent::acknowledged)
                        .map(Load.Sent::client)
                        .distinct())
                .as("writers with a comment acknowledged before the kill")
                .hasSize(WRITERS);
        assertThat(stored).containsAllEntriesOf(acknowledged);
        assertThat(integrityCheck(databaseUrl)).isEqualTo("ok");
        Browser reader = server.browser();
        assertThat(reader.get("/post/" + postId).status()).isEqualTo(200);
        assertThat(reader.get("/healthz").status()).isEqualTo(200);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static String integrityCheck(String databaseUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
            StringBuilder lines = new StringBuilder();
            while (result.next()) {
                lines.append(lines.isEmpty() ? "" : "\n").append(result.getString(1));
            }
            return lines.toString();
        }
    }
}
