package org.cleanblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
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
}
