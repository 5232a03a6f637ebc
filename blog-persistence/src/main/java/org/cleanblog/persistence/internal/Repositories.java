package org.cleanblog.persistence.internal;

import java.time.Clock;
import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.comment.CommentRepository;
import org.cleanblog.core.contact.ContactMessageRepository;
import org.cleanblog.core.content.HtmlSanitizer;
import org.cleanblog.core.post.PostRepository;
import org.cleanblog.core.user.UserRepository;

/**
 * The four repositories on one {@link SqlRunner}. As thread-safe as that runner. Every HTML they store passes through
 * the one allow-list ({@link JsoupHtmlSanitizer}), whatever the caller hands them.
 */
record Repositories(
        UserRepository users,
        PostRepository posts,
        CommentRepository comments,
        ContactMessageRepository contactMessages)
        implements BlogRepositories {

    private static final HtmlSanitizer SANITIZER = new JsoupHtmlSanitizer();

    /**
     * @param content the runner of the repositories whose tables pages show (users, posts, comments): the same as
     *     {@code runner}, or one that also tells of their writes ({@link SqlContentVersion#notifying})
     */
    static Repositories on(SqlRunner runner, SqlRunner content, Clock clock) {
        return new Repositories(
                new MyBatisUserRepository(content, clock),
                new MyBatisPostRepository(content, clock, SANITIZER),
                new MyBatisCommentRepository(content, clock, SANITIZER),
                new MyBatisContactMessageRepository(runner, clock));
    }
}
