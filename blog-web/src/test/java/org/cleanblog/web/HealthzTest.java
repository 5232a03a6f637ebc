package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.support.RunningBlog;
import org.cleanblog.web.support.TcpRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /healthz} when the PostgreSQL host stops answering: the pool would wait its whole connection timeout for a
 * connection, yet the health check answers 503 within its own bound. The database sits behind a {@link TcpRelay} that
 * the test turns into a black hole.
 */
class HealthzTest {
    /** The production pool's connection timeout: what /healthz must not wait for. */
    private static final long POOL_CONNECTION_TIMEOUT_MS = 10_000;

    private TcpRelay relay;
    private HikariDataSource pool;
    private RunningBlog blog;

    @AfterEach
    void stop() throws Exception {
        if (blog != null) {
            blog.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void shouldAnswer503WithinTheHealthCheckBoundWhenTheDatabaseHostStopsAnswering() throws Exception {
        TestDatabase database = TestDatabase.create(Dialect.POSTGRESQL, "HealthzTest");
        URI direct = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        relay = new TcpRelay(direct.getHost(), direct.getPort());
        blog = RunningBlog.start(database, db -> open(db, direct), WebSettings.DEFAULT_MAX_REQUEST_BYTES);
        HttpClient client = HttpClient.newHttpClient();
        // Well under the pool's 10 s: a response at all within this bound shows the check did not wait for the pool.
        HttpRequest healthz = HttpRequest.newBuilder(blog.uri().resolve("/healthz"))
                .timeout(Duration.ofSeconds(6))
                .build();
        assertThat(client.send(healthz, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        relay.blackHole();
        // Pooled connections would fail their check on the stalled socket; new ones wait for the pool's timeout.
        pool.getHikariPoolMXBean().softEvictConnections();
        HttpResponse<String> down = client.send(healthz, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stillDown = client.send(healthz, HttpResponse.BodyHandlers.ofString());

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("database unreachable\n");
        assertThat(stillDown.statusCode()).isEqualTo(503);
    }

    private BlogDatabase open(TestDatabase database, URI direct) {
        String viaRelay = "jdbc:postgresql://127.0.0.1:" + relay.port() + direct.getRawPath()
                + (direct.getRawQuery() == null ? "" : "?" + direct.getRawQuery());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(viaRelay);
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(POOL_CONNECTION_TIMEOUT_MS);
        pool = new HikariDataSource(config);
        return BlogDatabase.open(pool);
    }
}
