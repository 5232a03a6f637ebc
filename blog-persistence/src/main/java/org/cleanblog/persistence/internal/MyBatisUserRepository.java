package org.cleanblog.persistence.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.ibatis.exceptions.PersistenceException;
import org.cleanblog.core.ConflictException;
import org.cleanblog.core.NotFoundException;
import org.cleanblog.core.internal.Check;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
import org.cleanblog.core.user.User;
import org.cleanblog.core.user.UserRepository;
import org.cleanblog.persistence.internal.mapper.UserMapper;

/** {@link UserRepository} on MyBatis. Thread-safe when its runner is. */
final class MyBatisUserRepository implements UserRepository {
    private final SqlRunner runner;
    private final Clock clock;

    MyBatisUserRepository(SqlRunner runner, Clock clock) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public User create(NewUser user) {
        Check.notNull("user", user);
        return runner.write("create a user", session -> {
            UserMapper mapper = session.getMapper(UserMapper.class);
            mapper.lockUserCreation();
            long id;
            try {
                id = mapper.insert(
                        user.email().value(),
                        user.email().normalized(),
                        user.name(),
                        user.passwordHash(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
            } catch (PersistenceException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw new ConflictException("a user with e-mail " + user.email() + " already exists", e);
                }
                throw e;
            }
            return mapper.findById(id).orElseThrow();
        });
    }

    @Override
    public Optional<User> findById(long id) {
        return runner.read(
                "find user " + id,
                session -> session.getMapper(UserMapper.class).findById(id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        if (email == null || email.isBlank() || email.indexOf('\0') >= 0) {
            // No stored address holds a NUL (PostgreSQL text cannot, and inserts refuse control characters); asking
            // PostgreSQL would fail the call ("invalid byte sequence"), where SQLite answers nobody.
            return Optional.empty();
        }
        // Email's one rule, as on insert, so that both dialects compare the same strings; a malformed address simply
        // matches nobody.
        String normalized = Email.normalize(email);
        return runner.read(
                "find a user by e-mail",
                session -> session.getMapper(UserMapper.class).findByEmailNormalized(normalized));
    }

    @Override
    public void updatePasswordHash(long id, String passwordHash) {
        Check.text("password hash", passwordHash, NewUser.MAX_HASH_LENGTH);
        int updated = runner.write(
                "update the password of user " + id,
                session -> session.getMapper(UserMapper.class).updatePasswordHash(id, passwordHash));
        if (updated == 0) {
            throw NotFoundException.of("user", id);
        }
    }

    @Override
    public Instant endSessions(long id) {
        Instant validFrom = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int updated = runner.write(
                "end the sessions of user " + id,
                session -> session.getMapper(UserMapper.class).endSessions(id, validFrom));
        if (updated == 0) {
            throw NotFoundException.of("user", id);
        }
        return validFrom;
    }

    @Override
    public long count() {
        return runner.read(
                "count users", session -> session.getMapper(UserMapper.class).count());
    }

    @Override
    public List<User> findAdmins() {
        return runner.read(
                "find the admins",
                session -> session.getMapper(UserMapper.class).findAdmins());
    }

    @Override
    public User grantAdmin(long id) {
        return runner.write("make user " + id + " an admin", session -> {
            UserMapper mapper = session.getMapper(UserMapper.class);
            if (mapper.setAdmin(id, true) == 0) {
                throw NotFoundException.of("user", id);
            }
            return mapper.findById(id).orElseThrow();
        });
    }

    @Override
    public User revokeAdmin(long id, boolean evenTheLast) {
        return runner.write("take the admin right from user " + id, session -> {
            UserMapper mapper = session.getMapper(UserMapper.class);
            // The registrations' lock: a concurrent revocation waits here and then counts what this one left.
            mapper.lockUserCreation();
            User user = mapper.findById(id).orElseThrow(() -> NotFoundException.of("user", id));
            if (!user.admin()) {
                return user;
            }
            if (!evenTheLast && mapper.countOtherAdmins(id) == 0) {
                throw new ConflictException(
                        user.email() + " is the only admin, and a blog without an admin cannot be written to");
            }
            mapper.setAdmin(id, false);
            return mapper.findById(id).orElseThrow();
        });
    }
}
