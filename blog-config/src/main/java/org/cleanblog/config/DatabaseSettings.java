package org.cleanblog.config;

import java.util.Objects;
import java.util.Optional;
import org.cleanblog.core.internal.ConnectionUrls;

/**
 * Where the blog's data lives, in the form a JDBC connection pool takes: the JDBC URL (never containing the user or
 * password), the credentials handed separately, and the dialect's name. Immutable and thread-safe.
 *
 * @param jdbcUrl the JDBC URL, for example {@code jdbc:postgresql://db.example.com:5432/blog?sslmode=require}; never
 *     null
 * @param user the user name, percent-decoded; empty when the URL and the environment name none (always for SQLite)
 * @param password the password, percent-decoded; empty when none is given. Never printed: {@link #toString()} masks it
 * @param dialect the name of the dialect the URL points at: {@code sqlite} or {@code postgresql}, which is also the
 *     MyBatis database id and Flyway migration folder of blog-persistence (this module knows no persistence type)
 * @param displayUrl the URL as it was given (surrounding whitespace removed), password masked, safe to print; never
 *     null
 */
public record DatabaseSettings(
        String jdbcUrl, Optional<String> user, Optional<String> password, String dialect, String displayUrl) {
    static final String SQLITE = "sqlite";
    static final String POSTGRESQL = "postgresql";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!SQLITE.equals(dialect) && !POSTGRESQL.equals(dialect)) {
            throw new IllegalArgumentException("dialect '" + dialect + "' is neither sqlite nor postgresql");
        }
        Objects.requireNonNull(displayUrl, "displayUrl");
    }

    /** Whether this is a SQLite database. */
    public boolean isSqlite() {
        return dialect.equals(SQLITE);
    }

    /** A copy whose missing user and password are taken from the given values (which may be null). */
    DatabaseSettings withDefaultCredentials(String defaultUser, String defaultPassword) {
        return new DatabaseSettings(
                jdbcUrl,
                user.or(() -> Optional.ofNullable(defaultUser)),
                password.or(() -> Optional.ofNullable(defaultPassword)),
                dialect,
                displayUrl);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + ConnectionUrls.redact(jdbcUrl) + ", user=" + user.orElse("(none)")
                + ", password=" + password.map(p -> Masking.MASK).orElse("(none)") + ", dialect=" + dialect
                + ", displayUrl=" + displayUrl + "]";
    }
}
