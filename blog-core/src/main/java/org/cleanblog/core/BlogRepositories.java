package org.cleanblog.core;

import org.cleanblog.core.comment.CommentRepository;
import org.cleanblog.core.contact.ContactMessageRepository;
import org.cleanblog.core.post.PostRepository;
import org.cleanblog.core.user.UserRepository;

/** The repositories of one blog. Obtained from the database, or inside a transaction from {@link Transactions}. */
public interface BlogRepositories {
    UserRepository users();

    PostRepository posts();

    CommentRepository comments();

    ContactMessageRepository contactMessages();
}
