package org.cleanblog.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses {@code postgres://} and {@code postgresql://} URLs (libpq's URI form, as Heroku and other platforms hand them
 * out) into a {@code jdbc:postgresql://} URL with separate credentials.
 *
 * <p>{@link java.net.URI} is not used because providers hand out passwords with raw {@code @ / ? # %} characters,
 * which it rejects or splits in the wrong place. Instead the user information ends at the last {@code @} that is
 * followed by something shaped like {@code host[:port]/}; a host can contain none of those characters.
 */
final class PostgresUrl {
    static final String EXAMPLE = "postgres://user:password@host:5432/database";
    private static final int DEFAULT_PORT = 5432;
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._~-]+)?");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LOOPBACK = Pattern.compile("(0{0,4}:){2,7}0{0,3}1|::1");
    private static final String SOCKET_FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";

    private PostgresUrl() {}

    static DatabaseSettings parse(String variable, String url) {
        String display = Masking.maskUrl(url);
        String quoted = Masking.quoteForError(url);
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new ConfigurationException(variable, "cannot parse " + quoted + " (expected " + EXAMPLE + ")");
        }
        String rest = url.substring(schemeEnd + 3);
        int at = userInfoEnd(rest);
        String userInfo = at < 0 ? null : rest.substring(0, at);
        String afterUserInfo = rest.substring(at + 1);
        int hostEnd = indexOfAny(afterUserInfo, "/?");
        String hostPort = hostEnd < 0 ? afterUserInfo : afterUserInfo.substring(0, hostEnd);
        String tail = hostEnd < 0 ? "" : afterUserInfo.substring(hostEnd);
        int question = tail.indexOf('?');
        String path = question < 0 ? tail : tail.substring(0, question);
        QueryParameters query = new QueryParameters(question < 0 ? "" : tail.substring(question + 1), false);

        Endpoint endpoint = endpoint(variable, quoted, hostPort, query);
        String database = database(variable, quoted, path);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://");
        if (endpoint.socketDirectory != null) {
            jdbc.append("localhost:").append(endpoint.port);
            query.removeHost();
            query.add("socketFactory=" + SOCKET_FACTORY);
            query.add("socketFactoryArg=" + endpoint.socketDirectory + "/.s.PGSQL." + endpoint.port);
        } else {
            jdbc.append(endpoint.host.contains(":") ? "[" + endpoint.host + "]" : endpoint.host);
            jdbc.append(':').append(endpoint.port);
            if (!endpoint.isLocal() && !query.hasSslMode()) {
                query.add("sslmode=require");
            }
        }
        jdbc.append('/').append(database).append(query.toQueryString());

        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = nonEmpty(PercentDecoding.decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? password : nonEmpty(PercentDecoding.decode(userInfo.substring(colon + 1)));
        }
        // As in libpq, parameters are read after the user information and override it.
        if (query.user().isPresent()) {
            user = query.user();
        }
        if (query.password().isPresent()) {
            password = query.password();
        }
        return new DatabaseSettings(jdbc.toString(), user, password, Dialect.POSTGRESQL, display);
    }

    private static Optional<String> nonEmpty(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * The index of the {@code @} ending the user information, or -1 when there is none: the last {@code @} followed by
     * {@code host[:port]/}; failing that (a URL without a database name), the first {@code @} before any {@code /}, as
     * libpq reads it, so that an {@code @} in a query parameter is not taken for the end of a password.
     */
    private static int userInfoEnd(String rest) {
        int beforePath = userInfoEndBeforePath(rest);
        if (beforePath >= 0) {
            return beforePath;
        }
        int firstAt = rest.indexOf('@');
        int firstSlash = rest.indexOf('/');
        return firstSlash >= 0 && firstSlash < firstAt ? -1 : firstAt;
    }

    /** The last {@code @} in {@code rest} (a URL after {@code ://}) followed by {@code host[:port]/}, or -1. */
    static int userInfoEndBeforePath(String rest) {
        for (int at = rest.lastIndexOf('@'); at >= 0; at = at == 0 ? -1 : rest.lastIndexOf('@', at - 1)) {
            String after = rest.substring(at + 1);
            int end = indexOfAny(after, "/?");
            String hostPort = end < 0 ? after : after.substring(0, end);
            if (end >= 0 && after.charAt(end) == '/' && looksLikeHostPort(hostPort)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean looksLikeHostPort(String hostPort) {
        return hostPort.matches("(\\[[^\\]@/]*\\]|[^\\[\\]@/:]*)(:[0-9]*)?");
    }

    private record Endpoint(String host, int port, String socketDirectory) {
        boolean isLocal() {
            return host.equalsIgnoreCase("localhost")
                    || IPV4_LOOPBACK.matcher(host).matches()
                    || IPV6_LOOPBACK.matcher(host).matches();
        }
    }

    private static Endpoint endpoint(String variable, String quoted, String hostPort, QueryParameters query) {
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new ConfigurationException(
                        variable,
                        "unclosed '[' in the host of " + quoted
                                + " (expected postgres://user:password@[::1]:5432/database)");
            }
            host = hostPort.substring(1, close);
            if (!IPV6.matcher(host).matches()) {
                throw new ConfigurationException(
                        variable,
                        "invalid IPv6 address in " + quoted
                                + " (expected postgres://user:password@[::1]:5432/database)");
            }
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
                        variable,
                        "IPv6 address in " + quoted
                                + " must be in brackets (expected postgres://user:password@[::1]:5432/database)");
            }
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        int port = port(variable, quoted, portText);
        String decodedHost = PercentDecoding.decode(host);
        if (decodedHost.startsWith("/")) {
            return new Endpoint("localhost", port, decodedHost);
        }
        if (host.isEmpty()) {
            Optional<String> socket = query.host().filter(h -> h.startsWith("/"));
            if (socket.isPresent()) {
                return new Endpoint("localhost", port, socket.get());
            }
            throw new ConfigurationException(variable, "no host in " + quoted + " (expected " + EXAMPLE + ")");
        }
        if (host.contains(",")) {
            throw new ConfigurationException(
                    variable,
                    "several hosts in " + quoted
                            + " are not supported (expected one host, or a jdbc:postgresql:// URL)");
        }
        if (!hostPort.startsWith("[") && !HOST_NAME.matcher(host).matches()) {
            throw new ConfigurationException(
                    variable, "invalid host name in " + quoted + " (expected " + EXAMPLE + ")");
        }
        return new Endpoint(host.toLowerCase(Locale.ROOT), port, null);
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

    private static String database(String variable, String quoted, String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (name.isEmpty()) {
            throw new ConfigurationException(variable, "no database name in " + quoted + " (expected " + EXAMPLE + ")");
        }
        if (name.contains("/") || name.contains("#")) {
            throw new ConfigurationException(
                    variable, "invalid database name in " + quoted + " (expected " + EXAMPLE + ")");
        }
        return name;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
