package org.cleanblog.core.user;

import java.time.Instant;

/**
 * A stored user. {@code admin} is true for the first user ever registered (and for users imported as the tutorial's
 * admin); the web layer may add admins by configuration.
 */
public record User(long id, String email, String name, String passwordHash, boolean admin, Instant createdAt) {
    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + ", name=" + name + ", admin=" + admin + ", passwordHash=***]";
    }
}
