package org.cleanblog.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.MapConfiguration;

/**
 * The four levels of configuration, first found wins: system properties, environment variables, the properties file,
 * the built-in defaults. Each level is a Commons Configuration {@link Configuration} keyed by property name, stacked
 * in a {@link CompositeConfiguration}. The source of a value is the first level that contains the key (not
 * {@link CompositeConfiguration#getSource}, which refuses keys that several levels contain).
 * A blank value counts as not set, so {@code SECRET_KEY=} in the environment does not hide the file's key.
 * Not thread-safe; used during loading only.
 */
final class Sources {
    record Value(String text, ValueSource source) {}

    private final CompositeConfiguration composite = new CompositeConfiguration();
    private final List<Level> levels = new ArrayList<>();
    private final Map<String, String> environment;
    private final List<String> warnings = new ArrayList<>();
    private final Optional<Path> file;

    private record Level(Configuration configuration, ValueSource.Kind kind, String fileName) {}

    private Sources(Map<String, String> environment, Properties systemProperties, Path workingDirectory) {
        this.environment = environment;
        // Values are taken literally: a password containing ${...} must not be interpolated.
        composite.setInterpolator(null);
        add(new MapConfiguration(knownKeys(systemProperties::getProperty, true)), ValueSource.Kind.SYSTEM_PROPERTY);
        add(new MapConfiguration(knownKeys(environment::get, false)), ValueSource.Kind.ENVIRONMENT);
        Optional<Value> fileSetting = get(ConfigKey.BLOG_CONFIG_FILE);
        this.file = PropertiesFile.locate(fileSetting.map(Value::text), workingDirectory);
        file.ifPresent(path -> {
            PropertiesFile loaded = PropertiesFile.load(path, fileSetting.isPresent());
            warnings.addAll(loaded.warnings());
            add(loaded.configuration(), ValueSource.Kind.FILE, path.toString());
        });
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            key.defaultValue().ifPresent(value -> defaults.put(key.propertyName(), value));
        }
        add(new MapConfiguration(defaults), ValueSource.Kind.DEFAULT);
    }

    /** Reads the levels; fails on a missing, unreadable or malformed properties file. */
    static Sources open(Map<String, String> environment, Properties systemProperties, Path workingDirectory) {
        return new Sources(environment, systemProperties, workingDirectory);
    }

    private static Map<String, Object> knownKeys(
            java.util.function.Function<String, String> lookup, boolean byPropertyName) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            String value = lookup.apply(byPropertyName ? key.propertyName() : key.environmentName());
            if (value != null && !value.isBlank()) {
                values.put(key.propertyName(), value);
            }
        }
        return values;
    }

    private void add(Configuration configuration, ValueSource.Kind kind) {
        add(configuration, kind, null);
    }

    private void add(Configuration configuration, ValueSource.Kind kind, String fileName) {
        composite.addConfiguration(configuration);
        levels.add(new Level(configuration, kind, fileName));
    }

    /** The effective value of {@code key} and its source, or empty when no level sets it. */
    Optional<Value> get(ConfigKey key) {
        Object raw = composite.getProperty(key.propertyName());
        if (raw == null) {
            return Optional.empty();
        }
        // A key repeated in a properties file comes back as a list; the last one wins, as in java.util.Properties.
        if (raw instanceof Collection<?> values) {
            raw = values.stream().reduce((first, second) -> second).orElseThrow();
        }
        Level level = levels.stream()
                .filter(candidate -> candidate.configuration().containsKey(key.propertyName()))
                .findFirst()
                .orElseThrow();
        ValueSource source = switch (level.kind()) {
            case SYSTEM_PROPERTY -> ValueSource.systemProperty(key);
            case ENVIRONMENT -> ValueSource.environment(key.environmentName());
            case FILE -> ValueSource.file(level.fileName());
            default -> ValueSource.defaultValue();
        };
        return Optional.of(new Value(raw.toString(), source));
    }

    /** The text of {@code key}, or empty. */
    Optional<String> text(ConfigKey key) {
        return get(key).map(Value::text);
    }

    /** A platform variable that is read from the environment only, such as {@code DYNO}; blank counts as unset. */
    Optional<String> platformVariable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    /** The properties file that was read, if any. */
    Optional<Path> file() {
        return file;
    }

    /** Warnings about the file, such as unknown keys. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
