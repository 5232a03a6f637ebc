package org.cleanblog.web.http;

/** Ends a request with a 303 redirect to a path on this site, e.g. to the login page. */
public final class Redirect extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;

    public Redirect(String location) {
        super(location, null, false, false);
        if (location == null || !location.startsWith("/") || location.startsWith("//")) {
            throw new IllegalArgumentException("redirect must go to a path on this site, was " + location);
        }
        this.location = location;
    }

    public String location() {
        return location;
    }
}
