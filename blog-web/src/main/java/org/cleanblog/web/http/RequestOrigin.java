package org.cleanblog.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Where a request came from, as far as the blog may believe it: behind a platform router (Heroku) the connection
 * comes from the router, which says in {@code X-Forwarded-*} headers what the visitor used. Stateless.
 */
public final class RequestOrigin {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.%\\[\\]]+");
    /** A DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
    private static final Pattern SANE_HOST =
            Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                    + "[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");

    private RequestOrigin() {}

    /**
     * Whether the visitor used HTTPS: the connection is TLS, or the first {@code X-Forwarded-Proto} value is
     * {@code https}. Trusting the header can at worst add {@code Secure} or HSTS, never take them away.
     */
    public static boolean isHttps(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String forwarded = request.getHeader("X-Forwarded-Proto");
        if (forwarded == null) {
            return false;
        }
        int comma = forwarded.indexOf(',');
        String first = (comma >= 0 ? forwarded.substring(0, comma) : forwarded).strip();
        return "https".equalsIgnoreCase(first);
    }

    /**
     * The visitor's address, for throttling. Behind a reverse proxy or platform router on a loopback or private
     * address, the last {@code X-Forwarded-For} entry (the one the proxy added); otherwise the connection's peer,
     * because a client on the internet could write any X-Forwarded-For it likes.
     */
    public static String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank() || !isProxyAddress(peer)) {
            return peer;
        }
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return last.isEmpty() ? peer : last;
    }

    /**
     * The scheme and host the visitor used, for absolute links in feeds. A Host header that is not a plain
     * {@code host[:port]} is ignored in favour of the address the request arrived on. Any client can still name any
     * well-formed host, which is why production should set BLOG_BASE_URL.
     */
    public static String baseUrl(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || !SANE_HOST.matcher(host).matches()) {
            host = "localhost:" + request.getLocalPort();
        }
        return (isHttps(request) ? "https" : "http") + "://" + host;
    }

    private static boolean isProxyAddress(String address) {
        // Only IP literals, for which getByName parses and never asks DNS.
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            InetAddress inet = InetAddress.getByName(address);
            return inet.isLoopbackAddress() || inet.isSiteLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
