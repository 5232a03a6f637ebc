package org.cleanblog.web.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Concurrent clients of a running blog, each on a thread of its own, sending one request after another until {@link
 * #stop()}: writers post comments (every text unique) with their own session and CSRF token, readers fetch pages.
 * Each request is recorded as the client saw it: status, Location, start and end, or the I/O error. Every client sends
 * an {@code X-Forwarded-For} of its own, which the blog believes from its loopback peer, so per-address limits see
 * many visitors (no packet goes anywhere but 127.0.0.1). A request that does not complete within the request timeout
 * is recorded as failed rather than waited for. Start and stop from one thread; {@link #sentSoFar()} from any.
 */
public final class Load implements AutoCloseable {
    private static final Pattern COMMENT = Pattern.compile("#comment-(\\d+)$");

    /**
     * One request as its client saw it.
     *
     * @param comment the comment text a writer sent, or null for a read
     * @param status the HTTP status, or 0 when the request failed with {@code error} (I/O error or timeout)
     * @param location the Location header, or ""
     * @param startNanos {@link System#nanoTime()} when the request was sent
     * @param endNanos {@link System#nanoTime()} when its answer (or failure) came
     */
    public record Sent(
            String client,
            String path,
            String comment,
            int status,
            String location,
            long startNanos,
            long endNanos,
            String error) {
        public long millis() {
            return TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
        }

        /** A comment the blog acknowledged: 303 to the new comment's anchor. */
        public boolean acknowledged() {
            return comment != null && status == 303 && COMMENT.matcher(location).find();
        }

        /** The id of an {@link #acknowledged()} comment, from its Location. */
        public long commentId() {
            Matcher m = COMMENT.matcher(location);
            if (!m.find()) {
                throw new IllegalStateException("not an acknowledged comment: " + this);
            }
            return Long.parseLong(m.group(1));
        }

        @Override
        public String toString() {
            return client + " " + path + " -> " + (status == 0 ? error : status + " " + location) + " in " + millis()
                    + " ms";
        }
    }

    private final URI base;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final List<Thread> threads = new ArrayList<>();
    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile boolean stopping;

    public Load(URI base, Duration requestTimeout) {
        this.base = base;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(requestTimeout)
                .build();
    }

    /**
     * A test address for client number {@code n} (0–131071) in 198.18.0.0/15, the range set aside for benchmarks: a
     * header value only, never a destination.
     */
    public static String address(int n) {
        return "198." + (18 + n / 65_536) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    /** How many requests got each status (0: failed without one), for assertions and messages. */
    public static Map<Integer, Long> statuses(List<Sent> sent) {
        return sent.stream().collect(Collectors.groupingBy(Sent::status, TreeMap::new, Collectors.counting()));
    }

    /** Adds a writer that posts comments on post {@code postId} as the visitor with this session and CSRF token. */
    public Load writer(String name, String sessionCookie, String csrfToken, long postId, String forwardedFor) {
        String path = "/post/" + postId;
        return client(name, seq -> {
            String text = name + " says " + seq;
            String body = "comment_text=" + enc(text) + "&csrf_token=" + enc(csrfToken);
            HttpRequest request = request(path, forwardedFor)
                    .header("Cookie", "blog_session=" + sessionCookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            Sent result = send(name, path, text, request);
            if (result.acknowledged()) {
                acknowledged.incrementAndGet();
            }
            return result;
        });
    }

    /** Adds an anonymous reader that fetches {@code paths} in turn. */
    public Load reader(String name, String forwardedFor, String... paths) {
        return client(name, seq -> {
            String path = paths[(int) (seq % paths.length)];
            return send(name, path, null, request(path, forwardedFor).GET().build());
        });
    }

    /** Lets every client go at once. */
    public void start() {
        go.countDown();
    }

    /** Comments acknowledged so far. */
    public long acknowledgedSoFar() {
        return acknowledged.get();
    }

    /** What was sent so far, a snapshot. */
    public List<Sent> sentSoFar() {
        return List.copyOf(sent);
    }

    /**
     * Stops every client after its current request (waiting at most the request timeout and a margin) and returns
     * everything sent.
     *
     * @throws IllegalStateException when a client did not stop in time
     */
    public List<Sent> stop() throws InterruptedException {
        stopping = true;
        go.countDown();
        long deadline = System.nanoTime() + requestTimeout.plusSeconds(10).toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " did not stop within its request timeout");
            }
        }
        return List.copyOf(sent);
    }

    @Override
    public void close() throws InterruptedException {
        if (!stopping) {
            stop();
        }
    }

    private interface Step {
        Sent next(long seq);
    }

    private Load client(String name, Step step) {
        Thread thread = new Thread(
                () -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (long seq = 1; !stopping; seq++) {
                        sent.add(step.next(seq));
                    }
                },
                "load-" + name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
        return this;
    }

    private HttpRequest.Builder request(String path, String forwardedFor) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("X-Forwarded-For", forwardedFor);
    }

    private Sent send(String name, String path, String comment, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Sent(
                    name,
                    path,
                    comment,
                    r.statusCode(),
                    r.headers().firstValue("Location").orElse(""),
                    start,
                    System.nanoTime(),
                    null);
        } catch (IOException e) {
            return new Sent(name, path, comment, 0, "", start, System.nanoTime(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(name, path, comment, 0, "", start, System.nanoTime(), e.toString());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
