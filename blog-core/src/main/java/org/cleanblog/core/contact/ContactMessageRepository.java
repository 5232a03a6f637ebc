package org.cleanblog.core.contact;

import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;

/**
 * Stored contact messages (what visitors send through a contact form), for the blog's owner to read.
 *
 * <p>Every method may throw {@link org.cleanblog.core.StorageException} when the database is unreachable or fails, and
 * {@link org.cleanblog.core.ValidationException} for a null argument where an object is expected (naming it).
 * Implementations are thread-safe.
 */
public interface ContactMessageRepository {
    /** Stores a message, created now, and returns it with its id and creation time. */
    ContactMessage create(NewContactMessage message);

    /**
     * Messages newest first (ties broken by id, newest first), with the total. A page past the last one has no items
     * (not an error) and the same total; an empty store gives an empty first page.
     */
    Page<ContactMessage> findPage(PageRequest request);

    /** How many messages are stored. */
    long count();
}
