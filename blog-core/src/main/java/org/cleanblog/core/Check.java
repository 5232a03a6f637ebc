package org.cleanblog.core;

/** Argument checks shared by the compact constructors of the domain records. */
public final class Check {
    private Check() {}

    /** Returns {@code value} when it is non-null, not blank and at most {@code max} characters long. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field + " must not be empty");
        }
        return length(field, value, max);
    }

    /** Returns {@code value} (which may be empty but not null) when it is at most {@code max} characters long. */
    public static String length(String field, String value, int max) {
        if (value == null) {
            throw new ValidationException(field + " must not be null");
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw new ValidationException(field + " must be at most " + max + " characters long");
        }
        if (value.indexOf('\0') >= 0) {
            throw new ValidationException(field + " must not contain NUL characters");
        }
        return value;
    }

    /** Returns {@code value} when it is positive. */
    public static long id(String field, long value) {
        if (value <= 0) {
            throw new ValidationException(field + " must be a positive id, was " + value);
        }
        return value;
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new ValidationException(field + " must not be null");
        }
        return value;
    }
}
