package org.cleanblog.config;

import java.util.Locale;

/**
 * The SQL dialect a database URL points at. {@link #id()} is the plain name that persistence code matches on (it is
 * also the MyBatis database id and the Flyway migration folder), so no persistence type is needed here.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    /** The dialect name: {@code sqlite} or {@code postgresql}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
