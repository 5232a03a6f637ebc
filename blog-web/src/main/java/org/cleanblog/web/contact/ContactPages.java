package org.cleanblog.web.contact;

import java.io.IOException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.contact.ContactMessage;
import org.cleanblog.core.contact.ContactMessageRepository;
import org.cleanblog.core.contact.NewContactMessage;
import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.core.user.Email;
import org.cleanblog.web.content.XmlText;
import org.cleanblog.web.http.Exchange;
import org.cleanblog.web.http.HttpError;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;

/** The about page, the contact form (stored in the database) and the admin's list of messages. */
final class ContactPages {
    static final int MESSAGES_PER_PAGE = 20;

    private final ContactMessageRepository messages;
    private final Viewers viewers;
    private final Views views;

    ContactPages(ContactMessageRepository messages, Viewers viewers, Views views) {
        this.messages = messages;
        this.viewers = viewers;
        this.views = views;
    }

    /** {@code GET /about}. */
    void about(Exchange ex) throws IOException {
        views.render(ex, 200, (out, ctx) -> JteaboutGenerated.render(out, null, ctx));
    }

    /** {@code GET /contact}; {@code ?sent} after a message was stored. */
    void contactForm(Exchange ex) throws IOException {
        boolean sent = ex.query("sent").isPresent();
        contactPage(ex, 200, "", ContactForm.EMPTY, sent);
    }

    /** {@code POST /contact} with {@code name}, {@code email}, {@code phone}, {@code message}. */
    void contact(Exchange ex) throws IOException {
        ContactForm form = new ContactForm(ex.form("name"), ex.form("email"), ex.form("phone"), ex.form("message"));
        try {
            XmlText.requireValid("name", form.name());
            messages.create(new NewContactMessage(form.name(), new Email(form.email()), form.phone(), form.message()));
        } catch (ValidationException e) {
            contactPage(ex, 400, e.getMessage(), form, false);
            return;
        }
        ex.redirect("/contact?sent");
    }

    /** {@code GET /messages?page=N}: the admin reads what visitors sent, newest first. */
    void list(Exchange ex) throws IOException {
        viewers.requireAdmin(ex);
        Page<ContactMessage> page = messages.findPage(new PageRequest(ex.pageNumber(), MESSAGES_PER_PAGE));
        if (page.number() > page.totalPages()) {
            throw HttpError.notFound();
        }
        views.render(ex, 200, (out, ctx) -> JtemessagesGenerated.render(out, null, ctx, page));
    }

    private void contactPage(Exchange ex, int status, String error, ContactForm form, boolean sent) throws IOException {
        views.render(ex, status, (out, ctx) -> JtecontactGenerated.render(out, null, ctx, error, form, sent));
    }

    /** The contact form's fields as typed. */
    record ContactForm(String name, String email, String phone, String message) {
        static final ContactForm EMPTY = new ContactForm("", "", "", "");
    }
}
