package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cleanblog.core.ConflictException;
import org.cleanblog.core.NotFoundException;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.testing.DatabaseContract;
import org.cleanblog.persistence.testing.TestClock;
import org.junit.jupiter.api.Test;

/** The {@link org.cleanblog.core.user.UserRepository} contract, run on each dialect by its subclasses. */
abstract class UserRepositoryContract extends DatabaseContract {
    UserRepositoryContract(Dialect dialect) {
        super(dialect);
    }

    @Test
    void shouldStoreEveryFieldWhenCreatingAUser() {
        User created = db.users().create(new NewUser(new Email("Ada@Example.org"), "Ada", "hash-1"));

        assertThat(created.id()).isPositive();
        assertThat(created.email()).isEqualTo("Ada@Example.org");
        assertThat(created.name()).isEqualTo("Ada");
        assertThat(created.passwordHash()).isEqualTo("hash-1");
        assertThat(created.createdAt()).isEqualTo(TestClock.DEFAULT_START.truncatedTo(ChronoUnit.MICROS));
        assertThat(db.users().findById(created.id())).contains(created);
    }

    @Test
    void shouldAcceptSessionsFromTheCreationTimeOnUntilTheyAreEnded() {
        User created = db.users().create(newUser("ada@example.org"));
        assertThat(created.sessionsValidFrom()).isEqualTo(created.createdAt());
        Instant issuedAtLogin = created.createdAt().plusSeconds(5);
        assertThat(created.acceptsSessionIssuedAt(issuedAtLogin)).isTrue();

        clock.set(issuedAtLogin.plusSeconds(60));
        Instant validFrom = db.users().endSessions(created.id());

        User after = db.users().findById(created.id()).orElseThrow();
        assertThat(after.sessionsValidFrom()).isEqualTo(validFrom).isAfter(issuedAtLogin);
        assertThat(after.acceptsSessionIssuedAt(issuedAtLogin)).isFalse();
        assertThat(after.acceptsSessionIssuedAt(validFrom)).isTrue();
        assertThat(after.passwordHash()).isEqualTo(created.passwordHash());
    }

    @Test
    void shouldReportAMissingUserWhenEndingTheirSessions() {
        assertThatThrownBy(() -> db.users().endSessions(404))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("user 404 does not exist");
    }

    @Test
    void shouldMakeOnlyTheFirstUserAdminWhenSeveralRegister() {
        User first = db.users().create(newUser("first@example.org"));
        User second = db.users().create(newUser("second@example.org"));

        assertThat(first.admin()).isTrue();
        assertThat(second.admin()).isFalse();
    }

