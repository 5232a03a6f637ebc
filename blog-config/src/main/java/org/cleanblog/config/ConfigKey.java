package org.cleanblog.config;

import java.util.Optional;

/**
 * Every setting the blog reads, with its three names: the environment variable, the system property and the key in
 * the properties file (always the same as the system property). The order is the order of the {@code config}
 * printout and of {@code docs/configuration.md}.
 *
 * <p>Thread-safe (an enum).
 */
public enum ConfigKey {
    DATABASE_URL("blog.database.url", "sqlite:///blog.db", Secrecy.URL_WITH_PASSWORD),
    JDBC_DATABASE_URL("blog.database.jdbc-url", null, Secrecy.URL_WITH_PASSWORD),
    JDBC_DATABASE_USERNAME("blog.database.jdbc-username", null, Secrecy.NONE),
    JDBC_DATABASE_PASSWORD("blog.database.jdbc-password", null, Secrecy.SECRET),
    DATABASE_CONNECTION_POOL_URL("blog.database.connection-pool-url", null, Secrecy.URL_WITH_PASSWORD),
    DATABASE_POOL_SIZE("blog.database.pool-size", Integer.toString(PoolSettings.DEFAULT_SIZE), Secrecy.NONE),
    DATABASE_POOL_TIMEOUT(
            "blog.database.pool-timeout", Integer.toString(PoolSettings.DEFAULT_TIMEOUT_SECONDS), Secrecy.NONE),
    SECRET_KEY("blog.secret.key", null, Secrecy.SECRET),
    SECRET_KEY_FALLBACKS("blog.secret.key-fallbacks", null, Secrecy.SECRET),
    PORT("blog.server.port", "8080", Secrecy.NONE),
    BIND_HOST("blog.server.bind-host", "0.0.0.0", Secrecy.NONE),
    TRUSTED_PROXIES("blog.server.trusted-proxies", TrustedProxies.LOOPBACK_TEXT, Secrecy.NONE),
    SHUTDOWN_TIMEOUT("blog.server.shutdown-timeout", "10", Secrecy.NONE),
    BLOG_ENV("blog.env", "development", Secrecy.NONE),
    BLOG_BASE_URL("blog.base-url", null, Secrecy.NONE),
    BLOG_CONFIG_FILE("blog.config.file", null, Secrecy.NONE);

    /** How a value must be shown when printed. */
    enum Secrecy {
        NONE,
        SECRET,
        URL_WITH_PASSWORD
    }

    private final String propertyName;
    private final String defaultValue;
    private final Secrecy secrecy;

    ConfigKey(String propertyName, String defaultValue, Secrecy secrecy) {
        this.propertyName = propertyName;
        this.defaultValue = defaultValue;
        this.secrecy = secrecy;
    }

    /** The environment variable, for example {@code DATABASE_URL}. */
    public String environmentName() {
        return name();
    }

    /** The system property, for example {@code blog.database.url}. */
    public String propertyName() {
        return propertyName;
    }

    /**
     * The key in the properties file: the same as {@link #propertyName()}. {@link #BLOG_CONFIG_FILE} names the file
     * itself, so it is never read from a file.
     */
    public String fileKey() {
        return propertyName;
    }

    /** The built-in default, or empty when the key has none. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether the value is a secret or may contain one, so that it must be masked wherever it is shown. */
    public boolean isSecret() {
        return secrecy != Secrecy.NONE;
    }

    Secrecy secrecy() {
        return secrecy;
    }

    /** The key whose file key is {@code fileKey}, or empty. */
    static Optional<ConfigKey> byFileKey(String fileKey) {
        for (ConfigKey key : values()) {
            if (key.fileKey().equals(fileKey)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
