package org.cleanblog.web.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.cleanblog.web.session.SessionCodec;

/**
 * One request and its response, as handlers see them: what the request says (form, query and path parameters, the
 * client's address), its {@link #session() session}, and ways to answer (a redirect, content, a file of the jar).
 * Pages are rendered by the view layer and sent with {@link #send}. Used by one thread for one request; not
 * thread-safe.
 */
public final class Exchange {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> pathParams;
    private final FormData form;
    private final FormData query;
    private final SessionCookie session;
    private final RequestOrigin origin;

    Exchange(
            HttpServletRequest request,
            HttpServletResponse response,
            Map<String, String> pathParams,
            FormData form,
            SessionCodec sessions,
            RequestOrigin origin) {
        this.origin = origin;
        this.request = request;
        this.response = response;
        this.pathParams = Map.copyOf(pathParams);
        this.form = form;
        this.query = FormData.ofQuery(request);
        this.session = new SessionCookie(request, response, sessions, origin.isHttps(request));
    }

    public String method() {
        return request.getMethod();
    }

    public String path() {
        return request.getRequestURI();
    }

    /** A field of the URL-encoded form body (never of the query string), never null: empty when absent. */
    public String form(String name) {
        String value = form.get(name);
        return value == null ? "" : value;
    }

    /** A query parameter, or empty when absent. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * A path parameter that must be a positive number, such as the {@code {id}} of {@code /post/{id}}: ASCII digits,
     * no leading zero (see {@link PositiveNumber}).
     *
     * @throws HttpError 404 when it breaks that rule
     */
    public long pathId(String name) {
        return PositiveNumber.parse(pathParams.get(name), Long.MAX_VALUE).orElseThrow(HttpError::notFound);
    }

    /**
     * The {@code ?page=N} query parameter, 1 when absent; the same rule as {@link #pathId}.
     *
     * @throws HttpError 404 when it is present and breaks that rule
     */
    public int pageNumber() {
        String raw = query.get("page");
        if (raw == null) {
            return 1;
        }
        return (int) PositiveNumber.parse(raw, 1_000_000).orElseThrow(HttpError::notFound);
    }

    /** A path parameter as it is, such as the {@code {file}} of {@code /static/{file}}; empty when absent. */
    public String pathParam(String name) {
        return pathParams.getOrDefault(name, "");
    }

    /** The visitor's address, for throttling; see {@link RequestOrigin#clientAddress}. */
    public String clientAddress() {
        return origin.clientAddress(request);
    }

    /** The scheme and host the visitor used, for absolute links in feeds; see {@link RequestOrigin#baseUrl}. */
    public String baseUrl() {
        return origin.baseUrl(request);
    }

    /** The visitor's session: who is logged in, the CSRF token for forms, logging in and out. */
    public SessionCookie session() {
        return session;
    }

    /** Sets a response header, e.g. {@code Retry-After} before an error is thrown. */
    public void setHeader(String name, String value) {
        response.setHeader(name, value);
    }

    /** 303 See Other to {@code location} (a path on this site), so a refresh does not repeat a POST. */
    public void redirect(String location) {
        session.write();
        response.setStatus(303);
        response.setHeader("Location", location);
        response.setContentLength(0);
    }

    /** Sends {@code body} as it is, with the session cookie if it changed; no body for a {@code HEAD} request. */
    public void send(int status, String contentType, String body) throws IOException {
        session.write();
        write(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a page that is the same for every visitor without a session (ADR 0035), with {@code Vary: Cookie}. When the
     * request brought no session cookie and the page sets none, a shared cache may keep it for {@code sharedFor} and
     * a browser must ask again each time ({@code public, max-age=0, s-maxage=N}), with its entity tag, so that asking
     * again costs a 304 when nothing changed. A request with a session gets it as any page: {@code no-store}.
     */
    public void sendSharedPage(CachedBody body, Duration sharedFor) throws IOException {
        response.addHeader("Vary", "Cookie");
        if (session.isAbsent()) {
            response.setHeader("Cache-Control", "public, max-age=0, s-maxage=" + sharedFor.toSeconds());
            sendTagged(body);
        } else {
            session.write();
            write(200, body.contentType(), body.bytes());
        }
    }

    /**
     * Sends a body that is the same for everyone and says nothing of the visitor (the feed, the sitemap), which any
     * cache may keep for {@code maxAge}; answers 304 without it when {@code If-None-Match} names its entity tag. No
     * session cookie is set on such a response, whatever the request brought: a shared cache must not keep one.
     */
    public void sendPublic(CachedBody body, Duration maxAge) throws IOException {
        response.setHeader("Cache-Control", "public, max-age=" + maxAge.toSeconds());
        sendTagged(body);
    }

    /**
     * Sends a file of the jar. {@code immutable} for a name that holds the file's content hash, which a cache may keep
     * for a year without asking again; otherwise a cache must ask each time (its entity tag makes that a 304).
     */
    public void sendAsset(CachedBody body, boolean immutable) throws IOException {
        response.setHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "public, no-cache");
        sendTagged(body);
    }

    private void sendTagged(CachedBody body) throws IOException {
        response.setHeader("ETag", body.etag());
        if (body.isNamedBy(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        write(200, body.contentType(), body.bytes());
    }

    private void write(int status, String contentType, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }
}
