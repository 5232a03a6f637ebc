package org.cleanblog.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The four levels of configuration, first found wins: system properties, environment variables, the properties file,
 * the built-in defaults. Each level maps property names ({@code blog.database.url}) to values as written; the first
 * level holding a key gives both the value and its source. A blank value counts as not set, so {@code SECRET_KEY=} in
 * the environment does not hide the file's key. Not thread-safe; used during loading only.
 */
final class Sources {
    record Value(String text, ValueSource source) {}

    private record Level(Map<String, String> values, ValueSource.Kind kind, String fileName) {}

    private final List<Level> levels = new ArrayList<>();
    private final Map<String, String> environment;
    private final List<String> warnings = new ArrayList<>();
    private final Optional<Path> file;

    private Sources(Map<String, String> environment, Properties systemProperties, Path workingDirectory) {
        this.environment = environment;
        RetiredKey.refuse(environment, systemProperties);
        levels.add(new Level(knownKeys(systemProperties::getProperty, true), ValueSource.Kind.SYSTEM_PROPERTY, null));
        levels.add(new Level(knownKeys(environment::get, false), ValueSource.Kind.ENVIRONMENT, null));
        Optional<Value> fileSetting = get(ConfigKey.BLOG_CONFIG_FILE);
        this.file = PropertiesFile.locate(fileSetting.map(Value::text), workingDirectory);
        file.ifPresent(path -> {
            PropertiesFile loaded = PropertiesFile.load(path, fileSetting.isPresent());
            warnings.addAll(loaded.warnings());
            levels.add(new Level(loaded.values(), ValueSource.Kind.FILE, path.toString()));
        });
        Map<String, String> defaults = new HashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            key.defaultValue().ifPresent(value -> defaults.put(key.propertyName(), value));
        }
        levels.add(new Level(defaults, ValueSource.Kind.DEFAULT, null));
    }

    /**
     * Reads the levels; fails on a missing, unreadable or malformed properties file, and on a retired setting
     * ({@link RetiredKey}) at any level.
     */
    static Sources open(Map<String, String> environment, Properties systemProperties, Path workingDirectory) {
        return new Sources(environment, systemProperties, workingDirectory);
    }

    private static Map<String, String> knownKeys(Function<String, String> lookup, boolean byPropertyName) {
        Map<String, String> values = new HashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            String value = lookup.apply(byPropertyName ? key.propertyName() : key.environmentName());
            if (value != null && !value.isBlank()) {
                values.put(key.propertyName(), value);
            }
        }
        return values;
    }

    /** The effective value of {@code key} and its source, or empty when no level sets it. */
    Optional<Value> get(ConfigKey key) {
        for (Level level : levels) {
            String text = level.values().get(key.propertyName());
            if (text != null) {
                ValueSource source = switch (level.kind()) {
                    case SYSTEM_PROPERTY -> ValueSource.systemProperty(key);
                    case ENVIRONMENT -> ValueSource.environment(key.environmentName());
                    case FILE -> ValueSource.file(level.fileName());
                    default -> ValueSource.defaultValue();
                };
                return Optional.of(new Value(text, source));
            }
        }
        return Optional.empty();
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
