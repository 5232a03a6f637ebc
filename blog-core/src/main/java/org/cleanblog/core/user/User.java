package org.cleanblog.core.user;

import java.time.Instant;

/**
 * A stored user. {@code admin} is true for the first user ever registered, for users imported as the tutorial's admin,
 * and for users the operator made admins ({@link UserRepository#grantAdmin}); it is the only source of the admin
 * right. A session of this user is valid only when it was issued at or
 * after {@code sessionsValidFrom} (the creation time, moved forward by {@link UserRepository#endSessions}).
 */
public record User(
        long id,
        String email,
        String name,
        String passwordHash,
        boolean admin,
        Instant createdAt,
        Instant sessionsValidFrom) {
    /** Whether a session of this user issued at {@code issuedAt} is still valid. */
    public boolean acceptsSessionIssuedAt(Instant issuedAt) {
        return !issuedAt.isBefore(sessionsValidFrom);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + ", name=" + name + ", admin=" + admin + ", passwordHash=***]";
    }
}
