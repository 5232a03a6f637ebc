package org.cleanblog.core;

/**
 * Root of the one unchecked exception family of the blog. Modules translate what they catch at their boundary into
 * one of its subclasses; the web layer maps each subclass to one HTTP status in one place.
 */
public class BlogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BlogException(String message) {
        super(message);
    }

    public BlogException(String message, Throwable cause) {
        super(message, cause);
    }
}
