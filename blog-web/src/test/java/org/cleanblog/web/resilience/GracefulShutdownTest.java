package org.cleanblog.web.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.ServerProcess;
import org.cleanblog.web.support.TricklingPost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real {@code serve} process while requests are in flight (their bodies still arriving, a little faster
 * than the slow-client limit): it refuses new connections, lets them finish, closes the pool, logs one line and exits
 * 0 (ADR 0028). Before, it ended at once with status 143 and the requests were lost.
 */
class GracefulShutdownTest {
    @TempDir
    Path folder;

    private ServerProcess server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldFinishRequestsInFlightThenExitZero() throws Exception {
        server = start(Map.of());
        List<TricklingPost> posts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            posts.add(slowContact(server, 1_500));
        }
        Thread.sleep(400);

        server.terminate();
        long terminated = System.nanoTime();
        Thread.sleep(500);
        assertThatThrownBy(() -> new Socket("127.0.0.1", server.uri().getPort()).close())
                .as("a new connection after SIGTERM")
                .isInstanceOf(ConnectException.class);

        for (TricklingPost post : posts) {
            assertThat(post.answer().statusLine())
                    .as("answer to a request in flight")
                    .startsWith("HTTP/1.1 303");
        }
        Integer status = server.awaitExit(Duration.ofSeconds(10));
        assertThat(status).as("exit status after SIGTERM\n%s", server.logTail()).isEqualTo(0);
        assertThat(Duration.ofNanos(System.nanoTime() - terminated)).isLessThan(Duration.ofSeconds(10));
        assertThat(server.log())
                .containsOnlyOnce("stopped: drained 2 requests in ")
                .contains("ms, pool closed");
    }

    @Test
    void shouldCutOffARequestThatOutlivesTheBoundAndStillExitZero() throws Exception {
        server = start(Map.of("SHUTDOWN_TIMEOUT", "1"));
        TricklingPost stuck = slowContact(server, 5_000);
        Thread.sleep(400);

        long terminated = System.nanoTime();
        server.terminate();
        Integer status = server.awaitExit(Duration.ofSeconds(6));
        Duration took = Duration.ofNanos(System.nanoTime() - terminated);

        assertThat(status).as("exit status after SIGTERM\n%s", server.logTail()).isEqualTo(0);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(server.log())
                .containsOnlyOnce("stopped: 1 requests in flight, some still running after SHUTDOWN_TIMEOUT=1 s were"
                        + " cut off");
        // Cut off while its body was still arriving: Jetty closes the connection, or answers 408 when its read fails
        // first. Never the 303 of a message taken.
        assertThat(stuck.answer().statusLine())
                .as("the cut-off request is not answered as done")
                .satisfiesAnyOf(
                        line -> assertThat(line).isEmpty(),
                        line -> assertThat(line).isEqualTo("HTTP/1.1 408 Request Timeout"));
    }

    private ServerProcess start(Map<String, String> environment) throws Exception {
        return ServerProcess.start(
                "sqlite:///" + folder.resolve("blog.db").toAbsolutePath(), folder, "serve", environment);
    }

    /**
     * A contact form of {@code bodyBytes} whose body arrives at 500 B/s, above the server's minimum rate of 128 B/s: in
     * flight from its headers to its last byte ({@code bodyBytes / 500} seconds).
     */
    private static TricklingPost slowContact(ServerProcess server, int bodyBytes) throws IOException {
        Browser visitor = server.browser();
        String token = visitor.csrfToken("/contact");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf_token", token);
        fields.put("name", "Eve");
        fields.put("email", "eve@example.org");
        String form = "csrf_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&name=Eve&email=eve%40example.org&message=";
        fields.put("message", "x".repeat(bodyBytes - form.length()));
        return TricklingPost.begin(
                server.uri(), "/contact", Map.of("Cookie", "blog_session=" + visitor.sessionCookie()), fields, 500);
    }
}
