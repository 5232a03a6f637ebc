package org.cleanblog.web.post;

import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostSummary;

/**
 * Estimates of what the pages' data occupy in the heap, in bytes, for the content cache's bound: two bytes per
 * character (more than Java's compact strings use for Latin-1 text) and a fixed amount per object and instant.
 */
final class CacheWeights {
    private static final int OBJECT = 64;

    private CacheWeights() {}

    static int summaries(Page<PostSummary> page) {
        int bytes = OBJECT * 2;
        for (PostSummary post : page.items()) {
            bytes += OBJECT * 2 + chars(post.title(), post.subtitle(), post.authorName());
        }
        return bytes;
    }

    static int post(PostPages.PostView view) {
        Post post = view.post();
        int bytes = OBJECT * 4
                + chars(post.authorName(), post.title(), post.subtitle(), post.imgUrl(), post.body(), post.bodyHtml());
        for (PostPages.CommentView comment : view.comments().items()) {
            var c = comment.comment();
            bytes += OBJECT * 4 + chars(c.authorName(), c.authorEmail(), c.body(), c.bodyHtml(), comment.gravatarUrl());
        }
        return bytes;
    }

    private static int chars(String... texts) {
        long total = 0;
        for (String text : texts) {
            total += 2L * text.length() + OBJECT;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
