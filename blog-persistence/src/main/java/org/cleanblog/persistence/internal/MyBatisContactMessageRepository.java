package org.cleanblog.persistence.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.cleanblog.core.contact.ContactMessage;
import org.cleanblog.core.contact.ContactMessageRepository;
import org.cleanblog.core.contact.NewContactMessage;
import org.cleanblog.core.internal.Check;
import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.persistence.internal.mapper.ContactMessageMapper;

/** {@link ContactMessageRepository} on MyBatis. Thread-safe when its runner is. */
final class MyBatisContactMessageRepository implements ContactMessageRepository {
    private final SqlRunner runner;
    private final Clock clock;

    MyBatisContactMessageRepository(SqlRunner runner, Clock clock) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ContactMessage create(NewContactMessage message) {
        Check.notNull("contact message", message);
        return runner.write("store a contact message", session -> {
            ContactMessageMapper mapper = session.getMapper(ContactMessageMapper.class);
            long id = mapper.insert(message, clock.instant().truncatedTo(ChronoUnit.MICROS));
            return mapper.findById(id).orElseThrow();
        });
    }

    @Override
    public Page<ContactMessage> findPage(PageRequest request) {
        Check.notNull("page request", request);
        return runner.read("read page " + request.number() + " of the contact messages", session -> {
            ContactMessageMapper mapper = session.getMapper(ContactMessageMapper.class);
            List<ContactMessage> items = mapper.findPage(request.size(), request.offset());
            return new Page<>(items, request, mapper.count());
        });
    }

    @Override
    public long count() {
        return runner.read(
                "count contact messages",
                session -> session.getMapper(ContactMessageMapper.class).count());
    }
}
