package org.cleanblog.core.post;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stored posts.
 *
 * <p>Every method may throw {@link org.cleanblog.core.StorageException} when the database is unreachable or fails, and
 * {@link org.cleanblog.core.ValidationException} for a null argument where an object is expected (naming it).
 * Implementations are thread-safe.
 */
public interface PostRepository {
    /**
     * Stores a new post by {@code authorId}, created and updated now. Its {@code bodyHtml} is stored sanitised (the
     * library's HTML allow-list), so the returned post may differ from the argument there.
     *
     * @throws org.cleanblog.core.NotFoundException when no user has this id
     */
    Post create(long authorId, PostContent content);

    /**
     * Replaces the content of a post and sets its update time to now; author and creation time stay. The HTML is
     * sanitised as by {@link #create}.
     *
     * @throws org.cleanblog.core.NotFoundException when no post has this id
     */
    Post update(long id, PostContent content);

    /**
     * Deletes a post and its comments.
     *
     * @throws org.cleanblog.core.NotFoundException when no post has this id
     */
    void delete(long id);

    /** The post with this id and its author's name, or empty. */
    Optional<Post> findById(long id);

    /**
     * Summaries newest first (ties broken by id, newest first) and the total number of posts. The cost of a page does
     * not depend on how many posts come after it. A page past the last one has no items (not an error) and the same
     * total.
     */
    Page<PostSummary> findPage(PageRequest request);

    /**
     * The {@code limit} newest posts (or fewer, when there are fewer), newest first as in {@link #findPage}, in full:
     * for a feed. Reads only those posts, however many there are.
     *
     * @throws org.cleanblog.core.ValidationException when {@code limit} is not between 1 and
     *     {@link PageRequest#MAX_SIZE}
     */
    List<Post> findNewest(int limit);

    /**
     * Every post's id and update time, oldest first in the creation order of {@link #findPage} reversed (ties by id,
     * lowest first): those after the first {@code skip}, at most {@code limit} of them, or fewer at the end; none when
     * {@code skip} is the number of posts or more (not an error). Reads only those posts, without their content, and
     * the cost depends neither on {@code skip} nor on how many posts there are. Consecutive slices ({@code skip} 0,
     * {@code limit}, 2 × {@code limit}, …) read while nobody writes give every post exactly once: for a sitemap in
     * parts, or a synchroniser.
     *
     * @throws org.cleanblog.core.ValidationException when {@code skip} is negative or {@code limit} is not between 1
     *     and {@link PostStamp#MAX_BATCH}
     */
    List<PostStamp> findStamps(long skip, int limit);

    /**
     * Every post, newest first, in full, read lazily: for an export or anything else that needs every post's content.
     * The caller must close the stream (use try-with-resources); it holds a database connection until then.
     */
    Stream<Post> streamAll();

    /** How many posts are stored. */
    long count();
}
