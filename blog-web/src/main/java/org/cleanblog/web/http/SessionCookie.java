package org.cleanblog.web.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.cleanblog.web.session.Session;
import org.cleanblog.web.session.SessionCodec;

/**
 * The session of one request, carried by the signed {@code blog_session} cookie (ADR 0005): the session the request
 * brought, its CSRF token, starting and ending a session, and the {@code Set-Cookie} the response needs. Values derived
 * from the session (who the visitor is) are kept for the rest of the request and forgotten when the session starts or
 * ends. Used by one thread for one request; not thread-safe.
 */
public final class SessionCookie {
    static final String NAME = "blog_session";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final SessionCodec sessions;
    private final boolean https;
    private final Map<Class<?>, Object> derived = new HashMap<>();

    private Session session;
    private boolean changed;
    private boolean ended;
    private boolean carried;

    /**
     * Reads the cookie of {@code request}; one that {@link SessionCodec#decode} refuses means no session, and the
     * response clears it.
     *
     * @param https whether the visitor used HTTPS ({@link RequestOrigin#isHttps}): the cookie is then {@code Secure}
     */
    SessionCookie(HttpServletRequest request, HttpServletResponse response, SessionCodec sessions, boolean https) {
        this.request = request;
        this.response = response;
        this.sessions = sessions;
        this.https = https;
        read();
    }

    /** The current session: the one the request brought or one started since; empty when there is none. */
    public Optional<Session> current() {
        return Optional.ofNullable(session);
    }

    /**
     * The CSRF token of the session, for a form that is being rendered; starts an anonymous session when there is none
     * yet, so that the form posts back a token the next request accepts.
     */
    public String csrfToken() {
        if (session == null) {
            session = sessions.newSession(0);
            changed = true;
            ended = false;
        }
        return sessions.csrfToken(session);
    }

    /** Whether {@code token} is this session's CSRF token; false when there is no session. */
    boolean isValidCsrfToken(String token) {
        return session != null && sessions.isValidCsrfToken(session, token);
    }

    /**
     * Logs a user in with a brand-new session (new id, so a new CSRF token): the old one is not reused. The session
     * counts as issued no earlier than {@code notBefore} (the user's {@code sessionsValidFrom}), so it is valid even if
     * the clock of the instance that stored the last logout ran ahead of this one.
     */
    public void start(long userId, Instant notBefore) {
        session = sessions.newSession(userId, notBefore);
        changed = true;
        ended = false;
        derived.clear();
    }

    /** Ends the session: the response tells the browser to forget the cookie. */
    public void end() {
        session = null;
        changed = false;
        ended = true;
        derived.clear();
    }

    /**
     * The value of type {@code T} that {@code compute} derives from this session, such as the visitor looked up in the
     * database: computed on first use, then kept until the session starts or ends. {@code compute} may end the session
     * (a session of a user who logged out elsewhere); what it returns is kept all the same.
     *
     * @throws NullPointerException when {@code compute} returns null
     */
    public <T> T derived(Class<T> type, Function<SessionCookie, T> compute) {
        Object known = derived.get(type);
        if (known != null) {
            return type.cast(known);
        }
        T value = Objects.requireNonNull(compute.apply(this), () -> "no " + type.getSimpleName() + " for the session");
        derived.put(type, value);
        return value;
    }

    /**
     * Whether the request brought no session cookie at all and none is to be set: the response then says nothing
     * about this visitor's session, and a shared cache may keep it.
     */
    boolean isAbsent() {
        return !carried && session == null && !changed && !ended;
    }

    /** Adds the {@code Set-Cookie} header the response needs, if any; at most once per change. */
    void write() {
        if (changed && session != null) {
            response.addHeader("Set-Cookie", header(sessions.encode(session), sessions.secondsLeft(session)));
        } else if (ended) {
            response.addHeader("Set-Cookie", header("", 0));
        }
        changed = false;
        ended = false;
    }

    private void read() {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                carried = true;
                Optional<SessionCodec.Verified> verified = sessions.decode(cookie.getValue());
                if (verified.isPresent()) {
                    session = verified.get().session();
                    // Re-sign with the current key so that the fallback key can be retired.
                    changed = verified.get().signedWithFallback();
                } else {
                    // Forged, expired, or signed with a retired key: the browser is told to forget it, or it would
                    // send the dead cookie with every request until its Max-Age ran out.
                    ended = true;
                }
                return;
            }
        }
    }

    private String header(String value, long maxAge) {
        return NAME + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (https ? "; Secure" : "");
    }
}
