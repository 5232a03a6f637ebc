package org.cleanblog.persistence.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.ibatis.exceptions.PersistenceException;
import org.cleanblog.core.NotFoundException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.content.HtmlSanitizer;
import org.cleanblog.core.internal.Check;
import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.post.PostRepository;
import org.cleanblog.core.post.PostStamp;
import org.cleanblog.core.post.PostSummary;
import org.cleanblog.persistence.internal.mapper.PostMapper;

/** {@link PostRepository} on MyBatis. Thread-safe when its runner is. */
final class MyBatisPostRepository implements PostRepository {
    private final SqlRunner runner;
    private final Clock clock;
    private final HtmlSanitizer sanitizer;

    MyBatisPostRepository(SqlRunner runner, Clock clock, HtmlSanitizer sanitizer) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    }

    /** The content as stored: its HTML through the allow-list, sanitised before the write lock is taken. */
    private PostContent sanitized(PostContent content) {
        Check.notNull("post content", content);
        return new PostContent(
                content.title(),
                content.subtitle(),
                content.imgUrl(),
                content.body(),
                sanitizer.sanitize(content.bodyHtml()));
    }

    @Override
    public Post create(long authorId, PostContent given) {
        PostContent content = sanitized(given);
        return runner.write("create a post", session -> {
            PostMapper mapper = session.getMapper(PostMapper.class);
            long id;
            try {
                id = mapper.insert(authorId, content, now());
            } catch (PersistenceException e) {
                if (SqlErrors.isForeignKeyViolation(e)) {
                    throw NotFoundException.of("user", authorId);
                }
                throw e;
            }
            return mapper.findById(id).orElseThrow();
        });
    }

    @Override
    public Post update(long id, PostContent given) {
        PostContent content = sanitized(given);
        return runner.write("update post " + id, session -> {
            PostMapper mapper = session.getMapper(PostMapper.class);
            if (mapper.update(id, content, now()) == 0) {
                throw NotFoundException.of("post", id);
            }
            return mapper.findById(id).orElseThrow();
        });
    }

    @Override
    public void delete(long id) {
        int deleted = runner.write(
                "delete post " + id,
                session -> session.getMapper(PostMapper.class).delete(id));
        if (deleted == 0) {
            throw NotFoundException.of("post", id);
        }
    }

    @Override
    public Optional<Post> findById(long id) {
        return runner.read(
                "find post " + id,
                session -> session.getMapper(PostMapper.class).findById(id));
    }

    @Override
    public Page<PostSummary> findPage(PageRequest request) {
        Check.notNull("page request", request);
        return runner.read("read page " + request.number() + " of the posts", session -> {
            PostMapper mapper = session.getMapper(PostMapper.class);
            List<PostSummary> items = mapper.findPage(request.size(), request.offset());
            return new Page<>(items, request, mapper.count());
        });
    }

    @Override
    public List<Post> findNewest(int limit) {
        if (limit < 1 || limit > PageRequest.MAX_SIZE) {
            throw new ValidationException(
                    "the number of newest posts must be between 1 and " + PageRequest.MAX_SIZE + ", was " + limit);
        }
        return runner.read(
                "read the " + limit + " newest posts",
                session -> session.getMapper(PostMapper.class).findNewest(limit));
    }

    @Override
    public List<PostStamp> findStamps(long skip, int limit) {
        if (skip < 0) {
            throw new ValidationException("the number of posts to skip must be 0 or more, was " + skip);
        }
        if (limit < 1 || limit > PostStamp.MAX_BATCH) {
            throw new ValidationException(
                    "the number of post stamps must be between 1 and " + PostStamp.MAX_BATCH + ", was " + limit);
        }
        // Positions skip + 1 to skip + limit; a skip near Long.MAX_VALUE is past every post, not an overflow.
        long last = skip > Long.MAX_VALUE - limit ? Long.MAX_VALUE : skip + limit;
        return runner.read(
                "read the stamps of " + limit + " posts after the oldest " + skip,
                session -> session.getMapper(PostMapper.class).findStamps(skip, last));
    }

    @Override
    public Stream<Post> streamAll() {
        return runner.stream(
                "read all posts", session -> session.getMapper(PostMapper.class).streamAll());
    }

    @Override
    public long count() {
        return runner.read(
                "count posts", session -> session.getMapper(PostMapper.class).count());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
