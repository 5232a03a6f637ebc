package org.cleanblog.web.http;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * Headers sent with every response. The Content-Security-Policy allows scripts and styles from this site only (no
 * inline script or style: the templates have none), images also from https (post header images, Gravatar), and no
 * framing by any site. Responses to requests that came over HTTPS also carry Strict-Transport-Security.
 *
 * <p>Stateless and thread-safe.
 */
final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * One year, without {@code includeSubDomains}: the blog speaks for its own host only, and on a platform domain
     * (such as {@code herokuapp.com}) the other subdomains are somebody else's.
     */
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    /** The set sent on every response, whatever the scheme. */
    static final Map<String, String> ALWAYS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "X-Frame-Options", "DENY");

    private SecurityHeaders() {}

    /**
     * Sets the headers on a response of our servlet; adds Strict-Transport-Security when the request came over HTTPS
     * by the rule of {@link RequestOrigin#isHttps} (the one that also decides the session cookie's {@code Secure}).
     * A browser honours that header only on an HTTPS response, so sending it over plain HTTP would be noise.
     *
     * @param https whether the request came over HTTPS, as {@link RequestOrigin#isHttps} decides
     */
    public static void apply(HttpServletResponse response, boolean https) {
        ALWAYS.forEach(response::setHeader);
        if (https) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    /**
     * The same headers on a response that Jetty writes itself (errors found before our servlet ran), without
     * Strict-Transport-Security: such a request was malformed, and any regular page teaches the browser HSTS.
     */
    public static void apply(HttpFields.Mutable headers) {
        ALWAYS.forEach(headers::put);
    }
}
