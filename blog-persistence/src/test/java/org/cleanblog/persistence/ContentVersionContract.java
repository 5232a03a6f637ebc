package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanblog.persistence.testing.Fixtures.comment;
import static org.cleanblog.persistence.testing.Fixtures.content;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.cleanblog.core.contact.NewContactMessage;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The content version of ADR 0034 on each dialect: it changes with every committed write to users, posts and comments,
 * whoever makes it (the library or a plain connection, as another process would), not before the write commits, and
 * not for the tables no kept page shows; the listeners hear of the library's own writes once they are committed.
 */
abstract class ContentVersionContract {
    private final Dialect dialect;
    protected TestDatabase database;
    protected BlogDatabase db;

    ContentVersionContract(Dialect dialect) {
        this.dialect = dialect;
    }

    @BeforeEach
    void open() {
        database = TestDatabase.create(dialect, getClass().getSimpleName());
        db = database.open();
    }

    @AfterEach
    void close() {
        db.close();
        database.close();
    }

    @Test
    void shouldChangeWithEveryWriteToUsersPostsAndCommentsByAnyConnection() throws SQLException {
        User user = db.users().create(newUser("ann@example.org"));
        Post post = db.posts().create(user.id(), content("First"));
        db.comments().create(comment(post.id(), user.id(), "Hello"));
        try (Connection other = database.connect();
                Statement statement = other.createStatement()) {
            for (String sql : List.of(
                    "UPDATE users SET name = 'Ann B' WHERE id = " + user.id(),
                    "UPDATE posts SET title = 'Renamed' WHERE id = " + post.id(),
                    "UPDATE comments SET body = 'Changed' WHERE post_id = " + post.id(),
                    "DELETE FROM comments WHERE post_id = " + post.id(),
                    "DELETE FROM posts WHERE id = " + post.id(),
                    "DELETE FROM users WHERE id = " + user.id())) {
                long before = db.readContentVersion();
                statement.executeUpdate(sql);
                assertThat(db.readContentVersion()).as(sql).isNotEqualTo(before);
            }
        }
    }

    @Test
    void shouldChangeWithTheLibrarysOwnWrites() {
        List<Long> versions = new ArrayList<>();
        versions.add(db.readContentVersion());
        User user = db.users().create(newUser("ann@example.org"));
        versions.add(db.readContentVersion());
        Post post = db.posts().create(user.id(), content("First"));
        versions.add(db.readContentVersion());
        db.comments().create(comment(post.id(), user.id(), "Hello"));
        versions.add(db.readContentVersion());
        db.users().endSessions(user.id());
        versions.add(db.readContentVersion());
        db.posts().delete(post.id());
        versions.add(db.readContentVersion());

        assertThat(versions).doesNotHaveDuplicates();
    }

    @Test
    void shouldNotChangeBeforeTheWriteCommits() throws SQLException {
        User user = db.users().create(newUser("ann@example.org"));
        Post post = db.posts().create(user.id(), content("First"));
        long before = db.readContentVersion();
        try (Connection other = database.connect();
                Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.executeUpdate("UPDATE posts SET title = 'Renamed' WHERE id = " + post.id());

            assertThat(db.readContentVersion())
                    .as("while the write is not committed")
                    .isEqualTo(before);
            other.commit();
        }
        assertThat(db.readContentVersion()).as("once it is").isNotEqualTo(before);
    }

    @Test
    void shouldNotChangeForContactMessagesOrThrottleBuckets() {
        long before = db.readContentVersion();
        db.contactMessages().create(new NewContactMessage("Ann", new Email("ann@example.org"), "", "Hello"));
        db.take("forms:127.0.0.1", 3, 1_000, System.currentTimeMillis());

        assertThat(db.readContentVersion()).isEqualTo(before);
    }

    @Test
    void shouldTellListenersOfEachWriteOnceItIsCommitted() {
        User user = db.users().create(newUser("ann@example.org"));
        List<Long> seenByListener = new ArrayList<>();
        // What another instance would read at that moment: the listener runs after the commit, never before it.
        db.whenContentWrittenHere(() -> seenByListener.add(db.readContentVersion()));

        long before = db.readContentVersion();
        Post post = db.posts().create(user.id(), content("First"));
        db.inTransaction(tx -> tx.comments().create(comment(post.id(), user.id(), "Hello")));
        db.contactMessages().create(new NewContactMessage("Ann", new Email("ann@example.org"), "", "Hello"));

        assertThat(seenByListener).hasSize(2);
        assertThat(seenByListener.get(0)).isNotEqualTo(before);
        assertThat(seenByListener.get(1)).isNotEqualTo(seenByListener.get(0));
        assertThat(seenByListener.get(1)).isEqualTo(db.readContentVersion());
    }
}
