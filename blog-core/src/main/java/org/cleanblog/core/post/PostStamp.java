package org.cleanblog.core.post;

import java.time.Instant;
import org.cleanblog.core.internal.Check;

/**
 * A post's id and when it was last updated, without its content: what a sitemap needs to list a post's address with
 * its last modification, or a synchroniser to tell which posts changed since it last looked. Read in slices with
 * {@link PostRepository#findStamps}. The constructor throws {@link org.cleanblog.core.ValidationException} when
 * {@code updatedAt} is null.
 *
 * @param updatedAt when the post was created or last updated
 */
public record PostStamp(long id, Instant updatedAt) {
    /**
     * The most stamps one call of {@link PostRepository#findStamps} gives: 50,000, the most URLs the sitemap protocol
     * (sitemaps.org) allows in one file.
     */
    public static final int MAX_BATCH = 50_000;

    public PostStamp {
        Check.notNull("updatedAt", updatedAt);
    }
}
