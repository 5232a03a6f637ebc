package org.cleanblog.core;

/** Input breaks a domain rule (too long, empty, malformed); the message names the field and the rule (HTTP 400). */
public final class ValidationException extends BlogException {
    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super(message);
    }
}
