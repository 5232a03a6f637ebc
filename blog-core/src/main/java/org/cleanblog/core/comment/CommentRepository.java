package org.cleanblog.core.comment;

import java.util.List;

/**
 * Stored comments.
 *
 * <p>Every method may throw {@link org.cleanblog.core.StorageException} when the database is unreachable or fails, and
 * {@link org.cleanblog.core.ValidationException} for a null argument where an object is expected (naming it).
 * Implementations are thread-safe.
 */
public interface CommentRepository {
    /**
     * Stores a comment, created now. Its {@code bodyHtml} is stored sanitised (the library's HTML allow-list), so the
     * returned comment may differ from the argument there.
     *
     * @throws org.cleanblog.core.NotFoundException when the post or the author does not exist
     */
    Comment create(NewComment comment);

    /**
     * The comments of a post, oldest first, with their authors' names; empty (never null) when there are none, also
     * when no post has this id.
     */
    List<Comment> findByPost(long postId);

    /** How many comments are stored. */
    long count();
}
