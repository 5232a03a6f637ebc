package org.cleanblog.config;

import java.util.Objects;

/**
 * Where an effective value came from, as the {@code config} command shows it. Immutable and thread-safe.
 *
 * @param kind the kind of source; never null
 * @param detail the property, variable or file path, or an explanation for derived values; never null, may be empty
 */
public record ValueSource(Kind kind, String detail) {
    /** Kinds of source, in order of precedence for configured values. */
    public enum Kind {
        SYSTEM_PROPERTY("system property"),
        ENVIRONMENT("environment"),
        FILE("file"),
        DEFAULT("default"),
        /** Made up by the loader, such as a random development secret key. */
        GENERATED("generated"),
        /** Computed from other values, such as the JDBC URL from {@code DATABASE_URL}. */
        DERIVED("derived");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the kind reads in the printout, for example {@code system property}. */
        public String label() {
            return label;
        }
    }

    public ValueSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    static ValueSource systemProperty(ConfigKey key) {
        return new ValueSource(Kind.SYSTEM_PROPERTY, key.propertyName());
    }

    static ValueSource environment(String variable) {
        return new ValueSource(Kind.ENVIRONMENT, variable);
    }

    static ValueSource file(String path) {
        return new ValueSource(Kind.FILE, path);
    }

    static ValueSource defaultValue() {
        return new ValueSource(Kind.DEFAULT, "");
    }

    /** For example {@code environment DATABASE_URL}, {@code file /srv/blog/blog.properties} or {@code default}. */
    @Override
    public String toString() {
        return detail.isEmpty() ? kind.label() : kind.label() + " " + detail;
    }
}
