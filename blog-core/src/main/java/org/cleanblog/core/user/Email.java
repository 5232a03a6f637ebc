package org.cleanblog.core.user;

import java.util.Locale;
import java.util.regex.Pattern;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.internal.Check;

/**
 * An e-mail address as users type it: trimmed, at most 254 characters, one {@code @} with a non-empty local part and a
 * domain that contains a dot. The spelling is kept; {@link #normalized()} is the form compared for uniqueness.
 */
public record Email(String value) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    public Email {
        value = Check.text("email", value == null ? null : value.strip(), MAX_LENGTH);
        if (!SHAPE.matcher(value).matches()) {
            throw new ValidationException("email '" + value + "' is not an e-mail address (expected name@example.org)");
        }
    }

    /** The form two addresses are compared in: lower case in the root locale. */
    public String normalized() {
        return normalize(value);
    }

    /**
     * The one normalisation rule for e-mail addresses, also for text that may not be a valid address (a login form's
     * input, an imported row): stripped, then lower case in the root locale. {@code null} gives {@code null}.
     */
    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
