package org.cleanblog.persistence.internal;

/**
 * The one rule for showing a JDBC URL in a message or a {@code toString()}: its query, which may carry a password, is
 * replaced by {@code ?…}.
 *
 * <p><strong>Internal:</strong> public only for the library's other packages; not part of the API, and it may change
 * in any release without notice. Thread-safe (stateless).
 */
public final class JdbcUrls {
    private JdbcUrls() {}

    /** {@code jdbcUrl} without its query; {@code "null"} for null. */
    public static String redact(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "null";
        }
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
    }
}
