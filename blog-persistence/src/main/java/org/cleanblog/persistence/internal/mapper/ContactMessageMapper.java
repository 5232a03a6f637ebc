package org.cleanblog.persistence.internal.mapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;
import org.cleanblog.core.contact.ContactMessage;
import org.cleanblog.core.contact.NewContactMessage;

/**
 * SQL of the {@code contact_messages} table; statements in {@code ContactMessageMapper.xml}.
 *
 * <p><strong>Internal:</strong> public only because MyBatis builds a proxy of it; not part of the API, and it may
 * change in any release without notice.
 */
public interface ContactMessageMapper {
    /** Inserts a message and returns its id. */
    long insert(@Param("message") NewContactMessage message, @Param("createdAt") Instant createdAt);

    Optional<ContactMessage> findById(@Param("id") long id);

    /** Messages newest first, {@code limit} of them after skipping {@code offset}. */
    List<ContactMessage> findPage(@Param("limit") int limit, @Param("offset") long offset);

    long count();
}
