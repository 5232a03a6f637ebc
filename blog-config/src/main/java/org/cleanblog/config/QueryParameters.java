package org.cleanblog.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code name=value&…} part of a URL, kept raw and in order so that parameters we do not interpret reach the
 * driver exactly as written. Credentials are taken out: they never travel inside a JDBC URL. Not thread-safe.
 */
final class QueryParameters {
    private final List<String> kept = new ArrayList<>();
    private String user;
    private String password;
    private boolean hasSslMode;
    private String host;

    /**
     * @param query the text after {@code ?}, possibly empty
     * @param formDecoding whether values are decoded as pgjdbc does ({@code +} is a space) rather than strictly
     */
    QueryParameters(String query, boolean formDecoding) {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String value = formDecoding ? formDecode(rawValue) : PercentDecoding.decode(rawValue);
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                case "host" -> {
                    host = value;
                    kept.add(pair);
                }
                default -> {
                    hasSslMode |= name.equals("sslmode");
                    kept.add(pair);
                }
            }
        }
    }

    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return value;
        }
    }

    Optional<String> user() {
        return Optional.ofNullable(user).filter(u -> !u.isEmpty());
    }

    Optional<String> password() {
        return Optional.ofNullable(password).filter(p -> !p.isEmpty());
    }

    /** The libpq {@code host} parameter, which names a Unix-socket directory when it starts with {@code /}. */
    Optional<String> host() {
        return Optional.ofNullable(host).filter(h -> !h.isEmpty());
    }

    /** Drops the {@code host} parameter, which pgjdbc does not understand once it has been turned into a socket. */
    void removeHost() {
        kept.removeIf(pair -> pair.equals("host") || pair.startsWith("host="));
    }

    boolean hasSslMode() {
        return hasSslMode;
    }

    void add(String pair) {
        kept.add(pair);
    }

    /** The kept parameters as {@code ?a=b&c=d}, or the empty string when there are none. */
    String toQueryString() {
        return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }
}
