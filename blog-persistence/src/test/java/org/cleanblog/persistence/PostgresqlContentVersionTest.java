package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanblog.persistence.testing.Fixtures.content;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.user.User;
import org.junit.jupiter.api.Test;

class PostgresqlContentVersionTest extends ContentVersionContract {
    PostgresqlContentVersionTest() {
        super(Dialect.POSTGRESQL);
    }

    /** Statement-level triggers: a bulk load bumps the one row once per statement, not once per row (ADR 0034). */
    @Test
    void shouldChangeOncePerStatementHoweverManyRowsItWrites() throws SQLException {
        User user = db.users().create(newUser("ann@example.org"));
        Post post = db.posts().create(user.id(), content("First"));
        long before = db.readContentVersion();
        try (Connection other = database.connect();
                Statement statement = other.createStatement()) {
            int rows = statement.executeUpdate("INSERT INTO comments (post_id, author_id, body, body_html, created_at)"
                    + " SELECT " + post.id() + ", " + user.id() + ", 'c' || n, '<p>c</p>', now()"
                    + " FROM generate_series(1, 1000) AS n");
            assertThat(rows).isEqualTo(1000);
            assertThat(db.readContentVersion()).isEqualTo(before + 1);
            statement.execute("TRUNCATE comments");
            assertThat(db.readContentVersion())
                    .as("TRUNCATE fires no row trigger")
                    .isEqualTo(before + 2);
        }
    }
}
