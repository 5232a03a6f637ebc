package org.cleanblog.core.contact;

import org.cleanblog.core.internal.Check;
import org.cleanblog.core.user.Email;

/** A message sent through the contact form. */
public record NewContactMessage(String name, Email email, String phone, String message) {
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_PHONE_LENGTH = 50;
    public static final int MAX_MESSAGE_LENGTH = 5_000;

    public NewContactMessage {
        name = Check.text("name", name == null ? null : name.strip(), MAX_NAME_LENGTH);
        Check.notNull("email", email);
        phone = Check.length("phone", phone == null ? "" : phone.strip(), MAX_PHONE_LENGTH);
        message = Check.text("message", message == null ? null : message.strip(), MAX_MESSAGE_LENGTH);
    }
}
