package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import org.cleanblog.core.contact.ContactMessage;
import org.cleanblog.core.contact.NewContactMessage;
import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.core.user.Email;
import org.cleanblog.persistence.testing.DatabaseContract;
import org.junit.jupiter.api.Test;

/** The {@link org.cleanblog.core.contact.ContactMessageRepository} contract, run on each dialect by its subclasses. */
abstract class ContactMessageRepositoryContract extends DatabaseContract {
    ContactMessageRepositoryContract(Dialect dialect) {
        super(dialect);
    }

    @Test
    void shouldStoreEveryFieldOfAContactMessage() {
        var now = clock.peek().truncatedTo(ChronoUnit.MICROS);

        ContactMessage stored = db.contactMessages()
                .create(new NewContactMessage("Alan", new Email("alan@example.org"), "+44 1234", "Hello there"));

        assertThat(stored)
                .isEqualTo(new ContactMessage(stored.id(), "Alan", "alan@example.org", "+44 1234", "Hello there", now));
    }

    @Test
    void shouldStoreAnEmptyPhoneWhenNoneIsGiven() {
        ContactMessage stored = db.contactMessages()
                .create(new NewContactMessage("Alan", new Email("alan@example.org"), null, "No phone"));

        assertThat(stored.phone()).isEmpty();
    }

    @Test
    void shouldPageMessagesNewestFirstWithTheTotal() {
        ContactMessage first = send("first");
        ContactMessage second = send("second");
        ContactMessage third = send("third");

        Page<ContactMessage> page = db.contactMessages().findPage(new PageRequest(1, 2));
        Page<ContactMessage> next = db.contactMessages().findPage(new PageRequest(2, 2));

        assertThat(page.items()).containsExactly(third, second);
        assertThat(next.items()).containsExactly(first);
        assertThat(page.total()).isEqualTo(3);
        assertThat(db.contactMessages().count()).isEqualTo(3);
    }

    private ContactMessage send(String text) {
        return db.contactMessages().create(new NewContactMessage("Sender", new Email("s@example.org"), "", text));
    }
}
