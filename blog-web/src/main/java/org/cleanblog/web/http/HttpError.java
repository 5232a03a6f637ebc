package org.cleanblog.web.http;

/**
 * Ends a request with an HTTP error status. The message is shown to the visitor, so it must say what went wrong in
 * their terms and contain no internals.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpError(int status, String publicMessage) {
        super(publicMessage, null, false, false);
        this.status = status;
    }

    public static HttpError notFound() {
        return new HttpError(404, "There is no page at this address.");
    }

    public static HttpError forbidden() {
        return new HttpError(403, "Only the blog's admin may do this.");
    }

    public int status() {
        return status;
    }
}
