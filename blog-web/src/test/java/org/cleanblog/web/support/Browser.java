package org.cleanblog.web.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor: an HTTP client that does not follow redirects and keeps the session cookie, as a browser would. Not
 * thread-safe.
 */
public final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"");
    private static final Pattern SESSION = Pattern.compile("^blog_session=([^;]*);.*Max-Age=(\\d+)");

    private final HttpClient client;
    private final URI base;
    private String session;

    Browser(HttpClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    /** The current session cookie value, or null. */
    public String sessionCookie() {
        return session;
    }

    /** Replaces the cookie, e.g. to replay an old one. */
    public void setSessionCookie(String value) {
        session = value;
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response get(String path, String headerName, String headerValue) {
        return send(request(path).header(headerName, headerValue).GET().build());
    }

    /** A form POST exactly as given: no CSRF token is added. */
    public Response post(String path, Map<String, String> fields) {
        return post(path, fields, "X-Blog-Test", "1");
    }

    /** A form POST exactly as given, with one extra request header. */
    public Response post(String path, Map<String, String> fields, String headerName, String headerValue) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(headerName, headerValue)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * A form POST whose body has no announced length, so the client sends it chunked ({@code Transfer-Encoding:
     * chunked}): the server learns its size only by reading it. No CSRF token is added.
     */
    public Response postChunked(String path, Map<String, String> fields) {
        byte[] body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.UTF_8);
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
    }

    /** The CSRF token found on the page at {@code pagePath} (which sets the session cookie if needed). */
    public String csrfToken(String pagePath) {
        Response page = get(pagePath);
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no csrf_token on " + pagePath + " (status " + page.status() + ")");
        }
        return m.group(1);
    }

    /** Loads {@code pagePath} like a visitor, then posts {@code fields} and its CSRF token to {@code action}. */
    public Response submit(String pagePath, String action, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf_token", csrfToken(pagePath));
        return post(action, all);
    }

    public Response register(String name, String email, String password) {
        return submit("/register", "/register", Map.of("name", name, "email", email, "password", password));
    }

    public Response login(String email, String password) {
        return submit("/login", "/login", Map.of("email", email, "password", password));
    }

    public Response logout() {
        return submit("/", "/logout", Map.of());
    }

    /** Writes a post as the logged-in admin and returns its id. */
    public long writePost(String title, String subtitle, String body) {
        Response r = submit(
                "/new-post", "/new-post", Map.of("title", title, "subtitle", subtitle, "img_url", "", "body", body));
        if (r.status() != 303 || !r.location().startsWith("/post/")) {
            throw new AssertionError("writing a post failed: " + r.status() + " " + r.body());
        }
        return Long.parseLong(r.location().substring("/post/".length()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (session != null) {
            builder.header("Cookie", "blog_session=" + session);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String cookie : r.headers().allValues("Set-Cookie")) {
                Matcher m = SESSION.matcher(cookie);
                if (m.find()) {
                    session = m.group(2).equals("0") ? null : m.group(1);
                }
            }
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
