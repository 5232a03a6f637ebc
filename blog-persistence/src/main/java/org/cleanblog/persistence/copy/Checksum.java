package org.cleanblog.persistence.copy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
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
    /** One row in its canonical form, reused: UTF-8 bytes written directly, no String or byte[] per row. */
    private byte[] line = new byte[512];

    private int size;
    private long rows;

    Checksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    void add(Object[] row) {
        size = 0;
        for (Object value : row) {
            append(value);
            put('\u001f');
        }
        put('\u001e');
        digest.update(line, 0, size);
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
            put('N');
        } else if (value instanceof Long number) {
            put('L');
            putNumber(number);
        } else if (value instanceof Boolean bool) {
            put('B');
            put(bool ? '1' : '0');
        } else if (value instanceof Instant instant) {
            put('T');
            putNumber(instant.getEpochSecond());
            put('.');
            putNumber(instant.getNano());
        } else if (value instanceof String text) {
            put('S');
            putNumber(text.length());
            put(':');
            putUtf8(text);
        } else if (value == Marker.COPY_TIME) {
            put('C');
        } else {
            throw new IllegalArgumentException(
                    "no canonical form for " + value.getClass().getName());
        }
    }

    /** An ASCII character. */
    private void put(char c) {
        ensureRoom(1);
        line[size++] = (byte) c;
    }

    /** Decimal, as {@link Long#toString(long)} writes it. */
    private void putNumber(long number) {
        ensureRoom(20);
        if (number < 0) {
            if (number == Long.MIN_VALUE) {
                for (char c : Long.toString(number).toCharArray()) {
                    line[size++] = (byte) c;
                }
                return;
            }
            line[size++] = '-';
            number = -number;
        }
        int end = size + digits(number);
        for (int i = end - 1; i >= size; i--) {
            line[i] = (byte) ('0' + number % 10);
            number /= 10;
        }
        size = end;
    }

    private static int digits(long positive) {
        int digits = 1;
        for (long limit = 10; digits < 19 && positive >= limit; limit *= 10) {
            digits++;
        }
        return digits;
    }

    /**
     * The UTF-8 encoding {@link String#getBytes(java.nio.charset.Charset)} gives, a lone surrogate included (as
     * {@code ?}), so that the digests do not depend on how the bytes were built.
     */
    private void putUtf8(String text) {
        int length = text.length();
        ensureRoom(3 * length);
        byte[] out = line;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    out[at++] = (byte) (0xf0 | (codePoint >> 18));
                    out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                    out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                    out[at++] = (byte) (0x80 | (codePoint & 0x3f));
                } else {
                    out[at++] = '?';
                }
            } else {
                out[at++] = (byte) (0xe0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        size = at;
    }

    private void ensureRoom(int bytes) {
        if (size + bytes > line.length) {
            line = Arrays.copyOf(line, Math.max(2 * line.length, size + bytes));
        }
    }
}
