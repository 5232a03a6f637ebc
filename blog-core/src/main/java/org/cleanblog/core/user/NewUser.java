package org.cleanblog.core.user;

import org.cleanblog.core.internal.Check;

/** What registration knows about a user before it is stored. The password is already hashed. */
public record NewUser(Email email, String name, String passwordHash) {
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_HASH_LENGTH = 255;

    public NewUser {
        Check.notNull("email", email);
        name = Check.text("name", name == null ? null : name.strip(), MAX_NAME_LENGTH);
        Check.text("password hash", passwordHash, MAX_HASH_LENGTH);
    }

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", name=" + name + ", passwordHash=***]";
    }
}
