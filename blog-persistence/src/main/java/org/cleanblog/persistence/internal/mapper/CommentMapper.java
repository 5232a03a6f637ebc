package org.cleanblog.persistence.internal.mapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;
import org.cleanblog.core.comment.Comment;
import org.cleanblog.core.comment.NewComment;

/**
 * SQL of the {@code comments} table; statements in {@code CommentMapper.xml}.
 *
 * <p><strong>Internal:</strong> public only because MyBatis builds a proxy of it; not part of the API, and it may
 * change in any release without notice.
 */
public interface CommentMapper {
    /** Inserts a comment and returns its id. */
    long insert(@Param("comment") NewComment comment, @Param("createdAt") Instant createdAt);

    Optional<Comment> findById(@Param("id") long id);

    List<Comment> findByPost(@Param("postId") long postId);

    List<Comment> findPageByPost(@Param("postId") long postId, @Param("limit") int limit, @Param("offset") long offset);

    long countByPost(@Param("postId") long postId);

    long count();

    /** Whether a post with this id exists, to name what a foreign key violation was about. */
    boolean postExists(@Param("id") long id);

    /** Whether a user with this id exists, to name what a foreign key violation was about. */
    boolean userExists(@Param("id") long id);
}
