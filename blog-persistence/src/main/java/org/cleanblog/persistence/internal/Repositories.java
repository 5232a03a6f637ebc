package org.cleanblog.persistence.internal;

import java.time.Clock;
import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.comment.CommentRepository;
import org.cleanblog.core.contact.ContactMessageRepository;
import org.cleanblog.core.post.PostRepository;
import org.cleanblog.core.user.UserRepository;

/** The four repositories on one {@link SqlRunner}. As thread-safe as that runner. */
public record Repositories(
        UserRepository users,
        PostRepository posts,
        CommentRepository comments,
        ContactMessageRepository contactMessages)
        implements BlogRepositories {

    public static Repositories on(SqlRunner runner, Clock clock) {
        return new Repositories(
                new MyBatisUserRepository(runner, clock),
                new MyBatisPostRepository(runner, clock),
                new MyBatisCommentRepository(runner, clock),
                new MyBatisContactMessageRepository(runner, clock));
    }
}
