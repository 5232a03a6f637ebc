package org.cleanblog.web.http;

/**
 * An error page to show: the status, a title and a message in the visitor's terms (never a stack trace, an exception
 * message from a library or a SQL statement), and the path that was asked for. The http layer decides when an error
 * page is shown and what it says; a {@link Renderer} (the view layer) decides how it looks.
 *
 * @param status 400, 403, 404, 405, 408, 409, 413, 429, 500, 503…
 * @param message never null: the handler's message, or the standard text of the status
 */
public record ErrorPage(int status, String title, String message, String path) {

    /** The page for {@code status}; {@code message} may be null for the standard text of the status. */
    static ErrorPage of(int status, String message, String path) {
        return new ErrorPage(status, title(status), message == null ? text(status) : message, path);
    }

    /** Turns an error page into the HTML sent to the visitor. Implementations must be thread-safe. */
    @FunctionalInterface
    public interface Renderer {
        /**
         * The complete HTML page.
         *
         * @param exchange the request as its handler saw it, so the page can show the visitor as who they are; null
         *     when the error was found before there was one, or when the visitor must not be looked up (the database
         *     is unreachable): the page is then shown to an anonymous visitor
         */
        String render(ErrorPage page, Exchange exchange);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Forbidden";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 408 -> "Request timeout";
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
            case 408 -> "The request arrived too slowly. Try again.";
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
