package org.cleanblog.web.session;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * What the signed session cookie carries: a random session id, the logged-in user (if any), when it was issued and the
 * instant after which the cookie is no longer accepted. There is no server-side session state (ADR 0005); a user's
 * sessions issued before their logout are refused by comparing {@code issuedAt} with the user's
 * {@code sessionsValidFrom} (ADR 0010).
 *
 * @param id random, URL-safe, unique per login; the CSRF token is derived from it
 * @param userId the logged-in user's id, or 0 for an anonymous visitor
 * @param issuedAt when the session was started, to the microsecond
 * @param expiresAt the cookie is refused from this instant on
 */
public record Session(String id, long userId, Instant issuedAt, Instant expiresAt) {
    public Session {
        if (id == null || id.isEmpty() || id.indexOf('|') >= 0) {
            throw new IllegalArgumentException("session id must be a non-empty string without '|'");
        }
        if (userId < 0) {
            throw new IllegalArgumentException("user id must be 0 (anonymous) or positive, was " + userId);
        }
        if (issuedAt == null || expiresAt == null) {
            throw new IllegalArgumentException("issuedAt and expiresAt must not be null");
        }
    }

    /** The logged-in user's id, or empty for an anonymous visitor. */
    public OptionalLong user() {
        return userId == 0 ? OptionalLong.empty() : OptionalLong.of(userId);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
