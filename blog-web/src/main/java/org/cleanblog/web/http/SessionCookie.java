package org.cleanblog.web.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cleanblog.core.user.User;
import org.cleanblog.web.session.Session;
import org.cleanblog.web.session.SessionCodec;

/**
 * The {@code blog_session} cookie of one {@link Exchange}: the session the request brought, and whether the response
 * must set a new cookie or tell the browser to forget it. Used by one thread for one request; not thread-safe.
 */
final class SessionCookie {
    static final String NAME = "blog_session";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final SessionCodec sessions;

    private Session session;
    private boolean changed;
    private boolean ended;

    /** Reads the cookie of {@code request}; one that {@link SessionCodec#decode} refuses means no session. */
    SessionCookie(HttpServletRequest request, HttpServletResponse response, SessionCodec sessions) {
        this.request = request;
        this.response = response;
        this.sessions = sessions;
        read();
    }

    /** The current session, or null when there is none. */
    Session session() {
        return session;
    }

    /** The CSRF token of the session; starts an anonymous session when there is none yet. */
    String csrfToken() {
        if (session == null) {
            session = sessions.newSession(0);
            changed = true;
            ended = false;
        }
        return sessions.csrfToken(session);
    }

    /** The CSRF token of the session, or empty when there is none; never starts one. */
    String existingCsrfToken() {
        return session != null ? sessions.csrfToken(session) : "";
    }

    /** Whether {@code token} is this session's CSRF token; false when there is no session. */
    boolean isValidCsrfToken(String token) {
        return session != null && sessions.isValidCsrfToken(session, token);
    }

    /** Replaces the session with a brand-new one for {@code user}; see {@link Exchange#startSession}. */
    void start(User user) {
        session = sessions.newSession(user.id(), user.sessionsValidFrom());
        changed = true;
        ended = false;
    }

    /** Drops the session; the next {@link #write} tells the browser to forget the cookie. */
    void end() {
        session = null;
        changed = false;
        ended = true;
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
                sessions.decode(cookie.getValue()).ifPresent(verified -> {
                    session = verified.session();
                    // Re-sign with the current key so that the fallback key can be retired.
                    changed = verified.signedWithFallback();
                });
                return;
            }
        }
    }

    private String header(String value, long maxAge) {
        return NAME + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (RequestOrigin.isHttps(request) ? "; Secure" : "");
    }
}
