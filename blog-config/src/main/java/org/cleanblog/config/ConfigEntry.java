package org.cleanblog.config;

import java.util.Objects;

/**
 * One line of the effective configuration, safe to print: secrets are already masked. Immutable and thread-safe.
 *
 * @param name the setting, for example {@code DATABASE_URL}, or an indented derived value such as {@code jdbc url};
 *     never null
 * @param value the value with secrets masked, or {@code (not set)}; never null
 * @param source where the value came from; null when the setting is not set
 */
public record ConfigEntry(String name, String value, ValueSource source) {
    /** What {@link #value()} says for a setting that is not set anywhere and has no default. */
    public static final String NOT_SET = "(not set)";

    public ConfigEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