    @Test
    void shouldMakeExactlyOneAdminWhenTheFirstUsersRegisterAtOnce() throws Exception {
        int registrations = 12;
        ExecutorService pool = Executors.newFixedThreadPool(registrations);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<User>> results = new ArrayList<>();
            for (int i = 0; i < registrations; i++) {
                String email = "racer" + i + "@example.org";
                results.add(pool.submit(() -> {
                    start.await();
                    return db.users().create(newUser(email));
                }));
            }
            start.countDown();
            List<User> users = new ArrayList<>();
            for (Future<User> result : results) {
                users.add(result.get());
            }

            assertThat(users).filteredOn(User::admin).hasSize(1);
            assertThat(db.users().count()).isEqualTo(registrations);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldFindAUserByEmailIgnoringCaseAndSurroundingSpace() {
        User created = db.users().create(newUser("Grace.Hopper@Example.org"));

        assertThat(db.users().findByEmail("grace.hopper@example.ORG")).contains(created);
        assertThat(db.users().findByEmail("  GRACE.HOPPER@EXAMPLE.ORG ")).contains(created);
    }

    @Test
    void shouldFindNobodyWhenTheEmailIsUnknownBlankOrMalformed() {
        db.users().create(newUser("someone@example.org"));

        assertThat(db.users().findByEmail("nobody@example.org")).isEmpty();
        assertThat(db.users().findByEmail(null)).isEmpty();
        assertThat(db.users().findByEmail("  ")).isEmpty();
        assertThat(db.users().findByEmail("not an address")).isEmpty();
        // HostileInputTest found it: PostgreSQL refused the NUL with an error, SQLite answered nobody.
        assertThat(db.users().findByEmail("grace\0@example.org")).isEmpty();
        assertThat(db.users().findByEmail("\0")).isEmpty();
        assertThat(db.users().findById(424242)).isEmpty();
    }

    @Test
    void shouldRejectASecondUserWhoseEmailDiffersOnlyInCase() {
        db.users().create(newUser("taken@example.org"));

        assertThatThrownBy(() -> db.users().create(newUser("TAKEN@Example.ORG")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("a user with e-mail TAKEN@Example.ORG already exists");
        assertThat(db.users().count()).isEqualTo(1);
    }

    @Test
    void shouldReplaceThePasswordHashWhenUpdated() {
        User created = db.users().create(newUser("rehash@example.org"));

        db.users().updatePasswordHash(created.id(), "pbkdf2:sha256:600000$new$hash");

        assertThat(db.users().findById(created.id()).orElseThrow().passwordHash())
                .isEqualTo("pbkdf2:sha256:600000$new$hash");
    }

    @Test
    void shouldReportAMissingUserWhenUpdatingItsPasswordHash() {
        assertThatThrownBy(() -> db.users().updatePasswordHash(987654, "hash"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("user 987654 does not exist");
    }

    @Test
    void shouldListTheAdminsOldestFirst() {
        assertThat(db.users().findAdmins()).isEmpty();
        User first = db.users().create(newUser("first@example.org"));
        db.users().create(newUser("second@example.org"));
        User third = db.users().create(newUser("third@example.org"));

        User granted = db.users().grantAdmin(third.id());

        assertThat(granted.admin()).isTrue();
        assertThat(db.users().findAdmins()).containsExactly(first, granted);
    }

    @Test
    void shouldGrantTheAdminRightAndChangeNothingWhenGrantedAgain() {
        db.users().create(newUser("first@example.org"));
        User second = db.users().create(newUser("second@example.org"));

        db.users().grantAdmin(second.id());
        User again = db.users().grantAdmin(second.id());

        assertThat(again.admin()).isTrue();
        assertThat(again.passwordHash()).isEqualTo(second.passwordHash());
        assertThat(again.sessionsValidFrom()).isEqualTo(second.sessionsValidFrom());
        assertThat(db.users().findById(second.id()).orElseThrow().admin()).isTrue();
    }

    @Test
    void shouldReportAMissingUserWhenGrantingOrRevokingTheAdminRight() {
        assertThatThrownBy(() -> db.users().grantAdmin(5150))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("user 5150 does not exist");
        assertThatThrownBy(() -> db.users().revokeAdmin(5150, true))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("user 5150 does not exist");
    }

    @Test
    void shouldRevokeTheAdminRightWhileAnotherAdminRemains() {
        User first = db.users().create(newUser("first@example.org"));
        User second = db.users()
                .grantAdmin(db.users().create(newUser("second@example.org")).id());

        User revoked = db.users().revokeAdmin(first.id(), false);

        assertThat(revoked.admin()).isFalse();
        assertThat(db.users().findAdmins()).containsExactly(second);
    }

    @Test
    void shouldChangeNothingWhenRevokingFromAUserWhoIsNoAdmin() {
        db.users().create(newUser("first@example.org"));
        User plain = db.users().create(newUser("plain@example.org"));

        assertThat(db.users().revokeAdmin(plain.id(), false)).isEqualTo(plain);
    }

    @Test
    void shouldKeepTheLastAdminUnlessTheRevocationIsForced() {
        User only = db.users().create(newUser("only@example.org"));

        assertThatThrownBy(() -> db.users().revokeAdmin(only.id(), false))
                .isInstanceOf(ConflictException.class)
                .hasMessage("only@example.org is the only admin, and a blog without an admin cannot be written to");
        assertThat(db.users().findAdmins()).containsExactly(only);

        assertThat(db.users().revokeAdmin(only.id(), true).admin()).isFalse();
        assertThat(db.users().findAdmins()).isEmpty();
        assertThat(db.users().create(newUser("later@example.org")).admin())
                .as("registration makes an admin only while no user exists")
                .isFalse();
    }

    @Test
    void shouldLeaveOneAdminWhenTheLastTwoAreRevokedAtOnce() throws Exception {
        User first = db.users().create(newUser("first@example.org"));
        User second = db.users()
                .grantAdmin(db.users().create(newUser("second@example.org")).id());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<User>> results = new ArrayList<>();
            for (User admin : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    start.await();
                    return db.users().revokeAdmin(admin.id(), false);
                }));
            }
            start.countDown();
            int refused = 0;
            for (Future<User> result : results) {
                try {
                    result.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                    refused++;
                }
            }

            assertThat(refused).isEqualTo(1);
            assertThat(db.users().findAdmins()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldCountStoredUsers() {
        assertThat(db.users().count()).isZero();

        db.users().create(newUser("one@example.org"));
        db.users().create(newUser("two@example.org"));

        assertThat(db.users().count()).isEqualTo(2);
    }
}
