package org.cleanblog.persistence;

import java.util.Locale;
import org.cleanblog.core.BlogException;
import org.cleanblog.core.internal.ConnectionUrls;

/**
 * The SQL dialects the library speaks. Each has its own migration folder ({@code db/cleanblog/sqlite},
 * {@code db/cleanblog/postgresql}) and is the MyBatis {@code databaseId} of the statements that must differ.
 */
public enum Dialect {
    SQLITE("sqlite", "SQLite", "jdbc:sqlite:"),
    POSTGRESQL("postgresql", "PostgreSQL", "jdbc:postgresql:");

    private final String id;
    private final String productName;
    private final String urlPrefix;

    Dialect(String id, String productName, String urlPrefix) {
        this.id = id;
        this.productName = productName;
        this.urlPrefix = urlPrefix;
    }

    /** The MyBatis {@code databaseId} and migration folder name: {@code sqlite} or {@code postgresql}. */
    public String id() {
        return id;
    }

    /**
     * The dialect of a JDBC URL, from its scheme.
     *
     * @throws BlogException when the URL is null or names another database, with the accepted prefixes
     */
    public static Dialect fromJdbcUrl(String jdbcUrl) {
        if (jdbcUrl != null) {
            for (Dialect dialect : values()) {
                if (jdbcUrl.regionMatches(true, 0, dialect.urlPrefix, 0, dialect.urlPrefix.length())) {
                    return dialect;
                }
            }
        }
        throw new BlogException("unsupported JDBC URL '" + ConnectionUrls.redact(jdbcUrl)
                + "' (expected one starting with jdbc:sqlite: or jdbc:postgresql:)");
    }

    /**
     * The dialect of a database product name as JDBC's {@code DatabaseMetaData.getDatabaseProductName()} reports it.
     *
     * @throws BlogException when the product is null or not SQLite or PostgreSQL
     */
    public static Dialect fromProductName(String productName) {
        if (productName != null) {
            String normalized = productName.strip().toLowerCase(Locale.ROOT);
            for (Dialect dialect : values()) {
                if (normalized.equals(dialect.productName.toLowerCase(Locale.ROOT))) {
                    return dialect;
                }
            }
        }
        throw new BlogException("unsupported database product '" + productName
                + "' (Clean Blog runs on SQLite and PostgreSQL; point the DataSource at one of them)");
    }
}
