package org.cleanblog.persistence.copy;

/** The value kinds of our schema, each with one canonical Java type so both dialects compare equal. */
enum ColumnType {
    /** {@link Long}. */
    LONG,
    /** {@link String}. */
    TEXT,
    /** {@link Boolean}; SQLite stores 0/1. */
    BOOLEAN,
    /** {@link java.time.Instant} at microsecond precision; SQLite stores ISO-8601 UTC text. */
    INSTANT
}
