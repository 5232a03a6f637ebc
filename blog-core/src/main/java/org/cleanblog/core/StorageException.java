package org.cleanblog.core;

/**
 * The database could not do what was asked for a reason that is not the caller's input: it is unreachable, it went
 * away mid-request, or it failed (HTTP 503). Nothing was changed by the failed operation.
 */
public final class StorageException extends BlogException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
