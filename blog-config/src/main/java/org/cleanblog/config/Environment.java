package org.cleanblog.config;

import java.util.Locale;

/**
 * Where the blog runs, from {@code BLOG_ENV}. Production is strict: it refuses to start without a real
 * {@code SECRET_KEY}. The {@code DYNO} variable that Heroku sets on every dyno also means production.
 */
public enum Environment {
    DEVELOPMENT,
    PRODUCTION;

    /** The value as written in {@code BLOG_ENV}: {@code development} or {@code production}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Environment parse(String variable, String value) {
        for (Environment environment : values()) {
            if (environment.id().equalsIgnoreCase(value.strip())) {
                return environment;
            }
        }
        throw new ConfigurationException(
                variable, "unknown environment '" + value.strip() + "' (expected development or production)");
    }

    @Override
    public String toString() {
        return id();
    }
}
