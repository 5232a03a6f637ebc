package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 1.4: 300 clients that send a form's headers and then a byte every few seconds (slow-POST) must
 * neither stop the blog from answering others nor stay connected for ever. One selector drives every slow client from
 * the test's thread; the whole test takes at most about 30 s, and all its traffic goes to 127.0.0.1.
 */
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 300;
    private static final long TRICKLE_MILLIS = 3_000;
    private static final long GIVE_UP_MILLIS = 25_000;

    private RunningBlog blog;

    @BeforeEach
    void start() {
        blog = RunningBlog.start(Dialect.SQLITE, "SlowClientsTest");
    }

    @AfterEach
    void stop() throws Exception {
        blog.close();
    }

    @Test
    void shouldKeepAnsweringOthersAndCloseClientsThatTrickleTheirBodies() throws Exception {
        var address = new InetSocketAddress("127.0.0.1", blog.uri().getPort());
        byte[] head = ("POST /contact HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nn")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (Selector selector = Selector.open()) {
            List<SocketChannel> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                SocketChannel channel = SocketChannel.open(address);
                channel.write(ByteBuffer.wrap(head));
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
                slow.add(channel);
            }

            // Asked while every slow client is still connected and in the middle of its body.
            CompletableFuture<List<Integer>> probes = CompletableFuture.supplyAsync(this::probeAboutThreeTimes);
            int closedByServer = trickleUntilClosed(selector, slow);

            assertThat(probes.get())
                    .as("GET /about answered while slow clients were connected")
                    .containsExactly(200, 200, 200);
            assertThat(closedByServer)
                    .as("slow connections closed by the server within %d ms", GIVE_UP_MILLIS)
                    .isEqualTo(SLOW_CLIENTS);
            for (SocketChannel channel : slow) {
                channel.close();
            }
        }
        assertThat(probe()).as("still answering afterwards").isEqualTo(200);
    }

    /** Sends each open client one more byte every few seconds; counts the connections the server ends. */
    private static int trickleUntilClosed(Selector selector, List<SocketChannel> slow) throws IOException {
        long start = System.nanoTime();
        long nextTrickle = TRICKLE_MILLIS;
        int closed = 0;
        ByteBuffer sink = ByteBuffer.allocate(16 * 1024);
        while (closed < slow.size() && elapsedMillis(start) < GIVE_UP_MILLIS) {
            selector.select(200);
            for (SelectionKey key : selector.selectedKeys()) {
                if (drainOrEnd(key, sink)) {
                    closed++;
                }
            }
            selector.selectedKeys().clear();
            if (elapsedMillis(start) >= nextTrickle) {
                nextTrickle += TRICKLE_MILLIS;
                for (SelectionKey key : selector.keys()) {
                    if (key.isValid() && !sendOneByte(key)) {
                        closed++;
                    }
                }
            }
        }
        return closed;
    }

    /** Reads what the server sent; true when it closed the connection (end of stream or reset). */
    private static boolean drainOrEnd(SelectionKey key, ByteBuffer sink) {
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            int n;
            do {
                sink.clear();
                n = channel.read(sink);
            } while (n > 0);
            if (n == 0) {
                return false;
            }
        } catch (IOException reset) {
            // the server closed it with unread bytes
        }
        key.cancel();
        return true;
    }

    private static boolean sendOneByte(SelectionKey key) {
        try {
            ((SocketChannel) key.channel()).write(ByteBuffer.wrap(new byte[] {'n'}));
            return true;
        } catch (IOException reset) {
            key.cancel();
            return false;
        }
    }

    private List<Integer> probeAboutThreeTimes() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(probe());
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return statuses;
    }

    /** The status of {@code GET /about} on a fresh connection, or -1 when it did not come within 10 s. */
    private int probe() {
        HttpClient client = HttpClient.newBuilder().build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(blog.uri() + "about"))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
