package org.cleanblog.persistence.internal.mapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.post.PostStamp;
import org.cleanblog.core.post.PostSummary;

/**
 * SQL of the {@code posts} table; statements in {@code PostMapper.xml}.
 *
 * <p><strong>Internal:</strong> public only because MyBatis builds a proxy of it; not part of the API, and it may
 * change in any release without notice.
 */
public interface PostMapper {
    /** Inserts a post and returns its id. */
    long insert(
            @Param("authorId") long authorId,
            @Param("content") PostContent content,
            @Param("createdAt") Instant createdAt);

    int update(@Param("id") long id, @Param("content") PostContent content, @Param("updatedAt") Instant updatedAt);

    int delete(@Param("id") long id);

    Optional<Post> findById(@Param("id") long id);

    /** Summaries newest first, {@code limit} of them from the {@code offset}-th on, without reading the ones before. */
    List<PostSummary> findPage(@Param("limit") int limit, @Param("offset") long offset);

    /** The {@code limit} newest posts in full, newest first. */
    List<Post> findNewest(@Param("limit") int limit);

    /** The id and update time of the posts at positions {@code after} + 1 to {@code last}, oldest first. */
    List<PostStamp> findStamps(@Param("after") long after, @Param("last") long last);

    /** Every post newest first, read lazily. */
    Cursor<Post> streamAll();

    long count();
}
