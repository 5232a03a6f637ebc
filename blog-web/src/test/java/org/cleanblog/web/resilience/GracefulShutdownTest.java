package org.cleanblog.web.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real {@code serve} process while requests are in flight (their bodies still arriving, a little faster
 * than the slow-client limit): it refuses new connections, lets them finish, closes the pool, logs one line and exits
 * 0 (ADR 0028). Before, it ended at once with status 143 and the requests were lost.
 */
class GracefulShutdownTest {
    /** Bytes sent every {@link #CHUNK_MILLIS}: 500 B/s, above the server's minimum rate of 128 B/s. */
    private static final int CHUNK = 100;

    private static final long CHUNK_MILLIS = 200;

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
        List<SlowPost> posts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            posts.add(SlowPost.begin(server, 1_500));
        }
        Thread.sleep(400);

        server.terminate();
        long terminated = System.nanoTime();
        Thread.sleep(500);
        assertThatThrownBy(() -> new Socket("127.0.0.1", server.uri().getPort()).close())
                .as("a new connection after SIGTERM")
                .isInstanceOf(ConnectException.class);

        for (SlowPost post : posts) {
            assertThat(post.statusLine()).as("answer to a request in flight").startsWith("HTTP/1.1 303");
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
        SlowPost stuck = SlowPost.begin(server, 5_000);
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
        // Cut off while its body was still arriving: Jetty either closes the connection or, when the read fails first,
        // answers 408. Never the 303 of a message taken.
        assertThat(stuck.statusLine())
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
     * A contact form whose body a thread sends slowly over a raw socket ({@code bodyBytes / 500} seconds): in flight
     * from its headers to its last byte.
     */
    private record SlowPost(Socket socket, Thread sender) {
        static SlowPost begin(ServerProcess server, int bodyBytes) throws IOException {
            Browser visitor = server.browser();
            String token = visitor.csrfToken("/contact");
            String fields = "csrf_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                    + "&name=Eve&email=eve%40example.org&message=";
            byte[] body = (fields + "x".repeat(bodyBytes - fields.length())).getBytes(StandardCharsets.US_ASCII);
            Socket socket = new Socket("127.0.0.1", server.uri().getPort());
            socket.setSoTimeout(15_000);
            String head = "POST /contact HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"
                    + "Cookie: blog_session=" + visitor.sessionCookie() + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread sender = new Thread(() -> trickle(out, body), "slow-post");
            sender.start();
            return new SlowPost(socket, sender);
        }

        private static void trickle(OutputStream out, byte[] body) {
            try {
                for (int sent = 0; sent < body.length; sent += CHUNK) {
                    out.write(body, sent, Math.min(CHUNK, body.length - sent));
                    out.flush();
                    Thread.sleep(CHUNK_MILLIS);
                }
            } catch (IOException | InterruptedException closed) {
                // The server cut the request off; statusLine() reports that.
            }
        }

        /** The response's status line, or "" when the server closed the connection without one. */
        String statusLine() throws IOException {
            try (socket) {
                InputStream in = socket.getInputStream();
                StringBuilder line = new StringBuilder();
                for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                    line.append((char) c);
                }
                return line.toString();
            } catch (SocketException reset) {
                return "";
            } finally {
                sender.interrupt();
            }
        }
    }
}
