package org.cleanblog.persistence.copy;

/**
 * Stands in a row for a stored value that cannot be carried over (bytes that are not UTF-8, a date that is not a
 * date), so the row is rejected with {@code reason} instead of failing the whole read.
 */
record Invalid(String reason) {}
