package org.cleanblog.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Enumeration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cleanblog.config.InetLiteral;
import org.cleanblog.config.TrustedProxies;

/**
 * Where a request came from, as far as the blog may believe it: behind a reverse proxy or platform router (Heroku)
 * the connection comes from that proxy, which says in {@code X-Forwarded-*} headers what the visitor used. Those
 * headers are believed only from the {@link TrustedProxies} ({@code TRUSTED_PROXIES}, loopback by default), because
 * any other client could write whatever it likes into them. Immutable and thread-safe.
 */
final class RequestOrigin {
    /** A DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
    private static final Pattern SANE_HOST =
            Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                    + "[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");

    private final TrustedProxies trusted;

    RequestOrigin(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /**
     * Whether the visitor used HTTPS: the connection is TLS, or it comes from a trusted proxy whose first
     * {@code X-Forwarded-Proto} value is {@code https}.
     */
    boolean isHttps(HttpServletRequest request) {
        return isHttps(request.isSecure(), request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
    }

    /** {@link #isHttps(HttpServletRequest)} from the connection's TLS, its peer and the header (may be null). */
    boolean isHttps(boolean secure, String peer, String forwarded) {
        if (secure) {
            return true;
        }
        if (forwarded == null || !isTrusted(parseIp(peer))) {
            return false;
        }
        int comma = forwarded.indexOf(',');
        String first = (comma >= 0 ? forwarded.substring(0, comma) : forwarded).strip();
        return "https".equalsIgnoreCase(first);
    }

    /**
     * The visitor's address, for throttling: an IP address in Java's textual form ({@code 203.0.113.7},
     * {@code 2001:db8:0:0:0:0:0:1}), or the connection's peer as the server reported it when that is no IP literal.
     * When the peer is a trusted proxy it is the last {@code X-Forwarded-For} entry (the one that proxy added);
     * otherwise, or when that entry is not an IP literal, the connection's peer.
     */
    String clientAddress(HttpServletRequest request) {
        // A proxy that adds its own header line (HAProxy) rather than appending puts its entry in the last line.
        String lastLine = null;
        Enumeration<String> lines = request.getHeaders("X-Forwarded-For");
        while (lines != null && lines.hasMoreElements()) {
            lastLine = lines.nextElement();
        }
        return clientAddress(request.getRemoteAddr(), lastLine);
    }

    /** {@link #clientAddress(HttpServletRequest)} from the peer and the last X-Forwarded-For line (may be null). */
    String clientAddress(String peer, String forwardedFor) {
        Optional<InetAddress> peerIp = parseIp(peer);
        if (peerIp.isEmpty()) {
            return peer;
        }
        if (forwardedFor != null && isTrusted(peerIp)) {
            Optional<InetAddress> client = parseIp(forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1));
            if (client.isPresent()) {
                return client.get().getHostAddress();
            }
        }
        return peerIp.get().getHostAddress();
    }

    /**
     * What a client address is counted as when throttling: an IPv6 address is its /64 network (as
     * {@code 2001:db8:1:2::/64}), because a single host is routinely given a whole /64 and could otherwise take a new
     * address for every request; an IPv4 address, or anything that is no IP literal, is itself.
     *
     * @param clientAddress an address from {@link #clientAddress(HttpServletRequest)}; null gives null
     */
    public static String clientNetwork(String clientAddress) {
        Optional<InetAddress> ip = parseIp(clientAddress);
        if (ip.isEmpty() || !(ip.get() instanceof Inet6Address)) {
            return clientAddress;
        }
        byte[] bytes = ip.get().getAddress();
        StringBuilder prefix = new StringBuilder(24);
        for (int group = 0; group < 4; group++) {
            prefix.append(Integer.toHexString((bytes[2 * group] & 0xff) << 8 | (bytes[2 * group + 1] & 0xff)));
            prefix.append(':');
        }
        return prefix.append(":/64").toString();
    }

    /**
     * An IP literal ({@link InetLiteral}) without a zone, surrounding white space ignored. Never asks DNS. Empty for
     * null and for anything else, such as host names. A zone names an interface of the machine that wrote it, so an
     * address carrying one is no client identity.
     */
    static Optional<InetAddress> parseIp(String text) {
        return InetLiteral.parse(text == null ? null : text.strip())
                .filter(literal -> literal.zone().isEmpty())
                .map(InetLiteral::address);
    }

    /**
     * The scheme and host the visitor used, for absolute links in feeds. A Host header that is not a plain
     * {@code host[:port]} is ignored in favour of the address the request arrived on. Any client can still name any
     * well-formed host, which is why production should set BLOG_BASE_URL.
     */
    String baseUrl(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || !SANE_HOST.matcher(host).matches()) {
            host = "localhost:" + request.getLocalPort();
        }
        return (isHttps(request) ? "https" : "http") + "://" + host;
    }

    /** Whether the peer is a trusted proxy; a peer that is no IP literal (a Unix socket, say) is not. */
    private boolean isTrusted(Optional<InetAddress> peer) {
        return peer.isPresent() && trusted.trusts(peer.get());
    }
}
