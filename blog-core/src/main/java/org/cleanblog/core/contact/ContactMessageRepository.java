package org.cleanblog.core.contact;

import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;

/** Stored contact messages. Implementations are thread-safe. */
public interface ContactMessageRepository {
    ContactMessage create(NewContactMessage message);

    /** Messages newest first, with the total. */
    Page<ContactMessage> findPage(PageRequest request);

    long count();
}
