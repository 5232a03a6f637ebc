package org.cleanblog.core.comment;

import java.time.Instant;

/** A stored comment with its author's name and e-mail (for the Gravatar image). */
public record Comment(
        long id,
        long postId,
        long authorId,
        String authorName,
        String authorEmail,
        String body,
        String bodyHtml,
        Instant createdAt) {}
