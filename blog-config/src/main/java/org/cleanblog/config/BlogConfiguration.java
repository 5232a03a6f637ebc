package org.cleanblog.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The blog's configuration, loaded once at start-up: the typed {@link #settings()}, the {@link #warnings()} a person
 * starting the blog should read, and the {@link #entries()} / {@link #render()} printout for the {@code config}
 * command. Immutable and thread-safe once loaded. See the package documentation for an example.
 */
public final class BlogConfiguration {
    private static final Log LOG = LogFactory.getLog(BlogConfiguration.class);

    private final BlogSettings settings;
    private final List<String> warnings;
    private final List<String> servingWarnings;
    private final List<ConfigEntry> entries;
    private final Optional<Path> file;
    private final String databaseVariable;

    private BlogConfiguration(
            BlogSettings settings,
            List<String> warnings,
            List<String> servingWarnings,
            List<ConfigEntry> entries,
            Optional<Path> file,
            String databaseVariable) {
        this.settings = settings;
        this.warnings = warnings;
        this.servingWarnings = servingWarnings;
        this.databaseVariable = databaseVariable;
        this.entries = entries;
        this.file = file;
    }

    /**
     * Loads the configuration from the given sources, first found wins: system properties, environment variables,
     * the properties file ({@code BLOG_CONFIG_FILE}, else {@code blog.properties} in {@code workingDirectory} when
     * present), built-in defaults. Each warning that concerns every command is also logged at WARN level through
     * Commons Logging (which reaches SLF4J and the application's logging backend by itself); the
     * {@link #servingWarnings()} are not, because they matter only to a command that serves the blog, which logs them.
     *
     * @param environment the environment variables, for example {@link System#getenv()}; never null. Tests pass a map
     *     of their own so the real environment is never touched
     * @param systemProperties the system properties, for example {@link System#getProperties()}; never null
     * @param workingDirectory the directory relative paths (SQLite files, {@code BLOG_CONFIG_FILE}) are resolved
     *     against; never null
     * @return the loaded configuration; never null
     * @throws ConfigurationException if any setting is missing or malformed; its one-line message names the setting,
     *     what is wrong and what is expected, and never contains a password or key
     */
    public static BlogConfiguration load(
            Map<String, String> environment, Properties systemProperties, Path workingDirectory) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(systemProperties, "systemProperties");
        Path directory =
                Objects.requireNonNull(workingDirectory, "workingDirectory").toAbsolutePath();
        Sources sources = Sources.open(environment, systemProperties, directory);
        Resolver resolver = new Resolver(sources, directory);
        BlogSettings settings = resolver.resolve();
        List<String> general = resolver.warnings();
        for (String warning : general) {
            LOG.warn(warning);
        }
        List<String> serving = resolver.servingWarnings();
        List<String> all = new ArrayList<>(general);
        all.addAll(serving);
        List<ConfigEntry> entries = Entries.of(sources, resolver, settings);
        return new BlogConfiguration(
                settings, List.copyOf(all), serving, entries, sources.file(), resolver.databaseVariableAsWritten());
    }

    /**
     * Loads from this process's environment, system properties and working directory.
     *
     * @throws ConfigurationException as {@link #load(Map, Properties, Path)}
     */
    public static BlogConfiguration fromSystem() {
        return load(System.getenv(), System.getProperties(), Path.of(""));
    }

    /** The typed settings; never null. */
    public BlogSettings settings() {
        return settings;
    }

    /**
     * Everything the person starting the blog should know (SQLite on Heroku, ignored file keys, random key), as the
     * {@code config} printout lists it: the warnings about every use first, then the {@link #servingWarnings()}.
     * Never null.
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The part of {@link #warnings()} that matters only to a process serving the blog, which signs sessions: that
     * {@code SECRET_KEY} is not set, so a random key signs them and they do not survive a restart, or that a key is
     * shorter than {@value SecretKeys#MIN_PRODUCTION_BYTES} bytes, so it can be guessed. A command that does not serve (migrate,
     * copy-db) has no sessions to lose, so {@link #load} does not log these; the serve command does. Never null.
     */
    public List<String> servingWarnings() {
        return servingWarnings;
    }

    /**
     * Every setting in {@link ConfigKey} order, with derived values (the JDBC URL, user, dialect) after the database
     * URL they come from; secrets masked. Never null.
     */
    public List<ConfigEntry> entries() {
        return entries;
    }

    /**
     * The setting the database was configured by, as the user wrote it: {@code DATABASE_URL} or
     * {@code JDBC_DATABASE_URL}, or the system property or file key it came from (for example
     * {@code blog.database.url in file /srv/blog.properties}); the name a message about the wrong database should
     * give. Never null.
     */
    public String databaseVariable() {
        return databaseVariable;
    }

    /** The properties file that was read, if any. */
    public Optional<Path> file() {
        return file;
    }

    /**
     * The effective configuration as a table for the {@code config} command: one line per entry (name, masked value,
     * source), then the warnings. Lines end with {@code \n}.
     */
    public String render() {
        return ConfigurationPrinter.render(entries, warnings);
    }

    @Override
    public String toString() {
        return "BlogConfiguration[" + settings + "]";
    }
}
