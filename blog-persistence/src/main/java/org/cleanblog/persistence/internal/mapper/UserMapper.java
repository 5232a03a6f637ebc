package org.cleanblog.persistence.internal.mapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;
import org.cleanblog.core.user.User;

/**
 * SQL of the {@code users} table; statements in {@code UserMapper.xml}.
 *
 * <p><strong>Internal:</strong> public only because MyBatis builds a proxy of it; not part of the API, and it may
 * change in any release without notice.
 */
public interface UserMapper {
    /** Serialises user creation, so that "no user exists yet" stays true until the insert that relies on it. */
    long lockUserCreation();

    /** Inserts a user, admin exactly when no user exists yet, and returns the new id. */
    long insert(
            @Param("email") String email,
            @Param("emailNormalized") String emailNormalized,
            @Param("name") String name,
            @Param("passwordHash") String passwordHash,
            @Param("createdAt") Instant createdAt);

    Optional<User> findById(@Param("id") long id);

    Optional<User> findByEmailNormalized(@Param("emailNormalized") String emailNormalized);

    int updatePasswordHash(@Param("id") long id, @Param("passwordHash") String passwordHash);

    int endSessions(@Param("id") long id, @Param("validFrom") Instant validFrom);

    long count();

    List<User> findAdmins();

    /** How many admins there are besides the user with this id. */
    long countOtherAdmins(@Param("id") long id);

    int setAdmin(@Param("id") long id, @Param("admin") boolean admin);
}
