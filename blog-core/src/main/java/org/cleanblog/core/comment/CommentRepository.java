package org.cleanblog.core.comment;

import java.util.List;
import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;

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

    /**
     * One page of a post's comments, in the order of {@link #findByPost}, and how many the post has in all
     * ({@link Page#total}). A page past the last one, and any page of a post that does not exist, has no items. The
     * query reads at most one page of rows, so a post with many comments costs no more to show than one with few.
     *
     * @throws org.cleanblog.core.ValidationException when {@code request} is null
     */
    Page<Comment> findPageByPost(long postId, PageRequest request);

    /** How many comments are stored. */
    long count();
}
