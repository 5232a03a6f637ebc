package org.cleanblog.web.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cleanblog.core.user.User;
import org.cleanblog.web.session.Session;
import org.cleanblog.web.session.SessionCodec;
import org.cleanblog.web.user.Viewer;

/**
 * One request and its response, as handlers see them: form and path parameters, the visitor, the session, and ways
 * to answer (a rendered page, a redirect, plain content). Used by one thread for one request; not thread-safe.
 */
public final class Exchange {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> pathParams;
    private final FormData form;
    private final FormData query;
    private final SessionCookie sessionCookie;
    private final Function<Session, Viewer> viewers;
    private final Templates templates;

    private Viewer viewer;

    Exchange(
            HttpServletRequest request,
            HttpServletResponse response,
            Map<String, String> pathParams,
            FormData form,
            SessionCodec sessions,
            Function<Session, Viewer> viewers,
            Templates templates) {
        this.request = request;
        this.response = response;
        this.pathParams = Map.copyOf(pathParams);
        this.form = form;
        this.query = FormData.ofQuery(request);
        this.sessionCookie = new SessionCookie(request, response, sessions);
        this.viewers = viewers;
        this.templates = templates;
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

    /** Sets a response header, e.g. {@code Retry-After} before an error is thrown. */
    public void setHeader(String name, String value) {
        response.setHeader(name, value);
    }

    /** The visitor's address, for throttling; see {@link RequestOrigin#clientAddress}. */
    public String clientAddress() {
        return RequestOrigin.clientAddress(request);
    }

    /** A path parameter as it is, such as the {@code {file}} of {@code /static/{file}}; empty when absent. */
    public String pathParam(String name) {
        return pathParams.getOrDefault(name, "");
    }

    /**
     * The logged-in user, or {@link Viewer#ANONYMOUS}; looked up once per request. A session of a user that no longer
     * counts (the user logged out elsewhere, or was deleted) is dropped, and the browser told to forget it.
     */
    public Viewer viewer() {
        if (viewer == null) {
            Session session = sessionCookie.session();
            viewer = session == null ? Viewer.ANONYMOUS : viewers.apply(session);
            if (!viewer.loggedIn() && session != null && session.user().isPresent()) {
                endSession();
            }
        }
        return viewer;
    }

    /** The CSRF token for this visitor's forms; starts an anonymous session when there is none yet. */
    public String csrfToken() {
        return sessionCookie.csrfToken();
    }

    /** Whether {@code token} is this session's CSRF token; false when there is no session. */
    boolean isValidCsrfToken(String token) {
        return sessionCookie.isValidCsrfToken(token);
    }

    /**
     * Logs {@code user} in with a brand-new session (new id, so a new CSRF token): the old one is not reused. The
     * session counts as issued no earlier than the user's {@code sessionsValidFrom}, so it is valid even if the clock
     * of the instance that stored the last logout ran ahead of this one.
     */
    public void startSession(User user) {
        sessionCookie.start(user);
        viewer = null;
    }

    /** Ends the session: the browser is told to forget the cookie. */
    public void endSession() {
        sessionCookie.end();
        viewer = Viewer.ANONYMOUS;
    }

    /** Renders {@code template} with {@code params} and the layout's {@code ctx}, and sends it with {@code status}. */
    public void render(int status, String template, Map<String, Object> params) throws IOException {
        Map<String, Object> all = new HashMap<>(params);
        all.put("ctx", viewContext());
        String html = templates.render(template, all);
        send(status, "text/html; charset=UTF-8", html);
    }

    ViewContext viewContext() {
        Viewer v = viewer();
        return new ViewContext(v, sessionCookie.existingCsrfToken(), path());
    }

    /** 303 See Other to {@code location} (a path on this site), so a refresh does not repeat a POST. */
    public void redirect(String location) {
        sessionCookie.write();
        response.setStatus(303);
        response.setHeader("Location", location);
        response.setContentLength(0);
    }

    /** Sends {@code body} as it is. */
    public void send(int status, String contentType, String body) throws IOException {
        sessionCookie.write();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }

    /** Sends a file of the jar; browsers may keep it for a day. */
    public void sendAsset(String contentType, byte[] bytes) throws IOException {
        response.setStatus(200);
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }

    /** The scheme and host the visitor used, for absolute links in feeds; see {@link RequestOrigin#baseUrl}. */
    public String baseUrl() {
        return RequestOrigin.baseUrl(request);
    }
}
