package org.cleanblog.web.http;

import java.util.Map;
import org.cleanblog.web.user.Viewer;

/**
 * The error pages (400, 403, 404, 405, 409, 413, 429, 500, 503): a title and a message in the visitor's terms, inside the
 * normal layout; never a stack trace, an exception message from a library or a SQL statement.
 *
 * <p>Thread-safe.
 */
public final class ErrorPages {
    private final Templates templates;

    public ErrorPages(Templates templates) {
        this.templates = templates;
    }

    /** The full HTML page for {@code status}; {@code message} may be null for the standard text of the status. */
    public String render(ViewContext ctx, int status, String message) {
        return templates.render(
                "error.jte",
                Map.of(
                        "ctx",
                        ctx,
                        "status",
                        status,
                        "title",
                        title(status),
                        "message",
                        message == null ? text(status) : message));
    }

    /** A page for errors found before any handler ran (by Jetty itself), shown to an anonymous visitor. */
    public String renderAnonymous(String path, int status) {
        return render(new ViewContext(Viewer.ANONYMOUS, "", path), status, null);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Forbidden";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Too large";
            case 429 -> "Too many requests";
            case 503 -> "Temporarily unavailable";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }

    static String text(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood. Go back, reload the page and try again.";
            case 403 -> "You may not do this.";
            case 404 -> "There is no page at this address.";
            case 405 -> "This address does not accept this kind of request.";
            case 409 -> "This conflicts with what is already stored.";
            case 413 -> "What you sent is larger than this blog accepts. Shorten it and try again.";
            case 429 -> "Too many attempts in a short time. Wait a minute and try again.";
            case 503 -> "The blog cannot reach its database right now. Nothing was changed; try again in a minute.";
            default ->
                status >= 500
                        ? "The blog failed to answer this request. It has been logged; try again later."
                        : "The request was refused.";
        };
    }
}
