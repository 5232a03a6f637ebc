package org.cleanblog.web.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cleanblog.core.user.User;
import org.cleanblog.core.user.UserRepository;
import org.cleanblog.web.cache.ContentCache;
import org.cleanblog.web.http.Exchange;
import org.cleanblog.web.http.HttpError;
import org.cleanblog.web.http.Redirect;
import org.cleanblog.web.http.SessionCookie;
import org.cleanblog.web.session.Session;

/**
 * Who is making a request, and what they may do. The visitor is looked up once per request from the session (one
 * {@code users().findById}); the admin right is the stored admin flag only (the first registered user, or one the
 * operator made admin with {@code admin grant}): an e-mail address proves nothing, since registering never checks that
 * the person owns it. A session that is anonymous, whose user no longer exists, or that was
 * issued before the user's sessions were ended (logout, ADR 0010) gives {@link Viewer#ANONYMOUS}, and a session of a
 * user that no longer counts is ended, so the browser forgets it.
 *
 * <p>Thread-safe.
 */
public final class Viewers {
    private final UserRepository users;
    private final ContentCache cache;

    /**
     * @param cache keeps the users looked up, so that a logged-in visitor's next page needs no statement; a logout or
     *     a change of the admin right changes the content version, which drops them (ADR 0034)
     */
    public Viewers(UserRepository users, ContentCache cache) {
        this.users = users;
        this.cache = cache;
    }

    /** The logged-in user of {@code exchange}, or {@link Viewer#ANONYMOUS}; never null. */
    public Viewer of(Exchange exchange) {
        return exchange.session().derived(Viewer.class, this::lookUp);
    }

    /** The logged-in viewer; an anonymous visitor is redirected to the login page, coming back to {@code returnTo}. */
    public Viewer requireUser(Exchange exchange, String returnTo) {
        Viewer viewer = of(exchange);
        if (!viewer.loggedIn()) {
            throw new Redirect("/login?next=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        }
        return viewer;
    }

    /** The admin; anonymous visitors are redirected to log in, other users get 403. */
    public Viewer requireAdmin(Exchange exchange) {
        // After logging in the browser comes back with GET, which only makes sense for a page, not a form target.
        Viewer viewer = requireUser(exchange, "GET".equals(exchange.method()) ? exchange.path() : "/");
        if (!viewer.admin()) {
            throw HttpError.forbidden();
        }
        return viewer;
    }

    private Viewer lookUp(SessionCookie cookie) {
        Session session = cookie.current().orElse(null);
        if (session == null || session.user().isEmpty()) {
            return Viewer.ANONYMOUS;
        }
        long id = session.userId();
        Viewer viewer = cache.get(new UserKey(id), Viewers::weight, () -> users.findById(id))
                .filter(u -> u.acceptsSessionIssuedAt(session.issuedAt()))
                .map(u -> new Viewer(u.id(), u.name(), u.email(), u.admin()))
                .orElse(Viewer.ANONYMOUS);
        if (!viewer.loggedIn()) {
            cookie.end();
        }
        return viewer;
    }

    /** About what a user occupies in the heap: the record, its strings and instants. */
    private static int weight(Optional<User> user) {
        return 64
                + user.map(u -> 200
                                + 2
                                        * (u.name().length()
                                                + u.email().length()
                                                + u.passwordHash().length()))
                        .orElse(0);
    }

    /** The cache key of a user looked up by id. */
    private record UserKey(long id) {}
}
