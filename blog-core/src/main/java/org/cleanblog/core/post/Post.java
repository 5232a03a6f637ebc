package org.cleanblog.core.post;

import java.time.Instant;

/**
 * A stored post with its author's name. {@code bodyHtml} is sanitised HTML, ready to be shown as it is: the
 * repositories store it through the library's allow-list whatever they were given.
 */
public record Post(
        long id,
        long authorId,
        String authorName,
        String title,
        String subtitle,
        String imgUrl,
        String body,
        String bodyHtml,
        Instant createdAt,
        Instant updatedAt) {}
