package org.cleanblog.core.user;

import java.time.Instant;
import java.util.List;
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

    /** The users who have the admin right, oldest account first; never null, empty when there is none. */
    List<User> findAdmins();

    /**
     * Gives the user the admin right; nothing changes when they have it already. This is the operator's way to make an
     * admin (the {@code admin grant} command), besides the first registration ({@link #create}).
     *
     * @return the user as stored afterwards
     * @throws org.cleanblog.core.NotFoundException when no user has this id
     */
    User grantAdmin(long id);

    /**
     * Takes the admin right from the user; nothing changes when they do not have it. The last admin keeps it unless
     * {@code evenTheLast} is true, so that a blog is not left without an admin by mistake. The check and the change are
     * one transaction, serialised with registrations and other revocations, so two revocations at once cannot both
     * pass the check.
     *
     * @param evenTheLast whether the last admin may lose the right (a blog without admin gets none back by itself:
     *     only a new {@link #grantAdmin} makes one, since registrations make an admin only while no user exists)
     * @return the user as stored afterwards
     * @throws org.cleanblog.core.NotFoundException when no user has this id
     * @throws org.cleanblog.core.ConflictException when the user is the only admin and {@code evenTheLast} is false
     */
    User revokeAdmin(long id, boolean evenTheLast);
}
