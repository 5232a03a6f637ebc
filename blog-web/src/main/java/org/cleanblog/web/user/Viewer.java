package org.cleanblog.web.user;

/**
 * Who is looking at a page: a logged-in user with their admin right already decided, or {@link #ANONYMOUS}.
 *
 * @param id the user's id, 0 for an anonymous visitor
 * @param admin true for the first registered user and users whose e-mail is in the configured admin list
 */
public record Viewer(long id, String name, String email, boolean admin) {
    public static final Viewer ANONYMOUS = new Viewer(0, "", "", false);

    public boolean loggedIn() {
        return id != 0;
    }
}
