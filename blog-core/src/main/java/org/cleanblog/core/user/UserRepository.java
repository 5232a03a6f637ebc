package org.cleanblog.core.user;

import java.util.Optional;

/** Stored users. Implementations are thread-safe. */
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

    /** How many users are stored. */
    long count();
}
