package org.cleanblog.core;

/** A thing that was asked for by its identity does not exist (HTTP 404). */
public final class NotFoundException extends BlogException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    /** For example {@code NotFoundException.of("post", 42)}: "post 42 does not exist". */
    public static NotFoundException of(String thing, Object id) {
        return new NotFoundException(thing + " " + id + " does not exist");
    }
}
