package org.cleanblog.web.http;

import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;

/**
 * Headers sent with every response. The Content-Security-Policy allows scripts and styles from this site only (no
 * inline script or style: the templates have none), images also from https (post header images, Gravatar), and no
 * framing by any site.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
    }

    /** The same headers on a response that Jetty writes itself (errors found before our servlet ran). */
    public static void apply(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("X-Frame-Options", "DENY");
    }
}
