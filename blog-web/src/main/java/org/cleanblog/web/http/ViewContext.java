package org.cleanblog.web.http;

import org.cleanblog.web.user.Viewer;

/**
 * What the layout of every page needs: who is looking, the CSRF token for the forms of the page (empty when the page
 * has none and the visitor has no session) and the path, to mark the current navigation link.
 */
public record ViewContext(Viewer viewer, String csrfToken, String path) {}
