package org.cleanblog.core.post;

import java.time.Instant;

/** One entry of the home page: a post without its body, with its author's name and how many comments it has. */
public record PostSummary(
        long id, String title, String subtitle, String authorName, Instant createdAt, long commentCount) {}
