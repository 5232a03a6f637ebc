package org.cleanblog.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a {@code postgres://} URL says the server is: the {@code host[:port]} part, read as libpq reads it (a host
 * name, an IP literal, an IPv6 literal in brackets, or a Unix-socket directory written as a percent-encoded path or
 * given in the {@code host} parameter). Immutable and thread-safe.
 *
 * @param host the host name or IP literal in lower case, without brackets; {@code localhost} for a Unix socket
 * @param port 1-65535, 5432 unless the URL says otherwise
 * @param socketDirectory the directory of the server's Unix socket, when the URL names one instead of a host
 */
record PostgresEndpoint(String host, int port, Optional<String> socketDirectory) {
    private static final int DEFAULT_PORT = 5432;
    private static final String IPV6_EXAMPLE = "postgres://user:password@[::1]:5432/database";
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._~-]+");

    /**
     * Whether the server is on this machine ({@code localhost}, a loopback address or a Unix socket), where libpq's
     * defaults need no TLS.
     */
    boolean isLocal() {
        return socketDirectory.isPresent()
                || host.equals("localhost")
                || InetLiteral.parse(host)
                        .map(literal -> literal.address().isLoopbackAddress())
                        .orElse(false);
    }

    /**
     * @param hostPort the text between the user information and the path, as written
     * @param query the URL's parameters, for libpq's {@code host} parameter
     * @param variable and {@code quoted} name the setting and the (masked) URL in error messages
     * @throws ConfigurationException when the host or port is malformed, missing or several
     */
    static PostgresEndpoint parse(String variable, String quoted, String hostPort, QueryParameters query) {
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new ConfigurationException(
                        variable, "unclosed '[' in the host of " + quoted + " (expected " + IPV6_EXAMPLE + ")");
            }
            if (InetLiteral.parse(hostPort.substring(0, close + 1)).isEmpty()) {
                throw new ConfigurationException(
                        variable, "invalid IPv6 address in " + quoted + " (expected " + IPV6_EXAMPLE + ")");
            }
            host = hostPort.substring(1, close);
            String afterHost = hostPort.substring(close + 1);
            if (!afterHost.isEmpty()) {
                if (!afterHost.startsWith(":")) {
                    throw new ConfigurationException(
                            variable,
                            "unexpected text after the IPv6 address in " + quoted + " (expected [address]:port)");
                }
                portText = afterHost.substring(1);
            }
        } else {
            int colon = hostPort.indexOf(':');
            if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
                throw new ConfigurationException(
                        variable, "IPv6 address in " + quoted + " must be in brackets (expected " + IPV6_EXAMPLE + ")");
            }
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        int port = port(variable, quoted, portText);
        String decodedHost = PercentDecoding.decode(host);
        if (decodedHost.startsWith("/")) {
            return new PostgresEndpoint("localhost", port, Optional.of(decodedHost));
        }
        if (host.isEmpty()) {
            Optional<String> socket = query.host().filter(h -> h.startsWith("/"));
            if (socket.isPresent()) {
                return new PostgresEndpoint("localhost", port, socket);
            }
            throw new ConfigurationException(
                    variable, "no host in " + quoted + " (expected " + PostgresUrl.EXAMPLE + ")");
        }
        if (host.contains(",")) {
            throw new ConfigurationException(
                    variable,
                    "several hosts in " + quoted
                            + " are not supported (expected one host, or a jdbc:postgresql:// URL)");
        }
        if (!hostPort.startsWith("[") && !HOST_NAME.matcher(host).matches()) {
            throw new ConfigurationException(
                    variable, "invalid host name in " + quoted + " (expected " + PostgresUrl.EXAMPLE + ")");
        }
        return new PostgresEndpoint(host.toLowerCase(Locale.ROOT), port, Optional.empty());
    }

    private static int port(String variable, String quoted, String portText) {
        if (portText == null) {
            return DEFAULT_PORT;
        }
        if (!portText.matches("[0-9]+")) {
            throw new ConfigurationException(variable, "port is not a number in " + quoted + " (expected 1-65535)");
        }
        int port = portText.length() > 5 ? -1 : Integer.parseInt(portText);
        if (port < 1 || port > 65535) {
            throw new ConfigurationException(variable, "port is out of range in " + quoted + " (expected 1-65535)");
        }
        return port;
    }
}
