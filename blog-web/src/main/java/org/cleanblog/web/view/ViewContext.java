package org.cleanblog.web.view;

import java.util.function.Supplier;
import org.cleanblog.web.user.Viewer;

/**
 * What the layout of every page needs: who is looking, the CSRF token for the forms of the page, and the path, to mark
 * the current navigation link. Used by one thread while one page is rendered.
 */
public final class ViewContext {
    private final Viewer viewer;
    private final Supplier<String> csrfToken;
    private final String path;

    ViewContext(Viewer viewer, Supplier<String> csrfToken, String path) {
        this.viewer = viewer;
        this.csrfToken = csrfToken;
        this.path = path;
    }

    /** For a page shown before anyone was looked up (errors found by Jetty, or while the database is unreachable). */
    static ViewContext anonymous(String path) {
        return new ViewContext(Viewer.ANONYMOUS, () -> "", path);
    }

    public Viewer viewer() {
        return viewer;
    }

    /**
     * The CSRF token for a form of this page. A template asks for it only where it renders a form, and asking starts the
     * visitor's session when there is none yet: so every form that is shown posts back a token that is accepted, and a
     * page without a form sets no cookie. Empty on an {@link #anonymous} page, which has no session to start.
     */
    public String csrfToken() {
        return csrfToken.get();
    }

    public String path() {
        return path;
    }
}
