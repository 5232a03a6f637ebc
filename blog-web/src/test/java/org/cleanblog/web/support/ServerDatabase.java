package org.cleanblog.web.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.cleanblog.persistence.testing.PostgresServer;
import org.postgresql.Driver;

/**
 * A database of its own, created empty on the run's PostgreSQL server ({@link PostgresServer}), for a test that needs
 * a whole database rather than a schema: a connection pooler keeps no session's {@code search_path}, so the blog
 * behind it lives in a database's default schema, as on a platform. {@link #close()} drops it, ending any connection
 * still open to it. Not thread-safe to close.
 */
public final class ServerDatabase implements AutoCloseable {
    private final String name;
    private final String serverUrl;

    private ServerDatabase(String name, String serverUrl) {
        this.name = name;
        this.serverUrl = serverUrl;
    }

    /** Creates {@code cbt_<label>_<random hex>} (label lower-cased, letters and digits kept). */
    public static ServerDatabase create(String label) {
        String safe = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String name = "cbt_" + safe.substring(0, Math.min(safe.length(), 40)) + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        ServerDatabase database = new ServerDatabase(name, PostgresServer.get().baseUrl());
        database.executeOnServer("CREATE DATABASE " + name);
        return database;
    }

    /** The database's name on the server (and through a pooler in front of it). */
    public String name() {
        return name;
    }

    /** The server's JDBC URL, with its credentials: what a pooler in front of it logs in with. */
    public String serverUrl() {
        return serverUrl;
    }

    /**
     * A JDBC URL straight to the database, past any pooler, with the server's credentials in it (what DATABASE_URL
     * and {@code BlogDatabase.open(url, null, null)} take).
     */
    public String jdbcUrl() {
        Properties server = Driver.parseURL(serverUrl, null);
        StringBuilder url = new StringBuilder("jdbc:postgresql://")
                .append(server.getProperty("PGHOST").split(",")[0])
                .append(':')
                .append(server.getProperty("PGPORT").split(",")[0])
                .append('/')
                .append(name);
        char separator = '?';
        for (String key : new String[] {"user", "password"}) {
            if (server.getProperty(key) != null) {
                url.append(separator)
                        .append(key)
                        .append('=')
                        .append(URLEncoder.encode(server.getProperty(key), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    /** A plain connection straight to the database, past any pooler, to look behind the blog. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** Drops the database; connections still open to it (a pooler's) are ended first. */
    @Override
    public void close() {
        executeOnServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void executeOnServer(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test server refused '" + sql + "': " + e.getMessage(), e);
        }
    }
}
