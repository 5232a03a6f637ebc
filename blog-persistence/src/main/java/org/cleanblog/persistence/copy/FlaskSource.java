package org.cleanblog.persistence.copy;

import java.sql.Connection;
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
import java.util.List;
import java.util.Locale;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
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

    /**
     * The tutorial's columns the import reads, each text bounded by the limit of the column it goes to (a date by a
     * generous one), so an oversized value is refused before it is read ({@link BoundedText}).
     */
    private static final List<Column> USERS = List.of(
            Column.id(),
            Column.text("email", Email.MAX_LENGTH),
            Column.text("password", NewUser.MAX_HASH_LENGTH),
            Column.text("name", NewUser.MAX_NAME_LENGTH));

    private static final List<Column> POSTS = List.of(
            Column.id(),
            Column.reference("author_id", "users"),
            Column.text("title", PostContent.MAX_TITLE_LENGTH),
            Column.text("subtitle", PostContent.MAX_SUBTITLE_LENGTH),
            Column.text("img_url", PostContent.MAX_IMG_URL_LENGTH),
            Column.text("body", PostContent.MAX_BODY_LENGTH),
            Column.text("date", 100));

    private static final List<Column> COMMENTS = List.of(
            Column.id(),
            Column.reference("post_id", "blog_posts"),
            Column.reference("author_id", "users"),
            Column.text("text", NewComment.MAX_BODY_LENGTH));

    private final Connection connection;
    private final Dialect db;
    private final Instant importedAt;

    FlaskSource(Connection connection, Dialect db, Instant importedAt) {
        this.connection = connection;
        this.db = db;
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
                BlogSchemaSource.read(connection, db, "users", USERS, r -> {
                    Object email = stripped(r[1]);
                    long id = (Long) r[0];
                    handler.accept(new Object[] {
                        id,
                        email,
                        normalized(email),
                        stripped(r[3]),
                        r[2],
                        id == TUTORIAL_ADMIN_ID,
                        importedAt,
                        importedAt
                    });
                });
            case "posts" ->
                BlogSchemaSource.read(connection, db, "blog_posts", POSTS, r -> {
                    Object date = date(r[6]);
                    // body_html is the tutorial's HTML as it is: the copy passes it through the allow-list.
                    handler.accept(new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], r[5], date, date});
                });
            case "comments" ->
                BlogSchemaSource.read(connection, db, "comments", COMMENTS, r -> {
                    handler.accept(new Object[] {r[0], r[1], r[2], r[3], r[3], importedAt});
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

    /** As registration stores them: e-mail and name without surrounding spaces (Email, NewUser). */
    private static Object stripped(Object value) {
        return value instanceof String text ? text.strip() : value;
    }

    private static Object normalized(Object email) {
        return email instanceof String text ? Email.normalize(text) : email;
    }
}
