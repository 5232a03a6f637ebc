package org.cleanblog.persistence.copy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.contact.NewContactMessage;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;

/**
 * The tables of our schema (Flyway, {@code db/cleanblog}) that hold data, in an order where every table comes after
 * the tables it references. Lengths are blog-core's limits: those the PostgreSQL migration enforces as {@code varchar},
 * and for the {@code text} columns (bodies) those the domain records enforce, so that every value is bounded. A
 * test compares this list with the columns of a freshly migrated database of each dialect, so a migration that adds a
 * table or a column fails the build until the copy knows it.
 */
final class BlogSchema {
    static final TableSpec USERS = new TableSpec(
            "users",
            List.of(
                    Column.id(),
                    Column.text("email", Email.MAX_LENGTH),
                    Column.uniqueText("email_normalized", Email.MAX_LENGTH),
                    Column.text("name", NewUser.MAX_NAME_LENGTH),
                    Column.text("password_hash", NewUser.MAX_HASH_LENGTH),
                    Column.bool("is_admin"),
                    Column.instant("created_at"),
                    Column.instant("sessions_valid_from")));

    static final TableSpec POSTS = new TableSpec(
            "posts",
            List.of(
                    Column.id(),
                    Column.reference("author_id", "users"),
                    Column.text("title", PostContent.MAX_TITLE_LENGTH),
                    Column.text("subtitle", PostContent.MAX_SUBTITLE_LENGTH),
                    Column.text("img_url", PostContent.MAX_IMG_URL_LENGTH),
                    Column.text("body", PostContent.MAX_BODY_LENGTH),
                    Column.html("body_html", PostContent.MAX_BODY_HTML_LENGTH),
                    Column.instant("created_at"),
                    Column.instant("updated_at")));

    static final TableSpec COMMENTS = new TableSpec(
            "comments",
            List.of(
                    Column.id(),
                    Column.reference("post_id", "posts"),
                    Column.reference("author_id", "users"),
                    Column.text("body", NewComment.MAX_BODY_LENGTH),
                    Column.html("body_html", NewComment.MAX_BODY_HTML_LENGTH),
                    Column.instant("created_at")));

    static final TableSpec CONTACT_MESSAGES = new TableSpec(
            "contact_messages",
            List.of(
                    Column.id(),
                    Column.text("name", NewContactMessage.MAX_NAME_LENGTH),
                    Column.text("email", Email.MAX_LENGTH),
                    Column.text("phone", NewContactMessage.MAX_PHONE_LENGTH),
                    Column.text("message", NewContactMessage.MAX_MESSAGE_LENGTH),
                    Column.instant("created_at")));

    /** Referenced tables first. */
    static final List<TableSpec> TABLES = List.of(USERS, POSTS, COMMENTS, CONTACT_MESSAGES);

    /** Tables of the schema that the copy does not carry: Flyway's own bookkeeping, throttle buckets (ADR 0030), and the content version, which the
     * copy's own writes bump on the target (ADR 0034).
     */
    static final Set<String> NOT_COPIED =
            Set.of("flyway_schema_history", "cleanblog_schema_history", "throttle_buckets", "content_version");

    /**
     * Columns of our tables that the target derives itself instead of the copy carrying them: the post positions,
     * numbered after the load ({@link KeptPositions}). A source needs none of them.
     */
    static final Map<String, Set<String>> DERIVED = Map.of("posts", Set.of(KeptPositions.COLUMN));

    private BlogSchema() {}

    static Optional<TableSpec> table(String name) {
        return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
