package org.cleanblog.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.cleanblog.persistence.Dialect;
import org.cleanblog.web.support.RawHttp;
import org.cleanblog.web.support.Response;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The security headers over HTTP: the same set on every response, and Strict-Transport-Security only when the visitor
 * used HTTPS, which behind a platform router (the test's plain connection) the router says in X-Forwarded-Proto.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {
    private RunningBlog blog;

    @BeforeAll
    void start() {
        blog = RunningBlog.start(Dialect.SQLITE, "SecurityHeadersTest");
    }

    @AfterAll
    void stop() throws Exception {
        blog.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/post/999", "/static/blog.css"})
    void shouldSendTheSetWithoutStrictTransportSecurityWhenTheRequestCameOverPlainHttp(String path) {
        Response r = blog.browser().get(path);

        assertAlwaysHeaders(r);
        assertThat(r.header("Strict-Transport-Security")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/post/999", "/static/blog.css"})
    void shouldAddStrictTransportSecurityWhenTheRouterSaysTheVisitorUsedHttps(String path) {
        Response r = blog.browser().get(path, "X-Forwarded-Proto", "https");

        assertAlwaysHeaders(r);
        assertThat(r.header("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    @Test
    void shouldSendNoStrictTransportSecurityWhenTheRouterSaysTheVisitorUsedHttp() {
        Response r = blog.browser().get("/", "X-Forwarded-Proto", "http");

        assertThat(r.header("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void shouldFollowTheFirstProtocolWhenProxiesListSeveral() {
        Response https = blog.browser().get("/", "X-Forwarded-Proto", "https, http");
        Response http = blog.browser().get("/", "X-Forwarded-Proto", "http, https");

        assertThat(https.header("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(http.header("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void shouldSendTheSetOnErrorsThatJettyAnswersBeforeTheServletRuns() {
        // A Host header with a space in it is refused by Jetty's parser; the blog's handler writes the page.
        String raw = RawHttp.get(blog.uri(), "/", "bad host");

        assertThat(raw).startsWith("HTTP/1.1 400");
        SecurityHeaders.ALWAYS.forEach((name, value) -> assertThat(raw).contains(name + ": " + value + "\r\n"));
        assertThat(raw).doesNotContain("Strict-Transport-Security");
    }

    private static void assertAlwaysHeaders(Response r) {
        SecurityHeaders.ALWAYS.forEach(
                (name, value) -> assertThat(r.header(name)).as(name).hasValue(value));
    }
}
