package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.contact.NewContactMessage;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.Fixtures;
import org.cleanblog.persistence.testing.FlaskTutorialDatabase;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.params.provider.Arguments;

/** Databases to copy from, and a way to read a whole database back for comparison. */
final class CopyTestData {
    /** The clock of {@link #replacing}: the copy time that --replace gives the copied users' sessions. */
    static final Instant COPIED_AT = Instant.parse("2030-01-02T03:04:05.678901Z");

    private CopyTestData() {}

    /** A SQLite file made with the tutorial's Flask-SQLAlchemy DDL and rows, plus {@code extraSql}. */
    static TestDatabase flaskBlog(String... extraSql) throws SQLException {
        return flaskBlog(Dialect.SQLITE, extraSql);
    }

    /**
     * The tutorial's database on {@code dialect} (a SQLite file, or a schema of its own on PostgreSQL), made with the
     * DDL Flask-SQLAlchemy emits there and the same rows, plus {@code extraSql}.
     */
    static TestDatabase flaskBlog(Dialect dialect, String... extraSql) throws SQLException {
        return FlaskTutorialDatabase.create(dialect, extraSql);
    }

    /**
     * Fills a blog through the repositories with what breaks naive copies: text with tabs, line ends, backslashes,
     * quotes and characters outside the BMP; an admin flag; id gaps left by a deleted post; a contact message.
     */
    static void writeBlog(BlogDatabase blog) {
        User owner = blog.users().create(Fixtures.newUser("Owner@Example.org"));
        User reader = blog.users()
                .create(new NewUser(
                        new Email("reader@example.org"), "Rëader 🦊", "pbkdf2:sha256:1$a$" + "cd".repeat(32)));
        Post first = blog.posts()
                .create(
                        owner.id(),
                        new PostContent("Tabs\tand\\back", "sub \"quoted\"", "", "line1\nline2\r\n\\N", "<p>x</p>"));
        Post gone = blog.posts().create(owner.id(), Fixtures.content("deleted"));
        Post last = blog.posts().create(reader.id(), Fixtures.content("last 🎉"));
        blog.comments()
                .create(new NewComment(
                        first.id(), reader.id(), "first\tcomment \\ with \u2028 separators", "<p>1</p>"));
        blog.comments().create(Fixtures.comment(gone.id(), reader.id(), "goes with its post"));
        blog.comments().create(Fixtures.comment(last.id(), owner.id(), "on the last post"));
        blog.posts().delete(gone.id());
        blog.contactMessages()
                .create(new NewContactMessage("Visitor", new Email("v@example.org"), "+1 555", "Hello,\nthere"));
    }

    /** Every row of every copied table of {@code db}, in id order, as canonical values. */
    static Map<String, List<List<Object>>> readAll(TestDatabase db) throws SQLException {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            BlogSchemaSource source = new BlogSchemaSource(connection, db.dialect());
            for (TableSpec table : BlogSchema.TABLES) {
                List<List<Object>> rows = new ArrayList<>();
                source.read(table, row -> rows.add(Arrays.asList(row)));
                tables.put(table.name(), rows);
            }
            connection.rollback();
        }
        return tables;
    }

    /** The kept row counts of {@code db}, by table. */
    static Map<String, Long> rowCounts(TestDatabase db) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT table_name, row_count FROM row_counts")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    static BlogCopy copy(TestDatabase from, TestDatabase to) {
        return BlogCopy.from(from.jdbcUrl(), null, null).to(to.jdbcUrl(), null, null);
    }

    /** A copy with {@code --replace}, its clock fixed at {@link #COPIED_AT}. */
    static BlogCopy replacing(TestDatabase from, TestDatabase to) {
        return copy(from, to).replace(true).clock(Clock.fixed(COPIED_AT, ZoneOffset.UTC));
    }

    /**
     * {@code tables} (from {@link #readAll}) with every user's {@code sessions_valid_from} at {@code at}: what a copy
     * that replaces a target which held users writes (ADR 0010).
     */
    static Map<String, List<List<Object>>> withSessionsFrom(Map<String, List<List<Object>>> tables, Instant at) {
        int column =
                BlogSchema.USERS.columns().stream().map(Column::name).toList().indexOf("sessions_valid_from");
        Map<String, List<List<Object>>> changed = new LinkedHashMap<>(tables);
        changed.put(
                "users",
                tables.get("users").stream()
                        .map(row -> {
                            List<Object> copy = new ArrayList<>(row);
                            copy.set(column, at);
                            return (List<Object>) copy;
                        })
                        .toList());
        return changed;
    }

    /** Every (source, target) pair of dialects, for tests that import from either into either. */
    static Stream<Arguments> sourceAndTarget() {
        return Stream.of(Dialect.values())
                .flatMap(from -> Stream.of(Dialect.values()).map(to -> Arguments.of(from, to)));
    }

    static Dialect other(Dialect dialect) {
        return dialect == Dialect.SQLITE ? Dialect.POSTGRESQL : Dialect.SQLITE;
    }
}
