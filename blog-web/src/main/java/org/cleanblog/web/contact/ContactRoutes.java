package org.cleanblog.web.contact;

import org.cleanblog.core.contact.ContactMessageRepository;
import org.cleanblog.web.http.Router;
import org.cleanblog.web.http.Throttle;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;

/** The URLs of the about page, the contact form and the admin's list of messages. */
public final class ContactRoutes {
    private ContactRoutes() {}

    /**
     * Adds {@code GET /about}, {@code GET|POST /contact} (the POST passes the per-address {@code forms} throttle first)
     * and {@code GET /messages}.
     */
    public static void register(
            Router router, Views views, Viewers viewers, ContactMessageRepository messages, Throttle forms) {
        var contact = new ContactPages(messages, viewers, views);
        router.get("/about", contact::about)
                .get("/contact", contact::contactForm)
                .post("/contact", forms.limit(contact::contact))
                .get("/messages", contact::list);
    }
}
