package org.cleanblog.config;

import java.util.Optional;
import org.cleanblog.core.internal.ConnectionUrls;

/**
 * Parses {@code postgres://} and {@code postgresql://} URLs (libpq's URI form, as Heroku and other platforms hand them
 * out) into a {@code jdbc:postgresql://} URL with separate credentials: splits the URL, takes the credentials out
 * (libpq's {@code user} and {@code password} parameters override the user information) and translates what pgjdbc
 * reads differently (a Unix socket, {@code sslmode=require} for a server that is not local). The host and port are
 * read by {@link PostgresEndpoint}.
 *
 * <p>{@link java.net.URI} is not used because providers hand out passwords with raw {@code @ / ? # %} characters,
 * which it rejects or splits in the wrong place. Instead the user information ends at the last {@code @} that is
 * followed by something shaped like {@code host[:port]/}; a host can contain none of those characters.
 */
final class PostgresUrl {
    static final String EXAMPLE = "postgres://user:password@host:5432/database";
    private static final String SOCKET_FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";

    private PostgresUrl() {}

    static DatabaseSettings parse(String variable, String url) {
        String display = ConnectionUrls.redact(url);
        String quoted = ConnectionUrls.quoted(url);
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

        PostgresEndpoint endpoint = PostgresEndpoint.parse(variable, quoted, hostPort, query);
        String database = database(variable, quoted, path);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://");
        if (endpoint.socketDirectory().isPresent()) {
            jdbc.append("localhost:").append(endpoint.port());
            query.removeHost();
            query.add("socketFactory=" + SOCKET_FACTORY);
            query.add("socketFactoryArg=" + endpoint.socketDirectory().get() + "/.s.PGSQL." + endpoint.port());
        } else {
            jdbc.append(endpoint.host().contains(":") ? "[" + endpoint.host() + "]" : endpoint.host());
            jdbc.append(':').append(endpoint.port());
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
        return new DatabaseSettings(jdbc.toString(), user, password, DatabaseSettings.POSTGRESQL, display);
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
        int beforePath = ConnectionUrls.userInfoEnd(rest);
        if (beforePath >= 0) {
            return beforePath;
        }
        int firstAt = rest.indexOf('@');
        int firstSlash = rest.indexOf('/');
        return firstSlash >= 0 && firstSlash < firstAt ? -1 : firstAt;
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
