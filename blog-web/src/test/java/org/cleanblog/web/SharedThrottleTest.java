package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
import org.cleanblog.web.support.StatementCounter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two instances of one blog on one database share the throttles' buckets (ADR 0030): wrong logins spread over both are
 * refused once the budget of one instance is spent, on each dialect.
 */
class SharedThrottleTest {
    private static int login(Browser browser) {
        String token = browser.csrfToken("/login");
        Response response = browser.post(
                "/login", Map.of("email", "nobody@example.org", "password", "wrong password", "csrf_token", token));
        return response.status();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldRefuseTheEleventhWrongLoginSpreadOverTwoInstances(Dialect dialect) throws Exception {
        try (RunningBlog a = RunningBlog.startWithSharedLimits(dialect, "SharedThrottleTest");
                RunningBlog.Instance b = a.startInstance(List.of(RunningBlog.SECRET), Limits.shared(a.db()))) {
            Browser onA = a.browser();
            Browser onB = b.browser();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(login(onA));
            }
            for (int i = 0; i < 4; i++) {
                statuses.add(login(onB));
            }
            assertThat(statuses).as("the first %d attempts", Limits.FORM_BURST).containsOnly(400);

            assertThat(login(onB)).as("the 11th, the 5th on B").isEqualTo(429);
            assertThat(login(onA)).as("and on A too").isEqualTo(429);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldRunOneStatementPerTakeOutsideTheOccasionalCleanup(Dialect dialect) {
        StatementCounter counter = new StatementCounter();
        try (TestDatabase database = TestDatabase.create(dialect, "SharedThrottleCount");
                HikariDataSource pool = pool(database);
                BlogDatabase db = BlogDatabase.open(counter.wrap(pool))) {
            long now = System.currentTimeMillis();
            List<List<String>> perCall = new ArrayList<>();
            // Fewer calls than the cleanup period (64), so none of them also deletes expired rows.
            for (int i = 0; i < 40; i++) {
                perCall.add(
                        counter.during(() -> db.take("forms:k", 10, 6_000, now)).statements());
            }
            assertThat(perCall)
                    .allSatisfy(statements -> assertThat(statements)
                            .singleElement()
                            .asString()
                            .startsWith("INSERT INTO throttle_buckets"));
        }
    }

    private static HikariDataSource pool(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setMaximumPoolSize(2);
        if (database.dialect() == Dialect.SQLITE) {
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        }
        return new HikariDataSource(config);
    }
}
