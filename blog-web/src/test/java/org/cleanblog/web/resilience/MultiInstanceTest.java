package org.cleanblog.web.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.Limits;
import org.cleanblog.web.support.Acknowledged;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Load;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.ServerProcess;
import org.cleanblog.web.support.TricklingPost;
import org.cleanblog.web.support.Writers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, point 5: three instances of the blog, A, B and C, each its own process with the same {@code SECRET_KEY},
 * started at the same moment on one empty PostgreSQL schema (on the run's server: {@code BLOG_TEST_DATABASE_URL}, or
 * the embedded one), are one blog. Flyway's lock applies every migration once; a user, a comment, a deleted post, a
 * session and its logout, and the login throttle's count are the same seen from any of them; and a SIGTERM to one of
 * them while writers post through all three loses no comment that any of them acknowledged.
 *
 * <p>The instances are {@code Main serve} on the test's class path ({@link ServerProcess}), configured only through
 * their environment as a platform does, rather than {@code java -jar blog-web/target/blog.jar}. The jar exists only
 * after the {@code package} phase: using it would take a failsafe run after it, a second kind of test with its own
 * naming and phase in this module's build, or else a jar left in {@code target/} by an earlier build would be run
 * silently by the test phase (and by {@code -Dtest=…} runs, which do not package). The class path is exactly the code
 * under test, and what this test is about, several processes sharing one database, does not depend on how the classes
 * are packaged; the shaded jar itself is started by {@code scripts/walkthrough.sh} in {@code .ci/run}.
 *
 * <p>Every form is posted with an {@code X-Forwarded-For} address of its own (believed from the loopback peer), so
 * that the per-address throttle, also shared, never speaks for the per-account one. The instances hash passwords with
 * the production cost, which is most of the test's time. The SIGTERM case runs last: it stops B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTest {
    private static final String PASSWORD = BlogHttpTest.PASSWORD;
    /** Fast writers per instance in the SIGTERM case; each signs up with the production password hashing. */
    private static final int WRITERS_PER_INSTANCE = 2;
    /** Generous: a wait that takes longer than this is a failure, not slowness. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The line each instance logs once its schema is current (blog-persistence's Migrations). */
    private static final Pattern APPLIED = Pattern.compile("schema at version \\S+ \\((\\d+) migration\\(s\\) applied");

    private final AtomicInteger addresses = new AtomicInteger();

    private TestDatabase database;
    private ServerProcess a;
    private ServerProcess b;
    private ServerProcess c;
    /** The first registered user, so the admin, logged in on A. */
    private Browser admin;

    private long startedMillis;

    @BeforeAll
    void startThreeInstancesAtTheSameMomentOnAnEmptySchema(@TempDir Path folder) throws Exception {
        database = TestDatabase.postgresql("MultiInstanceTest");
        long t0 = System.nanoTime();
        a = ServerProcess.launch(database.jdbcUrl(), folder, "a", Map.of());
        b = ServerProcess.launch(database.jdbcUrl(), folder, "b", Map.of());
        c = ServerProcess.launch(database.jdbcUrl(), folder, "c", Map.of());
        for (ServerProcess instance : instances()) {
            instance.awaitHealthy();
        }
        startedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        admin = a.browser();
        Writers.register(admin, "Ada Admin", "ada@example.org", nextAddress());
    }

    @AfterAll
    void stopInstances() throws Exception {
        try {
            for (ServerProcess instance : new ServerProcess[] {a, b, c}) {
                if (instance != null) {
                    instance.close();
                }
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /**
     * Flyway takes its lock (a PostgreSQL advisory lock) around each migration, not around all of them: the instances
     * may share the work, one applying V1 and V2, another V3, and each of the others finds them applied. What must
     * hold is that every migration ran once, in order, and that the instances together applied as many as there are.
     */
    @Test
    void shouldMigrateTheEmptySchemaExactlyOnceAndServeOnAllThree() throws Exception {
        List<String> history = history(database);
        List<String> once;
        try (TestDatabase reference = TestDatabase.postgresql("MultiInstanceReference")) {
            reference.open().close();
            once = history(reference);
        }
        Map<String, Integer> applied = new LinkedHashMap<>();
        for (ServerProcess instance : instances()) {
            String log = instance.log();
            Matcher line = APPLIED.matcher(log);
            assertThat(line.find())
                    .as("%s logs the migrations it applied:%n%s", instance.uri(), log)
                    .isTrue();
            applied.put(instance.uri().toString(), Integer.parseInt(line.group(1)));
            assertThat(log).as("log of %s", instance.uri()).contains("Clean Blog is serving");
            assertThat(log.lines())
                    .as("errors in the log of %s", instance.uri())
                    .noneMatch(l -> l.contains(" ERROR "));
            assertThat(instance.browser().get("/healthz").status()).isEqualTo(200);
        }
        System.out.printf(
                "MultiInstanceTest: three instances serving %d ms after they were launched; migrations applied by"
                        + " each: %s%n",
                startedMillis, applied);

        assertThat(history)
                .as("cleanblog_schema_history (version:success by installed_rank)")
                .doesNotHaveDuplicates()
                .isEqualTo(once);
        assertThat(applied.values().stream().mapToInt(Integer::intValue).sum())
                .as("migrations applied by the three together: %s", applied)
                .isEqualTo(history.size());
    }

    @Test
    void shouldShowOnCTheCommentThatAUserWhoRegisteredOnAPostedThroughB() {
        long postId = admin.writePost("Three doors", "", "Come in through any of them.");
        Browser onA = a.browser();
        Writers.register(onA, "Bea Reader", "bea@example.org", nextAddress());
        Browser onB = b.browser();
        onB.setSessionCookie(onA.sessionCookie());

        Response posted = submit(onB, "/post/" + postId, Map.of("comment_text", "Posted through the second door"));

        assertThat(posted.status()).isEqualTo(303);
        assertThat(c.browser().get("/post/" + postId).body()).contains("Posted through the second door", "Bea Reader");
    }

    @Test
    void shouldNotShowOnAThePostThatTheAdminDeletedOnC() throws InterruptedException {
        long postId = admin.writePost("Short-lived on three", "", "Deleted through C.");
        assertThat(a.browser().get("/post/" + postId).status()).isEqualTo(200);
        Browser adminOnC = c.browser();
        adminOnC.setSessionCookie(admin.sessionCookie());

        Response deleted = adminOnC.submit("/post/" + postId, "/delete/" + postId, Map.of());

        assertThat(deleted.status()).isEqualTo(303);
        // A served the post and keeps the page; it drops it at its next read of the content version (ADR 0034).
        assertThat(eventually(() -> a.browser().get("/post/" + postId).status() == 404))
                .as("/post/%d on A after the delete on C", postId)
                .isTrue();
        assertThat(a.browser().get("/").body()).doesNotContain("Short-lived on three");
    }

    @Test
    void shouldAcceptOnBAndCASessionMadeOnAAndEndItEverywhereAtLogoutOnB() throws InterruptedException {
        Writers.register(c.browser(), "Cy Session", "cy@example.org", nextAddress());
        Browser onA = a.browser();
        assertThat(loginFromNewAddress(onA, "cy@example.org", PASSWORD).status())
                .isEqualTo(303);
        String cookie = onA.sessionCookie();
        for (ServerProcess instance : instances()) {
            assertThat(loggedIn(instance, cookie))
                    .as("A's session on %s", instance.uri())
                    .isTrue();
        }

        Browser onB = b.browser();
        onB.setSessionCookie(cookie);
        assertThat(onB.logout().status()).isEqualTo(303);

        // B ends it at once; A and C learn of it at their next read of the content version (every 250 ms, ADR 0034),
        // which drops the session's user they keep.
        for (ServerProcess instance : instances()) {
            assertThat(eventually(() -> !loggedIn(instance, cookie)))
                    .as("A's session on %s ended after logout on B", instance.uri())
                    .isTrue();
        }
    }

    @Test
    void shouldAnswer429ToTheEleventhWrongPasswordSpreadOverAllThree() {
        String email = "dee@example.org";
        Writers.register(c.browser(), "Dee Target", email, nextAddress());
        List<ServerProcess> instances = instances();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < Limits.LOGIN_BURST + 2; i++) {
            ServerProcess instance = instances.get(i % instances.size());
            statuses.add(
                    loginFromNewAddress(instance.browser(), email, "wrong " + i).status());
        }

        assertThat(statuses.subList(0, Limits.LOGIN_BURST))
                .as("wrong passwords 1 to %d, on A, B, C, A, …", Limits.LOGIN_BURST)
                .containsOnly(400);
        assertThat(statuses.subList(Limits.LOGIN_BURST, statuses.size()))
                .as("the next two, on %s", instances.subList(1, 3))
                .containsOnly(429);
        assertThat(loginFromNewAddress(a.browser(), email, PASSWORD).status())
                .as("the owner too, on A")
                .isEqualTo(429);
    }

    /**
     * Fast writers post comments through each instance (the comment throttle refuses most of them once each writer's
     * burst is spent, which is no failure), and one slow comment per instance is in flight, its body still arriving,
     * when B gets SIGTERM. Every comment acknowledged with a 303, by any instance, before or after, is stored, and
     * nothing else is; B drains and exits 0; A and C take comments after B is gone.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void shouldStoreEveryAcknowledgedCommentWhenBIsTerminatedWhileWritersPostThroughAllThree() throws Exception {
        long postId = admin.writePost("Rolling restart", "", "Comments keep coming while an instance stops.");
        String path = "/post/" + postId;
        List<ServerProcess> instances = instances();
        List<Load> loads = new ArrayList<>();
        List<Browser> slowWriters = new ArrayList<>();
        for (ServerProcess instance : instances) {
            String label = "w" + instance.uri().getPort();
            Load load = new Load(instance.uri(), PATIENCE);
            Writers.add(
                    load,
                    instance::browser,
                    WRITERS_PER_INSTANCE,
                    postId,
                    label,
                    addresses.getAndAdd(WRITERS_PER_INSTANCE));
            loads.add(load);
            Browser slow = instance.browser();
            Writers.register(slow, label + "-slow", label + "-slow@example.org", nextAddress());
            slowWriters.add(slow);
        }
        Load onB = loads.get(1);

        loads.forEach(Load::start);
        List<TricklingPost> slowPosts = new ArrayList<>();
        List<String> slowTexts = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            String text = "slow comment through " + "ABC".charAt(i) + " " + "z".repeat(1_900);
            Browser writer = slowWriters.get(i);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("csrf_token", writer.csrfToken(path));
            fields.put("comment_text", text);
            slowTexts.add(text);
            slowPosts.add(TricklingPost.begin(
                    instances.get(i).uri(),
                    path,
                    Map.of("Cookie", "blog_session=" + writer.sessionCookie(), "X-Forwarded-For", nextAddress()),
                    fields,
                    1_000));
        }
        long slowHeadersSent = System.nanoTime();
        // B has answered a request sent after the slow comments' headers, so it has read those headers too: the slow
        // comment through B is in flight when the signal comes.
        awaitAnswerSentAfter(onB, slowHeadersSent);
        b.terminate();
        List<Load.Sent> sentToB = onB.stop();
        List<Load.Sent> slowSent = new ArrayList<>();
        for (int i = 0; i < slowPosts.size(); i++) {
            slowSent.add(sent(
                    "slow-" + "ABC".charAt(i),
                    path,
                    slowTexts.get(i),
                    slowPosts.get(i).answer()));
        }
        Integer exit = b.awaitExit(PATIENCE);

        List<Load.Sent> afterB = new ArrayList<>();
        for (ServerProcess survivor : List.of(a, c)) {
            Browser adminThere = survivor.browser();
            adminThere.setSessionCookie(admin.sessionCookie());
            String text = "after B stopped, through " + survivor.uri();
            afterB.add(sent("admin", path, text, submit(adminThere, path, Map.of("comment_text", text))));
        }
        List<Load.Sent> sentToA = loads.get(0).stop();
        List<Load.Sent> sentToC = loads.get(2).stop();

        List<Load.Sent> all = new ArrayList<>();
        for (List<Load.Sent> part : List.of(sentToA, sentToB, sentToC, slowSent, afterB)) {
            all.addAll(part);
        }
        Map<Long, String> acknowledged = Acknowledged.comments(all);
        Map<Long, String> stored = Acknowledged.stored(database.connect(), postId);
        System.out.printf(
                "MultiInstanceTest SIGTERM: statuses on A %s, B %s, C %s; slow comments %s; %d comments"
                        + " acknowledged, %d stored; B exited with %s%n",
                Load.statuses(sentToA),
                Load.statuses(sentToB),
                Load.statuses(sentToC),
                Load.statuses(slowSent),
                acknowledged.size(),
                stored.size(),
                exit);

        assertThat(exit).as("B's exit status after SIGTERM\n%s", b.logTail()).isEqualTo(0);
        assertThat(b.log()).contains("stopped: drained");
        assertThat(slowSent)
                .as("slow comments in flight at SIGTERM, through A, B and C")
                .allMatch(Load.Sent::acknowledged);
        assertThat(afterB).as("comments through A and C after B stopped").allMatch(Load.Sent::acknowledged);
        assertThat(Load.statuses(sentToA).keySet()).as("answers of A").isSubsetOf(Set.of(303, 429));
        assertThat(Load.statuses(sentToC).keySet()).as("answers of C").isSubsetOf(Set.of(303, 429));
        // B refuses what arrives once it stops (503 on a kept connection, or no connection at all: 0).
        assertThat(Load.statuses(sentToB).keySet()).as("answers of B").isSubsetOf(Set.of(303, 429, 503, 0));
        assertThat(stored).hasSameSizeAs(acknowledged).isEqualTo(acknowledged);
    }

    private List<ServerProcess> instances() {
        return List.of(a, b, c);
    }

    private String nextAddress() {
        return Load.address(addresses.getAndIncrement());
    }

    /** Posts {@code fields} and the CSRF token of {@code page} to {@code page}, from an address of its own. */
    private Response submit(Browser browser, String page, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf_token", browser.csrfToken(page));
        return browser.post(page, all, "X-Forwarded-For", nextAddress());
    }

    private Response loginFromNewAddress(Browser browser, String email, String password) {
        return submit(browser, "/login", Map.of("email", email, "password", password));
    }

    /** Whether {@code instance} takes {@code cookie} for a logged-in session: its pages then offer to log out. */
    private static boolean loggedIn(ServerProcess instance, String cookie) {
        Browser visitor = instance.browser();
        visitor.setSessionCookie(cookie);
        Response home = visitor.get("/");
        assertThat(home.status()).isEqualTo(200);
        return home.body().contains("action=\"/logout\"");
    }

    /**
     * Whether {@code condition} holds within 15 seconds, asked every 50 ms: for what another instance learns at its
     * next read of the content version (every 250 ms). A generous deadline, not a speed check.
     */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Waits until {@code load} got an answer (any status) to a request it sent after {@code nanos}. */
    private static void awaitAnswerSentAfter(Load load, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (load.sentSoFar().stream().noneMatch(s -> s.startNanos() > nanos && s.status() != 0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no answer within " + PATIENCE + " to a request sent after the slow comments");
            }
            Thread.sleep(10);
        }
    }

    /** A comment posted outside a {@link Load}, recorded as one of its requests. */
    private static Load.Sent sent(String client, String path, String comment, Response response) {
        long now = System.nanoTime();
        return new Load.Sent(client, path, comment, response.status(), response.location(), now, now, null);
    }

    private static Load.Sent sent(String client, String path, String comment, TricklingPost.Answer answer) {
        String[] statusLine = answer.statusLine().split(" ");
        int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : 0;
        long now = System.nanoTime();
        return new Load.Sent(
                client, path, comment, status, answer.location(), now, now, status == 0 ? "no answer" : null);
    }

    /** The rows of {@code cleanblog_schema_history} as {@code version:success}, by installed rank. */
    private static List<String> history(TestDatabase database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT version, success FROM cleanblog_schema_history ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + ":" + result.getBoolean(2));
            }
        }
        return rows;
    }
}
