package org.cleanblog.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cleanblog.core.internal.ConnectionUrls;

/** Builds the printable {@link ConfigEntry} list: what was configured, where from, and what it resolved to. */
final class Entries {
    private static final String INDENT = "  ";

    private Entries() {}

    static List<ConfigEntry> of(Sources sources, Resolver resolver, BlogSettings settings) {
        List<ConfigEntry> entries = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            entries.add(entry(key, sources, resolver, settings));
            if (key == resolver.databaseKey()) {
                entries.addAll(database(resolver, settings.database()));
            }
            if (key == ConfigKey.DATABASE_CONNECTION_POOL_URL) {
                settings.connectionPool().ifPresent(pool -> entries.addAll(connectionPool(resolver, pool)));
            }
        }
        return List.copyOf(entries);
    }

    private static ConfigEntry entry(ConfigKey key, Sources sources, Resolver resolver, BlogSettings settings) {
        String name = key.environmentName();
        if (key == ConfigKey.SECRET_KEY && settings.secretKeys().generated()) {
            return new ConfigEntry(
                    name,
                    Masking.MASK + " (" + SecretKeys.MIN_PRODUCTION_BYTES + " random bytes, "
                            + settings.secretKeys().current().length() + " hex characters)",
                    new ValueSource(ValueSource.Kind.GENERATED, "at random for this process (development only)"));
        }
        if (key == ConfigKey.BLOG_ENV && resolver.environmentForcedByDyno()) {
            return new ConfigEntry(
                    name,
                    settings.environment().id(),
                    new ValueSource(ValueSource.Kind.DERIVED, "from DYNO (set on Heroku)"));
        }
        if (key == ConfigKey.TRUSTED_PROXIES && resolver.trustedProxiesFromDyno()) {
            return new ConfigEntry(
                    name,
                    "any peer (" + settings.trustedProxies() + ")",
                    new ValueSource(ValueSource.Kind.DERIVED, "from DYNO (Heroku's router is the only way in)"));
        }
        if (key == ConfigKey.BLOG_CONFIG_FILE
                && sources.text(key).isEmpty()
                && sources.file().isPresent()) {
            return new ConfigEntry(
                    name,
                    sources.file().get().toString(),
                    new ValueSource(
                            ValueSource.Kind.DERIVED, PropertiesFile.DEFAULT_NAME + " in the working directory"));
        }
        Optional<Sources.Value> value = sources.get(key);
        if (value.isEmpty()) {
            return new ConfigEntry(name, ConfigEntry.NOT_SET, null);
        }
        return new ConfigEntry(
                name, display(key, value.get().text()), value.get().source());
    }

    private static String display(ConfigKey key, String text) {
        return switch (key.secrecy()) {
            case NONE -> text.strip();
            case URL_WITH_PASSWORD -> ConnectionUrls.redact(text.strip());
            case SECRET ->
                key == ConfigKey.SECRET_KEY_FALLBACKS
                        ? Masking.MASK + " (" + text.split(",").length + " keys)"
                        : Masking.maskSecret(text.strip());
        };
    }

    private static List<ConfigEntry> database(Resolver resolver, DatabaseSettings database) {
        String from = "from " + resolver.databaseKey().environmentName();
        if (database.isSqlite()) {
            // A SQLite file has no users: JDBC_DATABASE_USERNAME and _PASSWORD are ignored, so no lines for them.
            return List.of(
                    derived("jdbc url", ConnectionUrls.redact(database.jdbcUrl()), from),
                    derived("dialect", database.dialect(), from));
        }
        return List.of(
                derived("jdbc url", ConnectionUrls.redact(database.jdbcUrl()), from),
                derived(
                        "user",
                        database.user().orElse("(none)"),
                        database.user().isPresent()
                                ? "from " + resolver.userOrigin()
                                : noneIn(resolver, ConfigKey.JDBC_DATABASE_USERNAME)),
                derived(
                        "password",
                        database.password().map(p -> Masking.MASK).orElse("(none)"),
                        database.password().isPresent()
                                ? "from " + resolver.passwordOrigin()
                                : noneIn(resolver, ConfigKey.JDBC_DATABASE_PASSWORD)),
                derived("dialect", database.dialect(), from));
    }

    private static List<ConfigEntry> connectionPool(Resolver resolver, DatabaseSettings pool) {
        String from = "from " + ConfigKey.DATABASE_CONNECTION_POOL_URL.environmentName();
        return List.of(
                derived(
                        "jdbc url",
                        ConnectionUrls.redact(pool.jdbcUrl()),
                        from + " (serve answers requests through it; migrations and commands use "
                                + resolver.databaseKey().environmentName() + ")"),
                derived(
                        "user",
                        pool.user().orElse("(none)"),
                        pool.user().isPresent() ? "from " + resolver.poolUserOrigin() : "(none)"),
                derived(
                        "password",
                        pool.password().map(p -> Masking.MASK).orElse("(none)"),
                        pool.password().isPresent() ? "from " + resolver.poolPasswordOrigin() : "(none)"));
    }

    /** Why a credential is absent: an unset variable must not read as the value's origin. */
    private static String noneIn(Resolver resolver, ConfigKey variable) {
        return "(none in " + resolver.databaseKey().environmentName() + " or " + variable.environmentName() + ")";
    }

    private static ConfigEntry derived(String name, String value, String detail) {
        return new ConfigEntry(INDENT + name, value, new ValueSource(ValueSource.Kind.DERIVED, detail));
    }
}
