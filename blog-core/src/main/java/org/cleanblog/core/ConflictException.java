package org.cleanblog.core;

/** A write would break a uniqueness rule or another invariant held by the stored data (HTTP 409). */
public final class ConflictException extends BlogException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
