package org.cleanblog.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns the raw values of {@link Sources} into typed settings, collecting warnings. Not thread-safe; used once. */
final class Resolver {
    private final Sources sources;
    private final Path workingDirectory;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> servingWarnings = new ArrayList<>();
    private String databaseVariable;
    private String databaseVariableAsWritten;
    private boolean environmentForcedByDyno;
    private boolean trustedProxiesFromDyno;
    private boolean userFromUrl;
    private boolean passwordFromUrl;
    private boolean poolUserFromUrl;
    private boolean poolPasswordFromUrl;

    Resolver(Sources sources, Path workingDirectory) {
        this.sources = sources;
        this.workingDirectory = workingDirectory;
        warnings.addAll(sources.warnings());
    }

    BlogSettings resolve() {
        boolean onHeroku = sources.platformVariable("DYNO").isPresent();
        Environment environment = environment(onHeroku);
        DatabaseSettings database = database();
        Optional<DatabaseSettings> connectionPool = connectionPool(database);
        SecretKeys secretKeys = SecretRules.resolve(
                sources.text(ConfigKey.SECRET_KEY),
                sources.text(ConfigKey.SECRET_KEY_FALLBACKS),
                environment,
                servingWarnings);
        BlogSettings settings = new BlogSettings(
                database,
                connectionPool,
                new PoolSettings(
                        (int) wholeNumber(
                                ConfigKey.DATABASE_POOL_SIZE,
                                PoolSettings.MIN_SIZE,
                                PoolSettings.MAX_SIZE,
                                "connections per process"),
                        Duration.ofSeconds(wholeNumber(
                                ConfigKey.DATABASE_POOL_TIMEOUT,
                                1,
                                PoolSettings.MAX_TIMEOUT_SECONDS,
                                "seconds a request waits for a connection"))),
                secretKeys,
                port(),
                bindHost(),
                trustedProxies(onHeroku),
                shutdownTimeout(),
                environment,
                onHeroku,
                baseUrl());
        if (onHeroku && database.isSqlite()) {
            warnings.add(HerokuTrap.warning(database));
        }
        return settings;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Warnings that concern only a process serving the blog (the random development key). */
    List<String> servingWarnings() {
        return List.copyOf(servingWarnings);
    }

    /** The variable the database URL was read from: {@code DATABASE_URL} or {@code JDBC_DATABASE_URL}. */
    ConfigKey databaseKey() {
        return ConfigKey.valueOf(databaseVariable);
    }

    /** The name the database URL was given under, for messages: a variable, a system property or a file key. */
    String databaseVariableAsWritten() {
        return databaseVariableAsWritten;
    }

    /** The variable the database user came from, if any. */
    String userOrigin() {
        return userFromUrl ? databaseVariable : ConfigKey.JDBC_DATABASE_USERNAME.name();
    }

    /** The variable the database password came from, if any. */
    String passwordOrigin() {
        return passwordFromUrl ? databaseVariable : ConfigKey.JDBC_DATABASE_PASSWORD.name();
    }

    boolean environmentForcedByDyno() {
        return environmentForcedByDyno;
    }

    /** Whether every peer is trusted because DYNO is set and TRUSTED_PROXIES is not. */
    boolean trustedProxiesFromDyno() {
        return trustedProxiesFromDyno;
    }

    /** The name to put in an error message: the one the user actually wrote. */
    private static String variable(ConfigKey key, Sources.Value value) {
        return switch (value.source().kind()) {
            case SYSTEM_PROPERTY -> key.propertyName();
            case FILE -> key.fileKey() + " in file " + value.source().detail();
            default -> key.environmentName();
        };
    }

    private Environment environment(boolean onHeroku) {
        Sources.Value value = sources.get(ConfigKey.BLOG_ENV).orElseThrow();
        Environment configured = Environment.parse(variable(ConfigKey.BLOG_ENV, value), value.text());
        if (onHeroku && configured == Environment.DEVELOPMENT) {
            environmentForcedByDyno = true;
            if (value.source().kind() != ValueSource.Kind.DEFAULT) {
                warnings.add("BLOG_ENV=development ignored: DYNO is set, so this is a Heroku dyno and runs as"
                        + " production");
            }
            return Environment.PRODUCTION;
        }
        return configured;
    }

    private DatabaseSettings database() {
        Sources.Value url = sources.get(ConfigKey.DATABASE_URL).orElseThrow();
        ConfigKey key = ConfigKey.DATABASE_URL;
        Optional<Sources.Value> jdbcUrl = sources.get(ConfigKey.JDBC_DATABASE_URL);
        if (url.source().kind() == ValueSource.Kind.DEFAULT && jdbcUrl.isPresent()) {
            url = jdbcUrl.get();
            key = ConfigKey.JDBC_DATABASE_URL;
        }
        databaseVariable = key.name();
        databaseVariableAsWritten = variable(key, url);
        DatabaseSettings database = DatabaseUrl.parse(databaseVariableAsWritten, url.text(), workingDirectory);
        userFromUrl = database.user().isPresent();
        passwordFromUrl = database.password().isPresent();
        if (!database.isSqlite()) {
            database = database.withDefaultCredentials(
                    sources.text(ConfigKey.JDBC_DATABASE_USERNAME)
                            .map(String::strip)
                            .orElse(null),
                    sources.text(ConfigKey.JDBC_DATABASE_PASSWORD).orElse(null));
        }
        return database;
    }

    private Optional<DatabaseSettings> connectionPool(DatabaseSettings database) {
        Optional<Sources.Value> url = sources.get(ConfigKey.DATABASE_CONNECTION_POOL_URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        DatabaseSettings pool = ConnectionPoolUrl.parse(
                variable(ConfigKey.DATABASE_CONNECTION_POOL_URL, url.get()),
                url.get().text(),
                workingDirectory,
                databaseVariableAsWritten,
                database.isSqlite());
        poolUserFromUrl = pool.user().isPresent();
        poolPasswordFromUrl = pool.password().isPresent();
        // The pooler logs in to the same database, usually as the same role (Heroku's does).
        return Optional.of(pool.withDefaultCredentials(
                database.user().orElse(null), database.password().orElse(null)));
    }

    /** Where the connection pool's user came from: its own URL, else the database's user (and its origin). */
    String poolUserOrigin() {
        return poolUserFromUrl ? ConfigKey.DATABASE_CONNECTION_POOL_URL.name() : userOrigin();
    }

    /** Where the connection pool's password came from: its own URL, else the database's password (and its origin). */
    String poolPasswordOrigin() {
        return poolPasswordFromUrl ? ConfigKey.DATABASE_CONNECTION_POOL_URL.name() : passwordOrigin();
    }

    private int port() {
        Sources.Value value = sources.get(ConfigKey.PORT).orElseThrow();
        String text = value.text().strip();
        String variable = variable(ConfigKey.PORT, value);
        if (!text.matches("[0-9]+")) {
            throw new ConfigurationException(variable, "'" + text + "' is not a number (expected a port, 1-65535)");
        }
        int port = text.length() > 5 ? -1 : Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new ConfigurationException(variable, text + " is out of range (expected a port, 1-65535)");
        }
        return port;
    }

    private Duration shutdownTimeout() {
        Sources.Value value = sources.get(ConfigKey.SHUTDOWN_TIMEOUT).orElseThrow();
        String text = value.text().strip();
        long max = BlogSettings.MAX_SHUTDOWN_TIMEOUT.toSeconds();
        String expected = " (expected whole seconds, 0-" + max + "; Heroku kills a process 30 s after SIGTERM)";
        if (!text.matches("[0-9]+")) {
            throw new ConfigurationException(
                    variable(ConfigKey.SHUTDOWN_TIMEOUT, value), "'" + text + "' is not a number" + expected);
        }
        long seconds = text.length() > 6 ? Long.MAX_VALUE : Long.parseLong(text);
        if (seconds > max) {
            throw new ConfigurationException(
                    variable(ConfigKey.SHUTDOWN_TIMEOUT, value), text + " is out of range" + expected);
        }
        return Duration.ofSeconds(seconds);
    }

    /** A whole number in {@code min..max}; {@code unit} says what it counts, for the message. */
    private long wholeNumber(ConfigKey key, long min, long max, String unit) {
        Sources.Value value = sources.get(key).orElseThrow();
        String text = value.text().strip();
        String expected = " (expected " + unit + ", " + min + "-" + max + ")";
        if (!text.matches("[0-9]+")) {
            throw new ConfigurationException(variable(key, value), "'" + text + "' is not a number" + expected);
        }
        long number = text.length() > 9 ? Long.MAX_VALUE : Long.parseLong(text);
        if (number < min || number > max) {
            throw new ConfigurationException(variable(key, value), text + " is out of range" + expected);
        }
        return number;
    }

    private String bindHost() {
        Sources.Value value = sources.get(ConfigKey.BIND_HOST).orElseThrow();
        String host = value.text().strip();
        String problem = BindHost.problem(host);
        if (problem != null) {
            throw new ConfigurationException(variable(ConfigKey.BIND_HOST, value), problem);
        }
        return host;
    }

    private Optional<URI> baseUrl() {
        Optional<Sources.Value> value = sources.get(ConfigKey.BLOG_BASE_URL);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().text().strip();
        String problem = "'" + text + "' is not an absolute http(s) address (expected e.g. https://blog.example.org)";
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new ConfigurationException(variable(ConfigKey.BLOG_BASE_URL, value.get()), problem);
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(variable(ConfigKey.BLOG_BASE_URL, value.get()), problem, e);
        }
    }

    /**
     * On a Heroku dyno the router is the only way in (a dyno has no address of its own that the internet reaches), so
     * its forwarding headers are believed from any peer unless {@code TRUSTED_PROXIES} says otherwise.
     */
    private TrustedProxies trustedProxies(boolean onHeroku) {
        Sources.Value value = sources.get(ConfigKey.TRUSTED_PROXIES).orElseThrow();
        if (onHeroku && value.source().kind() == ValueSource.Kind.DEFAULT) {
            trustedProxiesFromDyno = true;
            return TrustedProxies.anyPeer();
        }
        return TrustedProxies.parse(variable(ConfigKey.TRUSTED_PROXIES, value), value.text());
    }
}
