package org.cleanblog.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, 2.4: {@value #REQUESTS} generated malformed and hostile requests ({@link HostileRequests}) on raw sockets to
 * the blog on 127.0.0.1, with and without a valid session and CSRF token. No answer is a 5xx, none shows a stack
 * trace, an internal name or SQL error text, no injected header or off-site redirect comes back, the server still
 * serves its home page afterwards (Jetty's 505 to a request line naming an HTTP version other than 1.0 and 1.1 is an
 * answer, not a failure, and is allowed there only), and the heap in use after garbage collection has not grown by more than
 * {@value #HEAP_GROWTH_LIMIT_MB} MB (the blog runs in this JVM). The seed is printed; run again with
 * {@code -Dhostile.seed=N} to repeat a run exactly.
 */
class HostileInputTest {
    private static final int REQUESTS = 10_000;
    private static final int CLIENTS = 2;
    private static final long HEAP_GROWTH_LIMIT_MB = 48;
    /** Found in no input the generator sends, so an echo cannot be mistaken for a leak (case-insensitive). */
    private static final List<String> LEAKS = List.of(
            "exception",
            "org.cleanblog",
            "at java.",
            "at org.",
            "\tat ",
            "caused by",
            "java.lang",
            "java.sql",
            "jetty",
            "mybatis",
            "ibatis",
            "hikari",
            "flyway",
            "sqlite_",
            "sqlstate",
            "psql",
            "syntax error",
            "### error",
            "stack trace",
            "stacktrace",
            "60481729");
    /**
     * The random values a reply carries (the session cookie, two such values joined by a dot; the form token; entity
     * tags) are base64url, in which a short word of {@link #LEAKS} turns up by chance, case-insensitively: "psql" in
     * roughly one reply in 7,000 that carries both a cookie and a token. They are masked before the leaks are looked
     * for.
     */
    private static final Pattern RANDOM_VALUE = Pattern.compile(
            "(?i)(set-cookie: *[^=\r\n]+=|etag: *(?:W/)?\"|name=\"csrf_token\" value=\")[A-Za-z0-9_.-]+");

    @Nested
    class OnSqlite extends Cases {
        OnSqlite() {
            super(Dialect.SQLITE);
        }
    }

    @Nested
    class OnPostgresql extends Cases {
        OnPostgresql() {
            super(Dialect.POSTGRESQL);
        }
    }

    abstract static class Cases extends BlogHttpTest {
        Cases(Dialect dialect) {
            super(dialect);
        }

        @Test
        void shouldSurviveTenThousandHostileRequestsWithoutA5xxALeakOrAGrowingHeap() throws Exception {
            long seed = Long.getLong("hostile.seed", System.nanoTime());
            System.out.printf("HostileInputTest on %s: seed %d (repeat with -Dhostile.seed=%d)%n", dialect, seed, seed);
            admin.writePost("A post to comment on", "", "Some **text**.");
            Browser reader = newUser();
            List<HostileRequests.Visitor> visitors = List.of(
                    new HostileRequests.Visitor(admin.sessionCookie(), admin.csrfToken("/")),
                    new HostileRequests.Visitor(reader.sessionCookie(), reader.csrfToken("/")));
            HostileRequests requests = new HostileRequests(seed, blog.uri().getPort(), visitors);

            run(requests, 0, 300);
            long heapBefore = usedHeapAfterGc();
            Outcome outcome = run(requests, 300, REQUESTS);
            long heapAfter = usedHeapAfterGc();

            System.out.printf(
                    "HostileInputTest on %s: statuses %s, heap %d MB -> %d MB%n",
                    dialect, outcome.statuses(), heapBefore >> 20, heapAfter >> 20);
            assertThat(outcome.failures()).as("seed %d", seed).isEmpty();
            assertThat(blog.browser().get("/").status()).isEqualTo(200);
            assertThat(admin.get("/new-post").status())
                    .as("the admin's session still works")
                    .isEqualTo(200);
            assertThat((heapAfter - heapBefore) >> 20).as("heap growth in MB").isLessThan(HEAP_GROWTH_LIMIT_MB);
        }

        private static Outcome run(HostileRequests requests, int from, int to) throws Exception {
            AtomicInteger next = new AtomicInteger(from);
            Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    running.add(clients.submit(() -> {
                        for (int i = next.getAndIncrement();
                                i < to && failures.size() < 20;
                                i = next.getAndIncrement()) {
                            HostileRequests.Request request = requests.request(i);
                            RawExchange.Reply reply = RawExchange.send(requests.port(), request.bytes());
                            statuses.merge(reply.status(), 1, Integer::sum);
                            judge(request, reply).ifPresent(failures::add);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                clients.shutdownNow();
            }
            return new Outcome(Map.copyOf(statuses), List.copyOf(failures));
        }

        private static java.util.Optional<String> judge(HostileRequests.Request request, RawExchange.Reply reply) {
            String what = "#" + request.index() + " (" + request.description() + ")";
            if (reply.status() < 0) {
                return java.util.Optional.of(what + ": no answer within the timeout");
            }
            if (reply.status() >= 500
                    && !(reply.status() == 505 && request.unsupportedVersion())
                    && !isShedLogin(reply)) {
                return java.util.Optional.of(what + ": status " + reply.status());
            }
            String text = RANDOM_VALUE
                    .matcher(reply.head() + "\n" + reply.body())
                    .replaceAll("$1<random>")
                    .toLowerCase(Locale.ROOT);
            for (String leak : LEAKS) {
                if (text.contains(leak)) {
                    return java.util.Optional.of(what + ": answer contains '" + leak + "'");
                }
            }
            for (String header : reply.head().toLowerCase(Locale.ROOT).split("\r\n")) {
                if (header.startsWith("x-injected") || header.startsWith("set-cookie: injected")) {
                    return java.util.Optional.of(what + ": injected header " + header);
                }
                if (header.startsWith("location:")) {
                    String location = header.substring("location:".length()).strip();
                    if (!location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\")) {
                        return java.util.Optional.of(what + ": redirect off the site to " + location);
                    }
                }
            }
            return java.util.Optional.empty();
        }

        /**
         * The 503 with {@code Retry-After} that a login gets when every password-hashing permit stayed taken for a
         * second (ConcurrencyLimit): load shedding by design, which a machine loaded by other builds can reach with
         * this test's concurrent logins; not a failure of input handling.
         */
        private static boolean isShedLogin(RawExchange.Reply reply) {
            return reply.status() == 503
                    && reply.head().toLowerCase(Locale.ROOT).contains("\r\nretry-after: 5")
                    && reply.body().contains("busy checking other passwords");
        }

        private static long usedHeapAfterGc() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }

    private record Outcome(Map<Integer, Integer> statuses, List<String> failures) {}
}
