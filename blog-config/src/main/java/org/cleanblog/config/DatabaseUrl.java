package org.cleanblog.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cleanblog.core.internal.ConnectionUrls;

/**
 * Turns a database URL in any form seen on platforms into {@link DatabaseSettings}. Accepted forms:
 *
 * <ul>
 *   <li>{@code sqlite:///relative/path.db} (relative to the working directory, made absolute) and
 *       {@code sqlite:////absolute/path.db};
 *   <li>{@code jdbc:sqlite:…}, passed through unchanged;
 *   <li>{@code postgres://} and {@code postgresql://user:password@host:port/database?parameters}: credentials
 *       percent-decoded and handed separately, port 5432 by default, parameters kept, {@code sslmode=require} added
 *       for a host that is not local unless the URL sets {@code sslmode};
 *   <li>{@code jdbc:postgresql:…}, passed through except that {@code user} and {@code password} parameters are moved
 *       out of the URL into the credentials.
 * </ul>
 *
 * Surrounding whitespace, such as the trailing newline of {@code $(cat file)}, is ignored. Stateless and thread-safe.
 */
public final class DatabaseUrl {
    /** The forms listed in error messages. */
    static final String EXPECTED_SCHEMES = "expected sqlite, postgres, postgresql, jdbc:sqlite, jdbc:postgresql";

    static final String SQLITE_EXAMPLE =
            "sqlite:///blog.db for a file in the working directory or sqlite:////absolute/path/blog.db";

    private static final Pattern SCHEME = Pattern.compile("^(jdbc:)?([A-Za-z][A-Za-z0-9+.-]*):");

    private DatabaseUrl() {}

    /**
     * Resolves {@code url}.
     *
     * @param variable the name the user gave the URL under, used in error messages (for example {@code DATABASE_URL}
     *     or {@code --from}); never null
     * @param url the URL; never null
     * @param workingDirectory the directory relative SQLite paths are resolved against; never null
     * @return the settings; never null
     * @throws ConfigurationException if the URL is empty, has an unsupported scheme or is malformed; the message names
     *     {@code variable} and never contains the password
     */
    public static DatabaseSettings parse(String variable, String url, Path workingDirectory) {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        String trimmed = url.strip();
        if (trimmed.isEmpty()) {
            throw new ConfigurationException(variable, "is empty (" + EXPECTED_SCHEMES + ")");
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return jdbcSqlite(variable, trimmed);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return JdbcPostgresUrl.parse(variable, trimmed);
        }
        if (lower.startsWith("sqlite:")) {
            return sqlite(variable, trimmed, workingDirectory);
        }
        if (lower.startsWith("postgres:") || lower.startsWith("postgresql:")) {
            return PostgresUrl.parse(variable, trimmed);
        }
        throw new ConfigurationException(variable, unsupported(trimmed));
    }

    private static String unsupported(String url) {
        var matcher = SCHEME.matcher(url);
        if (matcher.find()) {
            String scheme = matcher.group().substring(0, matcher.group().length() - 1);
            return "unsupported scheme '" + scheme.toLowerCase(Locale.ROOT) + "' (" + EXPECTED_SCHEMES + ")";
        }
        return "'" + ConnectionUrls.redact(url) + "' is not a database URL (" + EXPECTED_SCHEMES + "; for example "
                + SQLITE_EXAMPLE + ")";
    }

    private static DatabaseSettings jdbcSqlite(String variable, String url) {
        // The drivers match their prefix case-sensitively, so it is normalised; the rest is the driver's business.
        String path = url.substring("jdbc:sqlite:".length());
        if (path.isBlank()) {
            throw new ConfigurationException(
                    variable, "empty SQLite path in 'jdbc:sqlite:' (expected jdbc:sqlite:blog.db)");
        }
        String jdbcUrl = "jdbc:sqlite:" + path;
        return new DatabaseSettings(jdbcUrl, Optional.empty(), Optional.empty(), DatabaseSettings.SQLITE, url);
    }

    private static DatabaseSettings sqlite(String variable, String url, Path workingDirectory) {
        String rest = url.substring("sqlite:".length());
        if (!rest.startsWith("//")) {
            throw new ConfigurationException(variable, "cannot parse '" + url + "' (expected " + SQLITE_EXAMPLE + ")");
        }
        rest = rest.substring(2);
        if (!rest.startsWith("/")) {
            String problem = rest.isEmpty() ? "empty SQLite path in '" + url + "'" : "'" + url + "' names a host";
            throw new ConfigurationException(
                    variable, problem + " (a SQLite URL has three slashes: " + SQLITE_EXAMPLE + ")");
        }
        rest = rest.substring(1);
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question);
        if (path.isEmpty()) {
            throw new ConfigurationException(
                    variable, "empty SQLite path in '" + url + "' (expected " + SQLITE_EXAMPLE + ")");
        }
        String file = path.equals(":memory:")
                ? path
                : workingDirectory.resolve(path).toAbsolutePath().normalize().toString();
        return new DatabaseSettings(
                "jdbc:sqlite:" + file + query, Optional.empty(), Optional.empty(), DatabaseSettings.SQLITE, url);
    }
}
