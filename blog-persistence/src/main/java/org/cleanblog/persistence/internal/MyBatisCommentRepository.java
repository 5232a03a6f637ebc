package org.cleanblog.persistence.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.apache.ibatis.exceptions.PersistenceException;
import org.cleanblog.core.NotFoundException;
import org.cleanblog.core.comment.Comment;
import org.cleanblog.core.comment.CommentRepository;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.content.HtmlSanitizer;
import org.cleanblog.core.internal.Check;
import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.persistence.internal.mapper.CommentMapper;

/** {@link CommentRepository} on MyBatis. Thread-safe when its runner is. */
final class MyBatisCommentRepository implements CommentRepository {
    private final SqlRunner runner;
    private final Clock clock;
    private final HtmlSanitizer sanitizer;

    MyBatisCommentRepository(SqlRunner runner, Clock clock, HtmlSanitizer sanitizer) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    }

    @Override
    public Comment create(NewComment given) {
        Check.notNull("comment", given);
        // Before the write lock is taken: the allow-list is the slow part.
        NewComment comment =
                new NewComment(given.postId(), given.authorId(), given.body(), sanitizer.sanitize(given.bodyHtml()));
        return runner.write("create a comment on post " + comment.postId(), session -> {
            CommentMapper mapper = session.getMapper(CommentMapper.class);
            long id;
            try {
                id = mapper.insert(comment, clock.instant().truncatedTo(ChronoUnit.MICROS));
            } catch (PersistenceException e) {
                if (SqlErrors.isForeignKeyViolation(e)) {
                    throw missingReference(mapper, comment, e);
                }
                throw e;
            }
            return mapper.findById(id).orElseThrow();
        });
    }

    /**
     * Names what the failed insert referred to. PostgreSQL names the violated constraint (and refuses any further
     * statement in this transaction); SQLite names none, but its transaction stays usable, so it is asked.
     */
    private static NotFoundException missingReference(
            CommentMapper mapper, NewComment comment, PersistenceException failure) {
        String constraint = SqlErrors.message(failure);
        boolean postMissing = constraint.contains("comments_post_id_fkey")
                || (!constraint.contains("comments_author_id_fkey") && !mapper.postExists(comment.postId()));
        return postMissing
                ? NotFoundException.of("post", comment.postId())
                : NotFoundException.of("user", comment.authorId());
    }

    @Override
    public List<Comment> findByPost(long postId) {
        return runner.read(
                "read the comments of post " + postId,
                session -> session.getMapper(CommentMapper.class).findByPost(postId));
    }

    @Override
    public Page<Comment> findPageByPost(long postId, PageRequest request) {
        Check.notNull("page request", request);
        return runner.read("read page " + request.number() + " of the comments of post " + postId, session -> {
            CommentMapper mapper = session.getMapper(CommentMapper.class);
            List<Comment> items = mapper.findPageByPost(postId, request.size(), request.offset());
            return new Page<>(items, request, mapper.countByPost(postId));
        });
    }

    @Override
    public long count() {
        return runner.read(
                "count comments",
                session -> session.getMapper(CommentMapper.class).count());
    }
}
