package org.cleanblog.core.comment;

import java.util.List;

/** Stored comments. Implementations are thread-safe. */
public interface CommentRepository {
    /**
     * Stores a comment, created now.
     *
     * @throws org.cleanblog.core.NotFoundException when the post or the author does not exist
     */
    Comment create(NewComment comment);

    /** The comments of a post, oldest first, with their authors' names; empty (never null) when there are none. */
    List<Comment> findByPost(long postId);

    /** How many comments are stored. */
    long count();
}
