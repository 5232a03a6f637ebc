package org.cleanblog.persistence.copy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A SHA-256 over the rows of one table in id order, in a canonical form that does not depend on the dialect: each
 * value is tagged with its type and text is length-prefixed, so that no two different rows encode alike. Fed once
 * with the rows as written (after mapping) and once with the rows read back from the target. Not thread-safe.
 */
final class Checksum {
    /**
     * Stands in a row for a value the copy itself sets after the load, on both sides of a comparison (see
     * {@link SessionsReset}); it encodes unlike any value of a column.
     */
    enum Marker {
        COPY_TIME
    }

    private final MessageDigest digest;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    Checksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    void add(Object[] row) {
        line.setLength(0);
        for (Object value : row) {
            append(value);
            line.append('\u001f');
        }
        line.append('\u001e');
        digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        rows++;
    }

    long rows() {
        return rows;
    }

    /** The hex digest; the checksum cannot be fed after this. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void append(Object value) {
        if (value == null) {
            line.append('N');
        } else if (value instanceof Long number) {
            line.append('L').append(number.longValue());
        } else if (value instanceof Boolean bool) {
            line.append(bool ? "B1" : "B0");
        } else if (value instanceof Instant instant) {
            line.append('T').append(instant.getEpochSecond()).append('.').append(instant.getNano());
        } else if (value instanceof String text) {
            line.append('S').append(text.length()).append(':').append(text);
        } else if (value == Marker.COPY_TIME) {
            line.append('C');
        } else {
            throw new IllegalArgumentException(
                    "no canonical form for " + value.getClass().getName());
        }
    }
}
