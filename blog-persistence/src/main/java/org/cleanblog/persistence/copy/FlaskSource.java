package org.cleanblog.persistence.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.cleanblog.core.content.HtmlSanitizer;
import org.cleanblog.core.user.Email;
import org.cleanblog.persistence.Dialect;

/**
 * Reads the Flask tutorial's {@code blog.db} (Flask-SQLAlchemy: {@code users}, {@code blog_posts}, {@code comments})
 * and maps it to our tables; docs/copy-db.md documents the mapping. The tutorial has no contact messages table.
 */
final class FlaskSource implements RowSource {
    /** Python's {@code strftime("%B %d, %Y")}, which the tutorial stores: "August 31, 2019". */
    private static final DateTimeFormatter TUTORIAL_DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMMM d, uuuu")
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    /** The tutorial's admin is the user with id 1: its views compare {@code current_user.id == 1}. */
    private static final long TUTORIAL_ADMIN_ID = 1;

    private final Connection connection;
    private final Dialect db;
    private final HtmlSanitizer sanitizer;
    private final Instant importedAt;

    FlaskSource(Connection connection, Dialect db, HtmlSanitizer sanitizer, Instant importedAt) {
        this.connection = connection;
        this.db = db;
        this.sanitizer = sanitizer;
        this.importedAt = Values.micros(importedAt);
    }

    @Override
    public String description() {
        return "Flask tutorial's blog database on " + (db == Dialect.SQLITE ? "SQLite" : "PostgreSQL");
    }

    @Override
    public long count(TableSpec table) throws SQLException {
        String source = sourceTable(table);
        if (source == null) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + source)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Its SERIAL sequence on PostgreSQL; on SQLite, whose tutorial ids are not AUTOINCREMENT, the highest id. */
    @Override
    public long highWaterMark(TableSpec table) throws SQLException {
        String source = sourceTable(table);
        return source == null ? 0 : IdMarks.of(connection, db, source);
    }

    @Override
    public void read(TableSpec table, RowHandler handler) throws SQLException {
        switch (table.name()) {
            case "users" ->
                query("SELECT id, email, password, name FROM users ORDER BY id", rs -> {
                    Object email = stripped(text(rs, 2));
                    long id = rs.getLong(1);
                    handler.accept(new Object[] {
                        id,
                        email,
                        normalized(email),
                        stripped(text(rs, 4)),
                        text(rs, 3),
                        id == TUTORIAL_ADMIN_ID,
                        importedAt,
                        importedAt
                    });
                });
            case "posts" ->
                query("SELECT id, author_id, title, subtitle, img_url, body, date FROM blog_posts ORDER BY id", rs -> {
                    Object body = text(rs, 6);
                    Object date = date(text(rs, 7));
                    handler.accept(new Object[] {
                        rs.getLong(1),
                        id(rs, 2),
                        text(rs, 3),
                        text(rs, 4),
                        text(rs, 5),
                        body,
                        sanitized(body),
                        date,
                        date
                    });
                });
            case "comments" ->
                query("SELECT id, post_id, author_id, text FROM comments ORDER BY id", rs -> {
                    Object body = text(rs, 4);
                    handler.accept(
                            new Object[] {rs.getLong(1), id(rs, 2), id(rs, 3), body, sanitized(body), importedAt});
                });
            default -> {
                // No counterpart in the tutorial (contact messages): nothing to copy.
            }
        }
    }

    static Object date(Object text) {
        if (!(text instanceof String date)) {
            return text;
        }
        try {
            return LocalDate.parse(date.strip(), TUTORIAL_DATE)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return new Invalid("'" + date + "' is not a date like 'August 31, 2019'");
        }
    }

    private static String sourceTable(TableSpec table) {
        return switch (table.name()) {
            case "users" -> "users";
            case "posts" -> "blog_posts";
            case "comments" -> "comments";
            default -> null;
        };
    }

    private Object sanitized(Object html) {
        return html instanceof String text ? sanitizer.sanitize(text) : html;
    }

    /** As registration stores them: e-mail and name without surrounding spaces (Email, NewUser). */
    private static Object stripped(Object value) {
        return value instanceof String text ? text.strip() : value;
    }

    private static Object normalized(Object email) {
        return email instanceof String text ? Email.normalize(text) : email;
    }

    private Object text(ResultSet rs, int index) throws SQLException {
        return Values.read(rs, index, ColumnType.TEXT, db);
    }

    private Object id(ResultSet rs, int index) throws SQLException {
        return Values.read(rs, index, ColumnType.LONG, db);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(BlogSchemaSource.FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
