package org.cleanblog.web.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.Acknowledged;
import org.cleanblog.web.support.BlogHttpTest;
import org.cleanblog.web.support.Load;
import org.cleanblog.web.support.Writers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, 2.1: 100 logged-in clients post comments on one post as fast as the blog takes them, for 30 seconds. No
 * request fails or gets a 5xx, and the comments stored are exactly those acknowledged with a 303 (same ids, same
 * texts, so the counts are equal too): nothing acknowledged is lost, nothing unacknowledged slips in. On SQLite this
 * is the single-writer queue under pressure; on PostgreSQL the pool of 20 connections shared by 100 clients.
 */
class ConcurrentWritersTest {
    static final int CLIENTS = 100;
    static final Duration DURATION = Duration.ofSeconds(30);

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
        void shouldStoreEveryAcknowledgedCommentAndAnswerNo5xxWhen100ClientsPostFor30Seconds() throws Exception {
            long postId = admin.writePost("Busy", "", "Everyone comments here at once.");
            // Generous: a request still unanswered after this is a failure, not a wait.
            Load load = new Load(blog.uri(), Duration.ofSeconds(30));
            Writers.add(load, blog::browser, CLIENTS, postId, "writer", 0);

            load.start();
            Thread.sleep(DURATION.toMillis());
            List<Load.Sent> sent = load.stop();

            Map<Long, String> acknowledged = Acknowledged.comments(sent);
            Map<Long, String> stored = Acknowledged.stored(blog.database().connect(), postId);
            System.out.printf(
                    "ConcurrentWritersTest on %s: %d requests, statuses %s, %d comments acknowledged (%.0f/s),"
                            + " slowest %d ms%n",
                    dialect,
                    sent.size(),
                    Load.statuses(sent),
                    acknowledged.size(),
                    acknowledged.size() / (double) DURATION.toSeconds(),
                    sent.stream().mapToLong(Load.Sent::millis).max().orElse(0));
            assertThat(sent)
                    .as("requests that failed or got a 5xx")
                    .filteredOn(s -> s.status() == 0 || s.status() >= 500)
                    .isEmpty();
            // 429 is the comment throttle saying "not now": not stored, not acknowledged, and no failure.
            assertThat(Load.statuses(sent).keySet()).isSubsetOf(Set.of(303, 429));
            Set<String> writersHeard = sent.stream()
                    .filter(Load.Sent::acknowledged)
                    .map(Load.Sent::client)
                    .collect(Collectors.toSet());
            assertThat(writersHeard).as("writers with a comment acknowledged").hasSize(CLIENTS);
            assertThat(stored).hasSameSizeAs(acknowledged).isEqualTo(acknowledged);
        }
    }
}
