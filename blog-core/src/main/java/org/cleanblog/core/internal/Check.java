package org.cleanblog.core.internal;

import java.util.Locale;
import org.cleanblog.core.ValidationException;

/**
 * Argument checks shared by the compact constructors of the domain records and by the repositories of
 * blog-persistence.
 *
 * <p><strong>Internal:</strong> public only so that the records of other packages and blog-persistence can share one
 * rule; not part of the API, and it may change or disappear in any release without notice. Thread-safe (stateless).
 */
public final class Check {
    private Check() {}

    /**
     * Returns {@code value} when it is non-null, not blank, at most {@code max} characters long and holds only
     * characters XML 1.0 allows.
     *
     * @throws ValidationException naming {@code field} otherwise
     */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field + " must not be empty");
        }
        return length(field, value, max);
    }

    /**
     * Returns {@code value} (which may be empty but not null) when it is at most {@code max} characters long and holds
     * only characters XML 1.0 allows: the feeds carry every stored text, and a character they cannot carry would be
     * dropped there without a word, so it is refused here, at the one door of every write.
     *
     * @throws ValidationException naming {@code field} otherwise
     */
    public static String length(String field, String value, int max) {
        if (value == null) {
            throw new ValidationException(field + " must not be null");
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw new ValidationException(field + " must be at most " + max + " characters long");
        }
        requireXmlCharacters(field, value);
        return value;
    }

    /** Returns {@code value} when it is positive. */
    public static long id(String field, long value) {
        if (value <= 0) {
            throw new ValidationException(field + " must be a positive id, was " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is not null. */
    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new ValidationException(field + " must not be null");
        }
        return value;
    }

    /**
     * Refuses the characters XML 1.0 forbids (every control character but tab, line feed and carriage return, lone
     * surrogates, U+FFFE and U+FFFF); NUL, which PostgreSQL text cannot hold either, is one of them.
     */
    private static void requireXmlCharacters(String field, String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!isXmlCharacter(cp)) {
                String kind = Character.isSurrogate((char) cp) ? "the lone surrogate" : "the control character";
                throw new ValidationException(field + " contains " + kind + " U+"
                        + String.format(Locale.ROOT, "%04X", cp)
                        + ", which feeds cannot carry; remove it (tabs, line breaks and printable text are fine)");
            }
            i += Character.charCount(cp);
        }
    }

    /** Whether XML 1.0 allows {@code cp} (its production {@code Char}). */
    public static boolean isXmlCharacter(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
