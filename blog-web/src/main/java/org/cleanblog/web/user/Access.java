package org.cleanblog.web.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.cleanblog.web.http.Exchange;
import org.cleanblog.web.http.HttpError;
import org.cleanblog.web.http.Redirect;

/** Who may do what: anonymous visitors are sent to log in, logged-in users who are not the admin get 403. */
public final class Access {
    private Access() {}

    /** The logged-in viewer; an anonymous visitor is redirected to the login page, coming back to {@code returnTo}. */
    public static Viewer requireUser(Exchange exchange, String returnTo) {
        Viewer viewer = exchange.viewer();
        if (!viewer.loggedIn()) {
            throw new Redirect("/login?next=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        }
        return viewer;
    }

    /** The admin; anonymous visitors are redirected to log in, other users get 403. */
    public static Viewer requireAdmin(Exchange exchange) {
        // After logging in the browser comes back with GET, which only makes sense for a page, not a form target.
        Viewer viewer = requireUser(exchange, "GET".equals(exchange.method()) ? exchange.path() : "/");
        if (!viewer.admin()) {
            throw HttpError.forbidden();
        }
        return viewer;
    }

    /** {@code next} when it is a path on this site, else "/": a login link must not send anyone elsewhere. */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            if (Character.isISOControl(next.charAt(i))) {
                return "/";
            }
        }
        return next;
    }
}
