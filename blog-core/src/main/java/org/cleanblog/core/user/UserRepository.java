package org.cleanblog.core.user;

import java.time.Instant;
import java.util.Optional;

/**
 * Stored users.
 *
 * <p>Every method may throw {@link org.cleanblog.core.StorageException} when the database is unreachable or fails, and
 * {@link org.cleanblog.core.ValidationException} for a null argument where an object is expected (naming it).
 * Implementations are thread-safe.
 */
public interface UserRepository {
    /**
     * Stores a new user. The first user ever stored becomes the admin.
     *
     * @throws org.cleanblog.core.ConflictException when a user with the same e-mail, ignoring case, exists
     */
    User create(NewUser user);

    /** The user with this id, or empty. */
    Optional<User> findById(long id);

    /** The user whose e-mail equals {@code email} ignoring case, or empty (also for a null or blank argument). */
    Optional<User> findByEmail(String email);

    /**
     * Replaces the stored password hash, for example when a login upgrades an older hash.
     *
     * @throws org.cleanblog.core.NotFoundException when no user has this id
     */
    void updatePasswordHash(long id, String passwordHash);

    /**
     * Ends every session of the user issued until now, on every device: from now on a session is valid only when it
     * was issued at or after the returned instant ({@link User#sessionsValidFrom()}). Logout calls this.
     *
     * @throws org.cleanblog.core.NotFoundException when no user has this id
     */
    Instant endSessions(long id);

    /** How many users are stored. */
    long count();
}
