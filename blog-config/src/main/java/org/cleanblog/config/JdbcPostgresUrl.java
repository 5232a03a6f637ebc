package org.cleanblog.config;

import org.cleanblog.core.internal.ConnectionUrls;

/**
 * Passes a {@code jdbc:postgresql:} URL through, as Heroku's JVM build pack provides it in {@code JDBC_DATABASE_URL}.
 * Only the {@code user} and {@code password} parameters are moved out of the URL into the credentials, decoded the
 * way pgjdbc decodes them, so that the JDBC URL can be logged and printed without revealing the password. No
 * {@code sslmode} is added: whoever writes a JDBC URL has chosen the driver's settings.
 */
final class JdbcPostgresUrl {
    private static final String PREFIX = "jdbc:postgresql:";
    private static final String EXAMPLE = "jdbc:postgresql://host:5432/database";

    private JdbcPostgresUrl() {}

    static DatabaseSettings parse(String variable, String url) {
        String display = ConnectionUrls.redact(url);
        String quoted = ConnectionUrls.quoted(url);
        String rest = url.substring(PREFIX.length());
        int question = rest.indexOf('?');
        String target = question < 0 ? rest : rest.substring(0, question);
        if (target.isEmpty() || target.equals("//") || target.endsWith("/")) {
            throw new ConfigurationException(variable, "no database name in " + quoted + " (expected " + EXAMPLE + ")");
        }
        if (target.startsWith("//") && target.indexOf('/', 2) < 0) {
            throw new ConfigurationException(variable, "no database name in " + quoted + " (expected " + EXAMPLE + ")");
        }
        if (target.startsWith("//")
                && target.substring(2, target.indexOf('/', 2)).contains("@")) {
            throw new ConfigurationException(
                    variable,
                    "user information ('user:password@') in " + quoted + " is not understood by the JDBC driver"
                            + " (expected " + EXAMPLE + "?user=name&password=secret, or the postgres:// form)");
        }
        QueryParameters query = new QueryParameters(question < 0 ? "" : rest.substring(question + 1), true);
        String jdbcUrl = PREFIX + target + query.toQueryString();
        return new DatabaseSettings(jdbcUrl, query.user(), query.password(), DatabaseSettings.POSTGRESQL, display);
    }
}
