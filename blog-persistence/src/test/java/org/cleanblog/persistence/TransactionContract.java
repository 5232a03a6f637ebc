package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cleanblog.persistence.testing.Fixtures.comment;
import static org.cleanblog.persistence.testing.Fixtures.content;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.ConflictException;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.testing.DatabaseContract;
import org.junit.jupiter.api.Test;

/** The {@link org.cleanblog.core.Transactions} contract of {@link BlogDatabase}, run on each dialect. */
abstract class TransactionContract extends DatabaseContract {
    TransactionContract(Dialect dialect) {
        super(dialect);
    }

    @Test
    void shouldCommitEveryWriteWhenTheWorkReturns() {
        Post post = db.inTransaction(tx -> {
            User author = tx.users().create(newUser("tx@example.org"));
            Post created = tx.posts().create(author.id(), content("In a transaction"));
            tx.comments().create(comment(created.id(), author.id(), "and a comment"));
            return created;
        });

        assertThat(db.posts().findById(post.id())).contains(post);
        assertThat(db.comments().findByPost(post.id())).hasSize(1);
    }

    @Test
    void shouldSeeItsOwnWritesInsideTheTransaction() {
        long seen = db.inTransaction(tx -> {
            User author = tx.users().create(newUser("self@example.org"));
            tx.posts().create(author.id(), content("Visible"));
            return tx.posts().count()
                    + tx.users().findByEmail("SELF@example.org").map(u -> 10L).orElse(0L);
        });

        assertThat(seen).isEqualTo(11);
    }

    @Test
    void shouldRollBackEveryWriteAndRethrowWhenTheWorkThrows() {
        IllegalStateException failure = new IllegalStateException("changed my mind");

        assertThatThrownBy(() -> db.inTransaction(tx -> {
                    User author = tx.users().create(newUser("gone@example.org"));
                    tx.posts().create(author.id(), content("Never published"));
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(db.users().count()).isZero();
        assertThat(db.posts().count()).isZero();
        assertThat(db.users().findByEmail("gone@example.org")).isEmpty();
    }

    @Test
    void shouldRollBackEarlierWritesWhenALaterOneConflicts() {
        db.users().create(newUser("exists@example.org"));

        assertThatThrownBy(() -> db.inTransaction(tx -> {
                    tx.users().create(newUser("new@example.org"));
                    return tx.users().create(newUser("EXISTS@example.org"));
                }))
                .isInstanceOf(ConflictException.class);

        assertThat(db.users().count()).isEqualTo(1);
        assertThat(db.users().findByEmail("new@example.org")).isEmpty();
    }

    @Test
    void shouldRefuseRepositoriesUsedAfterTheirTransactionEnded() {
        BlogRepositories leaked = db.inTransaction(tx -> tx);

        assertThatThrownBy(() -> leaked.users().count())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only inside inTransaction");
    }

    @Test
    void shouldRefuseAWriteOutsideTheTransactionFromInsideItsWork() {
        assertThatThrownBy(() -> db.inTransaction(tx -> db.users().create(newUser("nested@example.org"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use the repositories handed to the transaction");
        assertThat(db.users().count()).isZero();
    }
}
